import { RANGE_CONDITIONS, matchesClause, matchesFilterGroup, readClause, readFilterGroup, type Clause } from './conditions';
import { badRequest } from './kvsErrors';
import type { SortTuple } from './paging';

/**
 * Custom entities as the manifest declares them (`app.storage.entities`): typed attributes and
 * indexes. An index is either an attribute name (range = that attribute) or
 * `{name, range: [attribute], partition?: [attributes]}`.
 */
export type EntityAttributeType = 'string' | 'boolean' | 'float' | 'integer' | 'any';

export interface EntityIndex {
  name: string;
  range: string[];
  partition: string[];
}

export interface EntityDefinition {
  name: string;
  attributes: Record<string, EntityAttributeType>;
  indexes: EntityIndex[];
}

const ATTRIBUTE_TYPES: readonly EntityAttributeType[] = ['string', 'boolean', 'float', 'integer', 'any'];

/** Reads `app.storage.entities` from a parsed manifest; a manifest without entities gives `[]`. */
export function readEntityDefinitions(manifest: unknown): EntityDefinition[] {
  const entities = (manifest as { app?: { storage?: { entities?: unknown } } } | null)?.app?.storage?.entities;
  if (!Array.isArray(entities)) return [];
  return entities.map((raw: { name?: unknown; attributes?: unknown; indexes?: unknown }) => {
    const name = String(raw.name);
    const attributes: Record<string, EntityAttributeType> = {};
    for (const [attribute, spec] of Object.entries((raw.attributes ?? {}) as Record<string, { type?: unknown }>)) {
      const type = spec?.type as EntityAttributeType;
      if (!ATTRIBUTE_TYPES.includes(type))
        throw new Error(`manifest.yml: entity ${name}.${attribute} has an unknown type ${String(spec?.type)}`);
      attributes[attribute] = type;
    }
    const indexes = (Array.isArray(raw.indexes) ? raw.indexes : []).map((index: unknown): EntityIndex => {
      if (typeof index === 'string') return { name: index, range: [index], partition: [] };
      const spec = index as { name: string; range: string[]; partition?: string[] };
      return { name: spec.name, range: spec.range, partition: spec.partition ?? [] };
    });
    return { name, attributes, indexes };
  });
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function fitsType(value: unknown, type: EntityAttributeType): boolean {
  switch (type) {
    case 'any':
      return true;
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
  }
}

/** An entity value is an object whose attributes are all declared and of the declared type. */
export function assertValidEntityValue(definition: EntityDefinition, value: unknown): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest('INVALID_ENTITY_VALUE', `A ${definition.name} entity must be an object of its declared attributes.`);
  }
  for (const [attribute, attributeValue] of Object.entries(value)) {
    const type = definition.attributes[attribute];
    if (!type) {
      throw badRequest('INVALID_ENTITY_VALUE', `Attribute "${attribute}" is not declared for entity ${definition.name} in manifest.yml.`);
    }
    if (!fitsType(attributeValue, type)) {
      throw badRequest('INVALID_ENTITY_VALUE', `Attribute "${attribute}" of entity ${definition.name} must be of type ${type}.`);
    }
  }
}

export interface EntityQuery {
  index: EntityIndex;
  partition: unknown[];
  range?: Clause;
  filters?: ReturnType<typeof readFilterGroup>;
  descending: boolean;
}

/** Checks an `/api/v1/entity/query` body against the entity's declared indexes. */
export function readEntityQuery(definition: EntityDefinition, body: Record<string, unknown>): EntityQuery {
  const index = definition.indexes.find((candidate) => candidate.name === body.indexName);
  if (!index) {
    throw badRequest(
      'INVALID_ENTITY_INDEX',
      `Entity ${definition.name} has no index ${JSON.stringify(body.indexName)} in manifest.yml (indexes: ${definition.indexes.map((i) => i.name).join(', ') || 'none'}).`,
    );
  }
  const partition = body.partition === undefined ? [] : body.partition;
  if (!Array.isArray(partition) || partition.length !== index.partition.length) {
    throw badRequest(
      'INVALID_REQUEST',
      `Index ${index.name} is partitioned by [${index.partition.join(', ')}]: pass exactly those values as "partition".`,
    );
  }
  const sort = body.sort ?? 'ASC';
  if (sort !== 'ASC' && sort !== 'DESC') throw badRequest('INVALID_REQUEST', 'sort must be ASC or DESC.');
  return {
    index,
    partition,
    ...(body.range === undefined ? {} : { range: readClause(body.range, RANGE_CONDITIONS) }),
    ...(body.filters === undefined ? {} : { filters: readFilterGroup(body.filters) }),
    descending: sort === 'DESC',
  };
}

/** Whether a stored entity belongs to the query's index slice and passes its range and filters. */
export function entityMatches(query: EntityQuery, value: Record<string, unknown>): boolean {
  const { index } = query;
  // Like a database index: an entity without the indexed attributes is not in the index.
  if ([...index.range, ...index.partition].some((attribute) => value[attribute] === undefined)) return false;
  if (index.partition.some((attribute, i) => value[attribute] !== query.partition[i])) return false;
  const rangeAttribute = index.range[0] as string;
  if (query.range && !matchesClause(value[rangeAttribute], query.range)) return false;
  return !query.filters || matchesFilterGroup(value, query.filters);
}

export function entitySortTuple(query: EntityQuery, key: string, value: Record<string, unknown>): SortTuple {
  return [...query.index.range.map((attribute) => value[attribute] as string | number | boolean), key];
}
