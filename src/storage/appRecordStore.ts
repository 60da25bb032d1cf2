import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { ImprovementRecord, LinkRecord } from '../domain/records/appRecords';

/**
 * The app's own record of who recorded what on an issue (see `domain/records/appRecords`): one small key
 * per improvement story and one per linked issue, written only by the app, after the property it mirrors.
 * Compact on purpose (a site has a record per linked issue): only who, when and what, never the story's text.
 * Records of deleted issues are left in place (Forge has no issue-deleted cleanup hook the app listens to yet).
 */
const improvementKey = (issueId: string) => `improvement-record:${issueId}`;
const linkKey = (issueId: string) => `link-record:${issueId}`;

/*
 * Version 1 of each record; a later version gets its own schema and a step in the upgrade, so every record
 * ever written still reads. Only the current version is written.
 */
const outcomeV1 = z.object({ value: z.enum(['confirmed', 'refuted', 'inconclusive']), note: z.string(), by: z.string(), at: z.string() });
const improvementV1 = z.object({
  outcome: outcomeV1.nullable(),
  dodTicks: z.array(z.object({ itemId: z.string(), by: z.string(), at: z.string() })),
});
const storedImprovementSchema = z.discriminatedUnion('schemaVersion', [z.object({ schemaVersion: z.literal(1), data: improvementV1 })]);

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

const improvementRecord = (record: ImprovementRecord): z.infer<typeof storedImprovementSchema> => ({
  schemaVersion: RECORD_VERSION,
  data: {
    outcome: record.outcome
      ? { value: record.outcome.value, note: record.outcome.note, by: record.outcome.by, at: record.outcome.at }
      : null,
    dodTicks: record.dodTicks.map(({ itemId, by, at }) => ({ itemId, by, at })),
  },
});

const linkRecord = (record: LinkRecord): z.infer<typeof storedLinkSchema> => ({
  schemaVersion: RECORD_VERSION,
  data: { link: record.link ? { ...record.link } : null, by: record.by, at: record.at },
});

export async function readImprovementRecord(issueId: string): Promise<ImprovementRecord | null> {
  return parsed(storedImprovementSchema, improvementKey(issueId), await kvs.get(improvementKey(issueId)));
}

export async function writeImprovementRecord(issueId: string, record: ImprovementRecord): Promise<void> {
  await kvs.set(improvementKey(issueId), improvementRecord(record));
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

/** The same link on many issues (accepted link suggestions), 25 keys a storage call. */
export async function writeLinkRecords(issueIds: readonly string[], record: LinkRecord): Promise<void> {
  const value = linkRecord(record);
  for (let start = 0; start < issueIds.length; start += BATCH) {
    const chunk = issueIds.slice(start, start + BATCH);
    const { failedKeys } = await kvs.batchSet(chunk.map((id) => ({ key: linkKey(id), value })));
    if (failedKeys.length) throw new Error(`Storing ${failedKeys.length} link records failed: ${failedKeys[0]?.error.message ?? ''}`);
  }
}
