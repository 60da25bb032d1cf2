import type { DurableStore, StoreOperation } from '../store/durableStore';
import { matchesFilterGroup, readFilterGroup, type FilterGroup } from './conditions';
import { assertValidEntityValue, entityMatches, entitySortTuple, readEntityQuery, type EntityDefinition } from './customEntities';
import { KvsRequestError, badRequest } from './kvsErrors';
import { KVS_LIMITS, assertValidEntityName, assertValidKey, assertValidValue, byteLength, pageLimit } from './kvsLimits';
import { pageOf } from './paging';

/**
 * Forge's storage service (KVS, secrets, custom entities) behind `@forge/kvs`: the library POSTs
 * JSON to `/api/v1/...` and reads `{code, message}` from any non-2xx answer. Request and reply
 * shapes are read off `@forge/kvs` 1.6 (`storage-api.js`, `interfaces/kvs-api.d.ts`).
 *
 * Each stored row is `{value, createdAt, updatedAt, expireTime?}`; times are epoch milliseconds.
 */
export interface KvsReply {
  status: number;
  /** `undefined`: an empty body. */
  body: unknown;
}

export interface StoredRow {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  /** ISO time after which the row reads as absent (`options.ttl`). */
  expireTime?: string;
}

export const KVS_NAMESPACE = 'kvs';
export const SECRET_NAMESPACE = 'kvs-secret';
export const entityNamespace = (entityName: string) => `kvs-entity:${entityName}`;

type Body = Record<string, unknown>;
type MetadataField = 'CREATED_AT' | 'UPDATED_AT' | 'EXPIRE_TIME';

const TTL_UNIT_MS = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

export interface KvsServiceOptions {
  now?: () => Date;
}

/** Where one key lives: plain KVS, secrets, or one custom entity's table. */
interface Target {
  ns: string;
  key: string;
  entity?: EntityDefinition;
}

export class KvsService {
  private readonly entitiesByName: Map<string, EntityDefinition>;
  private readonly now: () => Date;

  constructor(
    private readonly store: DurableStore,
    entities: EntityDefinition[],
    options: KvsServiceOptions = {},
  ) {
    this.entitiesByName = new Map(entities.map((entity) => [entity.name, entity]));
    this.now = options.now ?? (() => new Date());
  }

  handle(path: string, body: unknown): KvsReply {
    try {
      return this.route(path.split('?')[0] ?? path, body);
    } catch (error) {
      if (error instanceof KvsRequestError) return { status: error.status, body: error.toBody() };
      throw error;
    }
  }

  private route(path: string, raw: unknown): KvsReply {
    if (path.startsWith('/api/v1/batch/')) {
      if (!Array.isArray(raw)) throw badRequest('INVALID_REQUEST', 'A batch request body is an array of items.');
      switch (path) {
        case '/api/v1/batch/set':
          return this.batchSet(raw);
        case '/api/v1/batch/get':
          return this.batchGet(raw);
        case '/api/v1/batch/delete':
          return this.batchDelete(raw);
      }
      return unknownPath(path);
    }
    const body = asBody(raw);
    switch (path) {
      case '/api/v1/get':
        return this.get(this.plainTarget(KVS_NAMESPACE, body.key));
      case '/api/v1/set':
        return this.set(this.plainTarget(KVS_NAMESPACE, body.key), body);
      case '/api/v1/delete':
        return this.delete(this.plainTarget(KVS_NAMESPACE, body.key));
      case '/api/v1/query':
        return this.query(body);
      case '/api/v1/transaction':
        return this.transaction(body);
      case '/api/v1/secret/get':
        return this.get(this.plainTarget(SECRET_NAMESPACE, body.key));
      case '/api/v1/secret/set':
        return this.set(this.plainTarget(SECRET_NAMESPACE, body.key), body);
      case '/api/v1/secret/delete':
        return this.delete(this.plainTarget(SECRET_NAMESPACE, body.key));
      case '/api/v1/entity/get':
        return this.get(this.entityTarget(body.entityName, body.key));
      case '/api/v1/entity/set':
        return this.set(this.entityTarget(body.entityName, body.key), body);
      case '/api/v1/entity/delete':
        return this.delete(this.entityTarget(body.entityName, body.key));
      case '/api/v1/entity/query':
        return this.entityQuery(body);
    }
    return unknownPath(path);
  }

  // --- single keys -------------------------------------------------------------------------

  private get(target: Target): KvsReply {
    const row = this.read(target);
    if (!row) return notFound(target.key);
    // The library picks the metadata it was asked for out of the reply, so the reply carries it all.
    return { status: 200, body: { key: target.key, value: row.value, ...rowMetadata(row, ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']) } };
  }

  private set(target: Target, body: Body): KvsReply {
    const options = (body.options ?? {}) as { keyPolicy?: unknown; returnValue?: unknown; returnMetadataFields?: unknown; ttl?: unknown };
    const keyPolicy = options.keyPolicy ?? 'OVERRIDE';
    if (keyPolicy !== 'OVERRIDE' && keyPolicy !== 'FAIL_IF_EXISTS') {
      throw badRequest('INVALID_REQUEST', 'keyPolicy must be OVERRIDE or FAIL_IF_EXISTS.');
    }
    if (
      options.returnValue !== undefined &&
      (keyPolicy !== 'OVERRIDE' || !['PREVIOUS', 'LATEST'].includes(options.returnValue as string))
    ) {
      throw badRequest('INVALID_REQUEST', 'returnValue (PREVIOUS or LATEST) needs keyPolicy OVERRIDE.');
    }
    this.assertWritable(target, body.value);
    const previous = this.read(target);
    if (keyPolicy === 'FAIL_IF_EXISTS' && previous) {
      throw new KvsRequestError(409, 'KEY_ALREADY_EXISTS', `The key "${target.key}" already exists.`);
    }
    const row = this.newRow(previous, body.value, options.ttl);
    this.store.apply([{ op: 'set', ns: target.ns, key: target.key, value: row }]);
    if (options.returnValue === undefined) return { status: 204, body: undefined };
    const returned = options.returnValue === 'PREVIOUS' ? previous : row;
    if (!returned) return { status: 204, body: undefined };
    const fields = metadataFields(options.returnMetadataFields) ?? [];
    return { status: 200, body: { key: target.key, value: returned.value, ...rowMetadata(returned, fields) } };
  }

  private delete(target: Target): KvsReply {
    // Deleting an absent key is not an error: the library treats KEY_NOT_FOUND as "done" anyway.
    if (this.store.has(target.ns, target.key)) this.store.apply([{ op: 'delete', ns: target.ns, key: target.key }]);
    return { status: 204, body: undefined };
  }

  // --- queries -------------------------------------------------------------------------------

  private query(body: Body): KvsReply {
    const limit = pageLimit(body.limit, 'LIST_QUERY_LIMIT_EXCEEDED');
    const prefix = readKeyWhere(body.where);
    const rows = this.liveRows(KVS_NAMESPACE).filter(([key]) => prefix === null || key.startsWith(prefix));
    const { page, cursor } = pageOf(rows, ([key]) => [key], { cursor: body.after, limit });
    const fields = metadataFields((body.options as { metadataFields?: unknown } | undefined)?.metadataFields) ?? [];
    return {
      status: 200,
      body: { data: page.map(([key, row]) => ({ key, value: row.value, ...rowMetadata(row, fields) })), ...(cursor ? { cursor } : {}) },
    };
  }

  private entityQuery(body: Body): KvsReply {
    const entity = this.entityDefinition(body.entityName);
    const limit = pageLimit(body.limit, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
    const query = readEntityQuery(entity, body);
    const rows = this.liveRows(entityNamespace(entity.name)).filter(([, row]) =>
      entityMatches(query, row.value as Record<string, unknown>),
    );
    const { page, cursor } = pageOf(rows, ([key, row]) => entitySortTuple(query, key, row.value as Record<string, unknown>), {
      cursor: body.cursor,
      limit,
      descending: query.descending,
    });
    const options = body.options as { metadataFields?: unknown } | undefined;
    const fields = metadataFields(options?.metadataFields ?? body.metadataFields) ?? [];
    return {
      status: 200,
      body: { data: page.map(([key, row]) => ({ key, value: row.value, ...rowMetadata(row, fields) })), ...(cursor ? { cursor } : {}) },
    };
  }

  // --- transactions: all or nothing, one store write ------------------------------------------

  private transaction(body: Body): KvsReply {
    const sets = optionalArray(body.set, 'set');
    const deletes = optionalArray(body.delete, 'delete');
    const checks = optionalArray(body.check, 'check');
    const count = sets.length + deletes.length + checks.length;
    if (count === 0) throw badRequest('EMPTY_REQUEST', 'A transaction needs at least one set, delete or check.');
    if (count > KVS_LIMITS.transactionMaxOperations) {
      throw badRequest(
        'TOO_MANY_OPERATIONS',
        `A transaction holds at most ${KVS_LIMITS.transactionMaxOperations} operations; this one has ${count}.`,
      );
    }
    const bytes = byteLength(body);
    if (bytes > KVS_LIMITS.transactionMaxBytes) {
      throw badRequest('PAYLOAD_TOO_LARGE', `A transaction is at most ${KVS_LIMITS.transactionMaxBytes} bytes; this one is ${bytes}.`);
    }
    const seen = new Set<string>();
    const targetOf = (raw: unknown) => {
      const item = asBody(raw);
      const target = this.itemTarget(item);
      const identity = `${target.ns}\u0000${target.key}`;
      if (seen.has(identity)) throw badRequest('DUPLICATE_KEYS', `The key "${target.key}" appears more than once in the transaction.`);
      seen.add(identity);
      const conditions = item.conditions === undefined ? null : readFilterGroup(item.conditions);
      return { item, target, conditions };
    };
    const planned = {
      sets: sets.map(targetOf),
      deletes: deletes.map(targetOf),
      checks: checks.map(targetOf),
    };
    for (const check of planned.checks) {
      if (!check.conditions) throw badRequest('INVALID_REQUEST', 'A transaction check needs conditions.');
    }
    // Validate and evaluate every condition before writing anything.
    for (const { item, target } of planned.sets) this.assertWritable(target, item.value);
    for (const step of [...planned.sets, ...planned.deletes, ...planned.checks]) this.assertCondition(step.target, step.conditions);
    const ops: StoreOperation[] = [
      ...planned.sets.map(({ item, target }) => this.setOperation(target, item)),
      ...planned.deletes.map(({ target }): StoreOperation => ({ op: 'delete', ns: target.ns, key: target.key })),
    ];
    this.store.apply(ops);
    return { status: 204, body: undefined };
  }

  private assertCondition(target: Target, conditions: FilterGroup | null): void {
    if (!conditions) return;
    const row = this.read(target);
    if (!matchesFilterGroup(row?.value, conditions)) {
      throw new KvsRequestError(409, 'CONDITION_CHECK_FAILED', `The conditions on key "${target.key}" are not met; nothing was written.`);
    }
  }

  // --- batches: per-item results ---------------------------------------------------------------

  private batchSet(items: unknown[]): KvsReply {
    return this.batchWrite(items, (item, target) => {
      this.assertWritable(target, item.value);
      return this.setOperation(target, item);
    });
  }

  private batchGet(items: unknown[]): KvsReply {
    this.assertBatchSize(items);
    const successfulKeys: Array<Record<string, unknown>> = [];
    const failedKeys: BatchFailure[] = [];
    for (const raw of items) {
      const item = asBody(raw);
      this.tryItem(item, failedKeys, () => {
        const target = this.itemTarget(item);
        const row = this.read(target);
        if (!row) throw new KvsRequestError(404, 'KEY_NOT_FOUND', `No value is stored under "${target.key}".`);
        const fields = metadataFields((item.options as { metadataFields?: unknown } | undefined)?.metadataFields) ?? [];
        successfulKeys.push({ ...itemIdentity(item), value: row.value, ...rowMetadata(row, fields) });
      });
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchDelete(items: unknown[]): KvsReply {
    return this.batchWrite(items, (_item, target) =>
      this.store.has(target.ns, target.key) ? { op: 'delete', ns: target.ns, key: target.key } : null,
    );
  }

  /**
   * Plans each item (null: nothing to write), reports the ones that fail, and applies the rest in
   * one store write.
   */
  private batchWrite(items: unknown[], plan: (item: Body, target: Target) => StoreOperation | null): KvsReply {
    this.assertBatchSize(items);
    const successfulKeys: Array<{ key: string; entityName?: string }> = [];
    const failedKeys: BatchFailure[] = [];
    const ops: StoreOperation[] = [];
    for (const raw of items) {
      const item = asBody(raw);
      const attempt = this.tryItem(item, failedKeys, () => {
        const op = plan(item, this.itemTarget(item));
        if (op) ops.push(op);
      });
      if (attempt) successfulKeys.push(itemIdentity(item));
    }
    this.store.apply(ops);
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private assertBatchSize(items: unknown[]): void {
    if (items.length === 0) throw badRequest('EMPTY_REQUEST', 'A batch needs at least one item.');
    if (items.length > KVS_LIMITS.batchMaxItems) {
      throw badRequest('TOO_MANY_OPERATIONS', `A batch holds at most ${KVS_LIMITS.batchMaxItems} items; this one has ${items.length}.`);
    }
    const bytes = byteLength(items);
    if (bytes > KVS_LIMITS.batchMaxBytes) {
      throw badRequest('PAYLOAD_TOO_LARGE', `A batch is at most ${KVS_LIMITS.batchMaxBytes} bytes; this one is ${bytes}.`);
    }
  }

  private tryItem(item: Body, failures: BatchFailure[], run: () => void): boolean {
    try {
      run();
      return true;
    } catch (error) {
      if (!(error instanceof KvsRequestError)) throw error;
      failures.push({ ...itemIdentity(item), error: error.toBody() });
      return false;
    }
  }

  private itemTarget(item: Body): Target {
    return item.entityName === undefined ? this.plainTarget(KVS_NAMESPACE, item.key) : this.entityTarget(item.entityName, item.key);
  }

  // --- rows ---------------------------------------------------------------------------------------

  private plainTarget(ns: string, key: unknown): Target {
    assertValidKey(key);
    return { ns, key };
  }

  private entityTarget(entityName: unknown, key: unknown): Target {
    const entity = this.entityDefinition(entityName);
    assertValidKey(key);
    return { ns: entityNamespace(entity.name), key, entity };
  }

  private entityDefinition(entityName: unknown): EntityDefinition {
    assertValidEntityName(entityName);
    const entity = this.entitiesByName.get(entityName);
    if (!entity) {
      throw badRequest('INVALID_ENTITY_TYPE', `Entity "${entityName}" is not declared under app.storage.entities in manifest.yml.`);
    }
    return entity;
  }

  private assertWritable(target: Target, value: unknown): void {
    assertValidValue(value);
    if (target.entity) assertValidEntityValue(target.entity, value);
  }

  private read(target: Target): StoredRow | undefined {
    const row = this.store.get(target.ns, target.key) as StoredRow | undefined;
    return row && !this.expired(row) ? row : undefined;
  }

  private liveRows(ns: string): Array<[string, StoredRow]> {
    return (this.store.entries(ns) as Array<[string, StoredRow]>).filter(([, row]) => !this.expired(row));
  }

  private expired(row: StoredRow): boolean {
    return row.expireTime !== undefined && Date.parse(row.expireTime) <= this.now().getTime();
  }

  /** A set of the item's value (and TTL) over whatever the target holds now. */
  private setOperation(target: Target, item: Body): StoreOperation {
    const options = (item.options ?? {}) as { ttl?: unknown };
    return { op: 'set', ns: target.ns, key: target.key, value: this.newRow(this.read(target), item.value, options.ttl) };
  }

  private newRow(previous: StoredRow | undefined, value: unknown, ttl: unknown): StoredRow {
    const now = this.now().getTime();
    const expireTime = readTtl(ttl, now);
    return { value, createdAt: previous?.createdAt ?? now, updatedAt: now, ...(expireTime ? { expireTime } : {}) };
  }
}

interface BatchFailure {
  key: string;
  entityName?: string;
  error: { code: string; message: string };
}

function asBody(raw: unknown): Body {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest('INVALID_REQUEST', 'The request body must be a JSON object.');
  return raw as Body;
}

function optionalArray(raw: unknown, name: string): unknown[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw badRequest('INVALID_REQUEST', `"${name}" must be an array.`);
  return raw;
}

function itemIdentity(item: Body): { key: string; entityName?: string } {
  return { key: String(item.key), ...(typeof item.entityName === 'string' ? { entityName: item.entityName } : {}) };
}

function notFound(key: string): KvsReply {
  return { status: 404, body: { code: 'KEY_NOT_FOUND', message: `No value is stored under "${key}".` } };
}

function unknownPath(path: string): KvsReply {
  return { status: 404, body: { code: 'UNKNOWN_PATH', message: `The workbench storage service has no endpoint ${path}.` } };
}

/** KVS queries take at most one `where`: `key BEGINS_WITH prefix`. */
function readKeyWhere(where: unknown): string | null {
  if (where === undefined || where === null) return null;
  if (!Array.isArray(where) || where.length > 1) {
    throw badRequest('QUERY_WHERE_INVALID', 'A KVS query takes at most one where condition.');
  }
  if (where.length === 0) return null;
  const clause = where[0] as { property?: unknown; condition?: unknown; values?: unknown };
  if (clause.property !== 'key') throw badRequest('QUERY_WHERE_FIELD_INVALID', 'KVS queries can only filter on "key".');
  if (clause.condition !== 'BEGINS_WITH') {
    throw badRequest('INVALID_FILTER_CONDITION', `KVS queries only support BEGINS_WITH; got ${JSON.stringify(clause.condition)}.`);
  }
  if (!Array.isArray(clause.values) || clause.values.length !== 1 || !['string', 'number'].includes(typeof clause.values[0])) {
    throw badRequest('INVALID_FILTER_VALUES', 'BEGINS_WITH takes exactly one string value.');
  }
  return String(clause.values[0]);
}

function metadataFields(raw: unknown): MetadataField[] | null {
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw)) throw badRequest('INVALID_REQUEST', 'metadataFields must be an array.');
  return raw as MetadataField[];
}

function rowMetadata(row: StoredRow, fields: MetadataField[]): Record<string, unknown> {
  return {
    ...(fields.includes('CREATED_AT') ? { createdAt: row.createdAt } : {}),
    ...(fields.includes('UPDATED_AT') ? { updatedAt: row.updatedAt } : {}),
    ...(fields.includes('EXPIRE_TIME') && row.expireTime ? { expireTime: row.expireTime } : {}),
  };
}

function readTtl(raw: unknown, now: number): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const ttl = raw as { value?: unknown; unit?: unknown };
  const unitMs = TTL_UNIT_MS[ttl.unit as keyof typeof TTL_UNIT_MS];
  if (!unitMs || typeof ttl.value !== 'number' || !Number.isInteger(ttl.value) || ttl.value <= 0) {
    throw badRequest('INVALID_REQUEST', 'ttl must be {value: positive whole number, unit: SECONDS | MINUTES | HOURS | DAYS}.');
  }
  return new Date(now + ttl.value * unitMs).toISOString();
}
