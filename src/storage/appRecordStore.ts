import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { DomainError } from '../domain/errors';
import type { ImprovementRecord, LinkRecord } from '../domain/records/appRecords';
import { SAVE_VERSION_ENTITY, versionKey, writeRecordAtVersion } from './versionedRecord';

/**
 * The app's own record of who recorded what on an issue (see `domain/records/appRecords`): one small key
 * per improvement story and one per linked issue, written only by the app, after the property it mirrors.
 * Compact on purpose (a site has a record per linked issue): only who, when and what, never the story's text.
 * Both are deleted with their issue (`deleteIssueRecords`, on Jira's issue-deleted event).
 */
const improvementKey = (issueId: string) => `improvement-record:${issueId}`;
const linkKey = (issueId: string) => `link-record:${issueId}`;

/*
 * Version 1 of each record; a later version gets its own schema and a step in the upgrade, so every record
 * ever written still reads. Only the current version is written.
 */
// `unverified`: adopted from a property written before records existed; its author is never credited.
const unverified = z.literal(true).optional();
const outcomeV1 = z.object({
  value: z.enum(['confirmed', 'refuted', 'inconclusive']),
  note: z.string(),
  by: z.string(),
  at: z.string(),
  unverified,
});
const improvementV1 = z.object({
  outcome: outcomeV1.nullable(),
  dodTicks: z.array(z.object({ itemId: z.string(), by: z.string(), at: z.string(), unverified })),
});
/*
 * `version`: the save version (see `versionedRecord`), so concurrent edits of one story (two people ticking
 * different items) merge instead of one overwriting the other. Absent on records written before: version 0.
 */
const storedImprovementSchema = z.discriminatedUnion('schemaVersion', [
  z.object({ schemaVersion: z.literal(1), version: z.number().int().nonnegative().optional(), data: improvementV1 }),
]);

const linkV1 = z.object({
  link: z
    .object({
      processKey: z.string(),
      stageId: z.string().nullable(),
      source: z.enum(['person', 'automation', 'inherited', 'auto-rule']).nullable(),
    })
    .nullable(),
  by: z.string(),
  at: z.string(),
});
const storedLinkSchema = z.discriminatedUnion('schemaVersion', [z.object({ schemaVersion: z.literal(1), data: linkV1 })]);

const RECORD_VERSION = 1;
/** Forge KVS batches hold at most 25 items. */
const BATCH = 25;

/** An unreadable record is logged and read as absent: "unverified", so nobody is credited from damaged data. */
function parsed<T>(schema: z.ZodType<{ data: T }>, key: string, raw: unknown): T | null {
  if (raw === undefined || raw === null) return null;
  const result = schema.safeParse(raw);
  if (result.success) return result.data.data;
  console.warn(`App record ${key} is unreadable and was skipped: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return null;
}

const improvementRecord = (record: ImprovementRecord, version: number): z.infer<typeof storedImprovementSchema> => ({
  schemaVersion: RECORD_VERSION,
  version,
  data: {
    outcome: record.outcome
      ? {
          value: record.outcome.value,
          note: record.outcome.note,
          by: record.outcome.by,
          at: record.outcome.at,
          ...(record.outcome.unverified ? { unverified: true as const } : {}),
        }
      : null,
    dodTicks: record.dodTicks.map(({ itemId, by, at, unverified: adopted }) => ({
      itemId,
      by,
      at,
      ...(adopted ? { unverified: true as const } : {}),
    })),
  },
});

const linkRecord = (record: LinkRecord): z.infer<typeof storedLinkSchema> => ({
  schemaVersion: RECORD_VERSION,
  data: { link: record.link ? { ...record.link } : null, by: record.by, at: record.at },
});

export async function readImprovementRecord(issueId: string): Promise<ImprovementRecord | null> {
  return parsed(storedImprovementSchema, improvementKey(issueId), await kvs.get(improvementKey(issueId)));
}

/** The save version of a stored improvement record: 0 when it has none (written before versions, or unreadable). */
const improvementVersionOf = (raw: unknown): number => {
  const version = (raw as { version?: unknown } | null | undefined)?.version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
};

export interface VersionedImprovementRecord {
  record: ImprovementRecord | null;
  /** The save version it was read at (0: never saved with one). */
  version: number;
}

export async function readImprovementRecordVersioned(issueId: string): Promise<VersionedImprovementRecord> {
  const raw = await kvs.get(improvementKey(issueId));
  return { record: parsed(storedImprovementSchema, improvementKey(issueId), raw), version: improvementVersionOf(raw) };
}

/** Enough for every person on a team ticking the same story at once; more means something is wrong. */
const UPDATE_ATTEMPTS = 10;

/**
 * Changes a story's record atomically: `change` gets the record as stored now and answers the new one, which is
 * saved only over the version it was computed from; when another save moved the record on first, it is read
 * again and `change` asked again. Answers what was saved and its version.
 */
export async function updateImprovementRecord<T extends { record: ImprovementRecord }>(
  issueId: string,
  change: (current: VersionedImprovementRecord) => T,
): Promise<T & { version: number }> {
  const key = improvementKey(issueId);
  for (let attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
    const current = await readImprovementRecordVersioned(issueId);
    const next = change(current);
    const version = current.version + 1;
    if (
      await writeRecordAtVersion(key, { from: current.version, to: version }, improvementRecord(next.record, version), improvementVersionOf)
    ) {
      return { ...next, version };
    }
  }
  throw new DomainError('conflict', 'Many people are changing this story at once. Try again in a moment.');
}

/** Records of many stories (the backlog, the review), 25 keys a storage call. */
export async function readImprovementRecords(issueIds: readonly string[]): Promise<Map<string, ImprovementRecord>> {
  const records = new Map<string, ImprovementRecord>();
  const unique = [...new Set(issueIds)];
  for (let start = 0; start < unique.length; start += BATCH) {
    const chunk = unique.slice(start, start + BATCH);
    const { successfulKeys } = await kvs.batchGet<unknown>(chunk.map((id) => ({ key: improvementKey(id) })));
    const byKey = new Map(successfulKeys.map((item) => [item.key, item.value]));
    for (const id of chunk) {
      const record = parsed(storedImprovementSchema, improvementKey(id), byKey.get(improvementKey(id)));
      if (record) records.set(id, record);
    }
  }
  return records;
}

export async function readLinkRecord(issueId: string): Promise<LinkRecord | null> {
  return parsed(storedLinkSchema, linkKey(issueId), await kvs.get(linkKey(issueId)));
}

export async function writeLinkRecord(issueId: string, record: LinkRecord): Promise<void> {
  await kvs.set(linkKey(issueId), linkRecord(record));
}

/**
 * Forgets everything the app recorded about a deleted issue: its improvement record (with its save version row)
 * and its link record, in one transaction. Deleting what is not there is harmless, so a repeated event is too.
 */
export async function deleteIssueRecords(issueId: string): Promise<void> {
  await kvs
    .transact()
    .delete(improvementKey(issueId))
    .delete(versionKey(improvementKey(issueId)), { entityName: SAVE_VERSION_ENTITY })
    .delete(linkKey(issueId))
    .execute();
}

/** The same link on many issues (accepted link suggestions), 25 keys a storage call. */
export async function writeLinkRecords(issueIds: readonly string[], record: LinkRecord): Promise<void> {
  const value = linkRecord(record);
  for (let start = 0; start < issueIds.length; start += BATCH) {
    const chunk = issueIds.slice(start, start + BATCH);
    const { failedKeys } = await kvs.batchSet(chunk.map((id) => ({ key: linkKey(id), value })));
    if (failedKeys.length) throw new Error(`Storing ${failedKeys.length} link records failed: ${failedKeys[0]?.error.message ?? ''}`);
  }
}
