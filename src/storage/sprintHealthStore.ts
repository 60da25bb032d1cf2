import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { SprintHealthProgress, SprintSummaryView } from '../contract/sprintHealthContract';
import type { ResolverError } from '../contract/errors';
import type {
  ChangeHistory,
  CriterionResult,
  DrillDownKey,
  Health,
  IssueInput,
  Reason,
  SprintMetrics,
} from '../domain/sprintHealth';
import { DomainError } from '../domain/errors';
import { scanPrefix } from './prefixScan';
import { deleteChunked, hasAnyValue, readChunked, readChunkedUntil, writeChunked, type ChunkedRead } from './sprintHealthChunks';
import {
  activeIssueRecordSchema,
  activeMetaSchema,
  boardChoiceSchema,
  checkedRecord,
  eventChangeSchema,
  issueLeftSchema,
  jobRecordSchema,
  runningMarkerSchema,
  startSnapshotSchema,
  storedResultItemSchema,
  storedResultMetaSchema,
  trendPointSchema,
  warnUnreadable,
} from './sprintHealthRecordSchemas';

/**
 * Sprint health in Forge storage (one installation = one site, so keys need no site):
 *  - `sprint-health:frozen:<sprintId>`   a closed sprint's result, written once, never rewritten
 *  - `sprint-health:active:<sprintId>`   an active sprint's per-issue inputs, for cheap refreshes
 *  - `sprint-health:snapshot:<sprintId>` committed issue ids, taken when the sprint started (first write wins)
 *  - `sprint-health:left:<sprintId>:<issueId>`  issues seen leaving the sprint (issue-updated events)
 *  - `sprint-health:evt:<sprintId>:<issueId>:<historyId>`  changelogs events carried, applied on the next refresh
 *  - `sprint-health:trend:<boardId>:<completeDate>:<sprintId>`  frozen scores per process, for sparklines
 *  - `sprint-health:job:<jobId>`, `sprint-health:running:<sprintId>`  background computations
 *  - `sprint-health:choice:<accountId>`, `sprint-health:settings`
 *
 * Every record is checked when read back (sprintHealthRecordSchemas.ts). One that does not match
 * what this version writes (an older version's, or damaged) is skipped with a log line naming the
 * key, and the caller falls back as if it were absent (recompute, no choice, no job) — except a
 * frozen result: it is never rewritten, so an unreadable one is reported (`UnreadableFrozenResult`)
 * and left as it is, rather than silently replaced by numbers recomputed from today's Jira.
 */

export interface SprintRecord extends SprintSummaryView {
  originBoardId: number | null;
}

/** Only the fields stored of a sprint as Jira describes it (its goal and the like are left out). */
export function toSprintRecord(sprint: SprintRecord): SprintRecord {
  return {
    id: sprint.id,
    name: sprint.name,
    state: sprint.state,
    startDate: sprint.startDate,
    endDate: sprint.endDate,
    completeDate: sprint.completeDate,
    originBoardId: sprint.originBoardId,
  };
}

export type DrillDownCounts = Record<DrillDownKey, { listed: number; counted: number }>;

export interface StoredRow {
  processKey: string | null;
  metrics: SprintMetrics;
  criteria: CriterionResult[];
  health: Health;
  drillDownCounts: DrillDownCounts;
}

export interface StoredCompleteness {
  exact: boolean;
  notes: string[];
  removedIssuesKnown: boolean;
}

/** A computed result without issue details: drill-downs are issue ids and reasons (`StoredDrillItem`). */
export interface StoredResultMeta {
  sprint: SprintRecord;
  computedAt: string;
  window: { start: string; end: string };
  completeness: StoredCompleteness;
  totals: Omit<StoredRow, 'processKey'>;
}

/** [row index, drill-down key, issue id, counted (1/0), reason]. */
export type StoredDrillItem = [number, DrillDownKey, string, 0 | 1, Reason];
export type StoredResultItem = { row: StoredRow } | StoredDrillItem;

export interface StoredResult {
  meta: StoredResultMeta;
  rows: StoredRow[];
  drill: StoredDrillItem[];
}

const frozenKey = (sprintId: number) => `sprint-health:frozen:${sprintId}`;
const activeKey = (sprintId: number) => `sprint-health:active:${sprintId}`;

function toItems(result: StoredResult): StoredResultItem[] {
  return [...result.rows.map((row) => ({ row })), ...result.drill];
}

function fromItems(meta: StoredResultMeta, items: StoredResultItem[]): StoredResult {
  const rows: StoredRow[] = [];
  const drill: StoredDrillItem[] = [];
  for (const item of items) {
    if (Array.isArray(item)) drill.push(item);
    else rows.push(item.row);
  }
  return { meta, rows, drill };
}

// --- frozen closed-sprint results -------------------------------------------------------------

/** Writes a closed sprint's result once. Returns false when one was already stored (it is kept). */
export async function freezeResult(result: StoredResult, trendBoardId: number | null): Promise<boolean> {
  const { written } = await writeChunked(frozenKey(Number(result.meta.sprint.id)), result.meta, toItems(result), 'first-write-wins');
  if (written && trendBoardId !== null) await writeTrendPoint(trendBoardId, result);
  return written;
}

const resultSchemas = { meta: storedResultMetaSchema, item: storedResultItemSchema };

/** The answer for a closed sprint whose frozen result cannot be read: said plainly, nothing changed. */
export class UnreadableFrozenResult extends DomainError {
  constructor(sprintId: number) {
    super(
      'unreadable',
      `The stored health of sprint ${sprintId} can't be read (it may have been saved by an older version of the app). ` +
        'Frozen results are never recomputed or overwritten, so it is left as it is: ask your Jira administrator to contact the app vendor.',
    );
  }
}

function frozenOrThrow<M, T>(sprintId: number, read: ChunkedRead<M, T>): { meta: M; items: T[] } | null {
  if (read.state === 'absent') return null;
  if (read.state === 'unreadable') {
    warnUnreadable(frozenKey(sprintId), read.why);
    throw new UnreadableFrozenResult(sprintId);
  }
  return read;
}

/** A closed sprint's frozen result, null when none is stored; `UnreadableFrozenResult` when one is but cannot be read. */
export async function readFrozenResult(sprintId: number): Promise<StoredResult | null> {
  const stored = frozenOrThrow(sprintId, await readChunked(frozenKey(sprintId), resultSchemas));
  return stored ? fromItems(stored.meta, stored.items) : null;
}

/**
 * Only the rows of a frozen result (scores and metrics per process), without its drill-downs:
 * rows are stored before drill items, so usually the first chunk is all that is read.
 */
export async function readFrozenRows(sprintId: number): Promise<{ meta: StoredResultMeta; rows: StoredRow[] } | null> {
  const isDrillItem = (item: StoredResultItem) => Array.isArray(item);
  const read = await readChunkedUntil(frozenKey(sprintId), resultSchemas, (chunk) => chunk.some(isDrillItem));
  // For the reviews' health column: an unreadable result shows as no health (logged), not as a broken page.
  if (read.state === 'unreadable') warnUnreadable(frozenKey(sprintId), read.why);
  if (read.state !== 'ok') return null;
  const stored = read;
  return { meta: stored.meta, rows: stored.items.flatMap((item) => (Array.isArray(item) ? [] : [item.row])) };
}

/** Whether a frozen result is stored, readable or not (either way it is never computed again). */
export async function hasFrozenResult(sprintId: number): Promise<boolean> {
  return hasAnyValue(frozenKey(sprintId));
}

// --- trend points -----------------------------------------------------------------------------

export interface TrendPoint {
  sprintId: number;
  sprintName: string;
  completeDate: string | null;
  /** Score per process key; the unlinked row under UNLINKED_TREND_KEY. */
  scores: Record<string, Health>;
}
export const UNLINKED_TREND_KEY = '~unlinked';

const trendPrefix = (boardId: number) => `sprint-health:trend:${boardId}:`;

async function writeTrendPoint(boardId: number, result: StoredResult): Promise<void> {
  const { sprint } = result.meta;
  const point: TrendPoint = {
    sprintId: sprint.id,
    sprintName: sprint.name,
    completeDate: sprint.completeDate,
    scores: Object.fromEntries(result.rows.map((row) => [row.processKey ?? UNLINKED_TREND_KEY, row.health])),
  };
  // Keys sort by completion time (epoch ms, zero-padded), so a prefix query lists a board's closed sprints oldest first.
  const closedAt = Date.parse(sprint.completeDate ?? sprint.endDate ?? '') || 0;
  await kvs.set(`${trendPrefix(boardId)}${String(closedAt).padStart(15, '0')}:${sprint.id}`, point);
}

/** Frozen scores of the board's closed sprints, oldest first. */
export async function listTrendPoints(boardId: number): Promise<TrendPoint[]> {
  return listByPrefix(trendPrefix(boardId), trendPointSchema);
}

// --- active-sprint inputs ---------------------------------------------------------------------

export interface ActiveIssueRecord {
  issue: IssueInput;
  statusName: string;
  updated: string;
  /** null when the history could not be read. */
  changelog: ChangeHistory[] | null;
}

export interface ActiveMeta {
  sprint: SprintRecord;
  /** When the search of the last computation was sent: a refresh asks for issues updated since. */
  searchedAt: string;
  computedAt: string;
  fields: { sprint: string | null; flagged: string | null };
  /** Ids of every issue kept, so issue events find the sprint without reading the chunks. */
  issueIds: string[];
  /** When the sprint itself was last re-read from Jira (past its end, in case its close event was missed). */
  sprintCheckedAt?: string;
}

export async function writeActiveInputs(meta: ActiveMeta, issues: ActiveIssueRecord[]): Promise<void> {
  await writeChunked(activeKey(meta.sprint.id), meta, issues, 'overwrite');
}

/** An active sprint's kept inputs; null when none are kept or they cannot be read (a cache: the caller recomputes and overwrites). */
export async function readActiveInputs(sprintId: number): Promise<{ meta: ActiveMeta; issues: ActiveIssueRecord[] } | null> {
  const read = await readChunked(activeKey(sprintId), { meta: activeMetaSchema, item: activeIssueRecordSchema });
  if (read.state === 'unreadable') warnUnreadable(activeKey(sprintId), read.why);
  return read.state === 'ok' ? { meta: read.meta, issues: read.items } : null;
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

// --- start snapshots, issues that left, changelogs from events ----------------------------------

export interface StartSnapshot {
  issueIds: string[];
  takenAt: string;
}

/** First write wins: the same sprint-start event delivered twice keeps the first snapshot. */
export async function writeStartSnapshot(sprintId: number, snapshot: StartSnapshot): Promise<boolean> {
  try {
    await kvs.set(`sprint-health:snapshot:${sprintId}`, snapshot, { keyPolicy: 'FAIL_IF_EXISTS' });
    return true;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const text = `${typeof code === 'string' || typeof code === 'number' ? code : ''} ${(error as Error).message}`;
    if (/KEY_ALREADY_EXISTS|already exists|409/i.test(text)) return false;
    throw error;
  }
}

export async function readStartSnapshot(sprintId: number): Promise<StartSnapshot | null> {
  const key = `sprint-health:snapshot:${sprintId}`;
  return checkedRecord(startSnapshotSchema, key, await kvs.get(key));
}

export async function recordIssueLeftSprint(sprintId: number, issueId: string, at: string): Promise<void> {
  await kvs.set(`sprint-health:left:${sprintId}:${issueId}`, { issueId, at });
}

export async function listIssuesLeftSprint(sprintId: number): Promise<Array<{ issueId: string; at: string }>> {
  return listByPrefix(`sprint-health:left:${sprintId}:`, issueLeftSchema);
}

export interface EventChange {
  issueId: string;
  historyId: string;
  /** The issue's `updated` after this change: equal to the search's `updated` means nothing newer happened. */
  updated: string;
  history: ChangeHistory;
}

export async function recordEventChange(sprintId: number, change: EventChange): Promise<void> {
  await kvs.set(`sprint-health:evt:${sprintId}:${change.issueId}:${change.historyId}`, change);
}

export async function listEventChanges(sprintId: number): Promise<EventChange[]> {
  return listByPrefix(`sprint-health:evt:${sprintId}:`, eventChangeSchema);
}

export async function deleteEventChanges(sprintId: number, changes: EventChange[]): Promise<void> {
  for (const change of changes) await kvs.delete(`sprint-health:evt:${sprintId}:${change.issueId}:${change.historyId}`);
}

// --- background jobs ------------------------------------------------------------------------

export interface JobRecord {
  jobId: string;
  sprintId: number;
  boardId: number;
  status: 'computing' | 'ready' | 'failed';
  progress: SprintHealthProgress;
  error: ResolverError | null;
  startedAt: string;
  updatedAt: string;
}

export const writeJob = (job: JobRecord) => kvs.set(`sprint-health:job:${job.jobId}`, job);
export async function readJob(jobId: string): Promise<JobRecord | null> {
  const key = `sprint-health:job:${jobId}`;
  return checkedRecord(jobRecordSchema, key, await kvs.get(key));
}

export async function readRunningJob(sprintId: number): Promise<JobRecord | null> {
  const key = `sprint-health:running:${sprintId}`;
  const running = checkedRecord(runningMarkerSchema, key, await kvs.get(key));
  if (!running) return null;
  const job = await readJob(running.jobId);
  return job?.status === 'computing' ? job : null;
}

export const markRunning = (sprintId: number, jobId: string) => kvs.set(`sprint-health:running:${sprintId}`, { jobId });
export const clearRunning = (sprintId: number) => kvs.delete(`sprint-health:running:${sprintId}`);

// --- per-user choice, settings ---------------------------------------------------------------

export interface BoardChoice {
  boardId: number;
  sprintId: number;
}

export async function readChoice(accountId: string): Promise<BoardChoice | null> {
  const key = `sprint-health:choice:${accountId}`;
  return checkedRecord(boardChoiceSchema, key, await kvs.get(key));
}
export const writeChoice = (accountId: string, choice: BoardChoice) => kvs.set(`sprint-health:choice:${accountId}`, choice);

// --- helpers ---------------------------------------------------------------------------------

/** Values under `prefix`, in key order; those that do not match `schema` are skipped (and logged). */
const listByPrefix = <T>(prefix: string, schema: z.ZodType<T>): Promise<T[]> => scanPrefix(prefix, (key, value) => checkedRecord(schema, key, value));
