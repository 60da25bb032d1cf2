import { z } from 'zod';
import type { ChangeHistory, IssueInput, Sprint } from '../../domain/sprintHealth';
import { deleteChunked, readChunked, writeChunked } from './chunks';
import { listByPrefix, warnUnreadable } from './recordCheck';
import { iso, storedSprintSchema } from './storedShapes';
import { storedChangeHistorySchema } from './storedChangelog';

/**
 * `sprint-health:active:<sprintId>`: an active sprint's per-issue inputs (chunked, head schemaVersion 1),
 * so a refresh asks Jira only for what changed. A cache: an unreadable one is recomputed and overwritten.
 */

export interface ActiveIssueRecord {
  issue: IssueInput;
  statusName: string;
  updated: string;
  /** null when the history could not be read. */
  changelog: ChangeHistory[] | null;
}

export interface ActiveMeta {
  sprint: Sprint;
  /** When the search of the last computation was sent: a refresh asks for issues updated since. */
  searchedAt: string;
  computedAt: string;
  fields: { sprint: string | null; flagged: string | null };
  /** Ids of every issue kept, so issue events find the sprint without reading the chunks. */
  issueIds: string[];
  /** When the sprint itself was last re-read from Jira (past its end, in case its close event was missed). */
  sprintCheckedAt?: string;
}

/** An issue's inputs as stored: its current sprint ids as the strings the first version wrote. */
type StoredIssueInput = Omit<IssueInput, 'currentSprintIds'> & { currentSprintIds: string[] };
type StoredActiveIssueRecord = Omit<ActiveIssueRecord, 'issue'> & { issue: StoredIssueInput };

const toStored = (record: ActiveIssueRecord): StoredActiveIssueRecord => ({
  ...record,
  issue: { ...record.issue, currentSprintIds: record.issue.currentSprintIds.map(String) },
});
const fromStored = (record: StoredActiveIssueRecord): ActiveIssueRecord => ({
  ...record,
  issue: { ...record.issue, currentSprintIds: record.issue.currentSprintIds.map(Number) },
});

const issueInputSchema: z.ZodType<StoredIssueInput> = z.object({
  id: z.string(),
  key: z.string(),
  summary: z.string(),
  issueTypeName: z.string(),
  statusId: z.string(),
  statusCategory: z.enum(['new', 'indeterminate', 'done']),
  currentSprintIds: z.array(z.string()),
  flagged: z.boolean().optional(),
  created: iso,
  processKey: z.string().nullable(),
  isImprovement: z.boolean().optional(),
});

const activeMetaSchema: z.ZodType<ActiveMeta> = z.object({
  sprint: storedSprintSchema,
  searchedAt: iso,
  computedAt: iso,
  fields: z.object({ sprint: z.string().nullable(), flagged: z.string().nullable() }),
  issueIds: z.array(z.string()),
  sprintCheckedAt: iso.optional(),
});

const activeIssueRecordSchema: z.ZodType<StoredActiveIssueRecord> = z.object({
  issue: issueInputSchema,
  statusName: z.string(),
  updated: iso,
  changelog: z.array(storedChangeHistorySchema).nullable(),
});

const activeKey = (sprintId: number) => `sprint-health:active:${sprintId}`;

export async function writeActiveInputs(meta: ActiveMeta, issues: ActiveIssueRecord[]): Promise<void> {
  await writeChunked(activeKey(meta.sprint.id), meta, issues.map(toStored), 'overwrite');
}

/** An active sprint's kept inputs; null when none are kept or they cannot be read (a cache: the caller recomputes and overwrites). */
export async function readActiveInputs(sprintId: number): Promise<{ meta: ActiveMeta; issues: ActiveIssueRecord[] } | null> {
  const read = await readChunked(activeKey(sprintId), { meta: activeMetaSchema, item: activeIssueRecordSchema });
  if (read.state === 'unreadable') warnUnreadable(activeKey(sprintId), read.why);
  return read.state === 'ok' ? { meta: read.meta, issues: read.items.map(fromStored) } : null;
}

const activeHeadSchema = z.object({ meta: activeMetaSchema });

/** Heads of every cached active sprint (a handful per site); unreadable ones are skipped. */
export async function listActiveHeads(): Promise<ActiveMeta[]> {
  return (await listByPrefix('sprint-health:active:', activeHeadSchema)).map((head) => head.meta);
}

/** Once the sprint is frozen its inputs are of no use: issue events stop recording for it too. */
export async function deleteActiveInputs(sprintId: number): Promise<void> {
  await deleteChunked(activeKey(sprintId));
}
