import { z } from 'zod';
import type { CriterionKey, CriterionResult, DrillDownKey, Health, Reason, Sprint, SprintMetrics } from '../../domain/sprintHealth';
import { CRITERION_KEYS, DRILL_DOWN_KEYS } from '../../domain/sprintHealth/metricKeys';
import { DomainError } from '../../domain/errors';
import { hasAnyValue, readChunked, readChunkedUntil, writeChunked, type ChunkedRead } from './chunks';
import { warnUnreadable } from './recordCheck';
import {
  iso,
  storedCriterionSchema,
  storedDrillDownCountsSchema,
  storedHealthSchema,
  storedMetricsSchema,
  storedReasonSchema,
  storedSprintSchema,
  fromStoredReason,
  toStoredReason,
  type DrillDownCounts,
  type StoredReason,
} from './storedShapes';

/**
 * `sprint-health:frozen:<sprintId>`: a closed sprint's result, written once, never rewritten (chunked,
 * head schemaVersion 1). Also the shape an active sprint's result is recomputed into. An unreadable
 * frozen result is reported (`UnreadableFrozenResult`) and left as it is, rather than silently
 * replaced by numbers recomputed from today's Jira.
 */

export type { DrillDownCounts };

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
  /** Absent from results stored before it was kept: those had `removedIssuesKnown` exactly when a start snapshot was taken. */
  incompleteCriteria?: CriterionKey[];
}

/** A computed result without issue details: drill-downs are issue ids and reasons (`StoredDrillItem`). */
export interface StoredResultMeta {
  sprint: Sprint;
  computedAt: string;
  window: { start: string; end: string };
  completeness: StoredCompleteness;
  totals: Omit<StoredRow, 'processKey'>;
}

/** [row index, drill-down key, issue id, counted (1/0), reason]. */
export type StoredDrillItem = [number, DrillDownKey, string, 0 | 1, Reason];
/** The chunks' items: rows first, then drill items (their reasons as stored). */
type StoredResultItem = { row: StoredRow } | [number, DrillDownKey, string, 0 | 1, StoredReason];

export interface StoredResult {
  meta: StoredResultMeta;
  rows: StoredRow[];
  drill: StoredDrillItem[];
}

const scored = {
  metrics: storedMetricsSchema,
  criteria: z.array(storedCriterionSchema),
  health: storedHealthSchema,
  drillDownCounts: storedDrillDownCountsSchema,
};
const storedRowSchema: z.ZodType<StoredRow> = z.object({ processKey: z.string().nullable(), ...scored });

export const storedResultMetaSchema: z.ZodType<StoredResultMeta> = z.object({
  sprint: storedSprintSchema,
  computedAt: iso,
  window: z.object({ start: iso, end: iso }),
  completeness: z.object({
    exact: z.boolean(),
    notes: z.array(z.string()),
    removedIssuesKnown: z.boolean(),
    incompleteCriteria: z.array(z.enum(CRITERION_KEYS)).optional(),
  }),
  totals: z.object(scored),
});

const storedResultItemSchema: z.ZodType<StoredResultItem> = z.union([
  z.object({ row: storedRowSchema }),
  z.tuple([z.number().int().min(0), z.enum(DRILL_DOWN_KEYS), z.string(), z.union([z.literal(0), z.literal(1)]), storedReasonSchema]),
]);

const resultSchemas = { meta: storedResultMetaSchema, item: storedResultItemSchema };

const frozenKey = (sprintId: number) => `sprint-health:frozen:${sprintId}`;

function toItems(result: StoredResult): StoredResultItem[] {
  return [
    ...result.rows.map((row) => ({ row })),
    ...result.drill.map(([row, key, issueId, counted, reason]): StoredResultItem => [row, key, issueId, counted, toStoredReason(reason)]),
  ];
}

function fromItems(meta: StoredResultMeta, items: StoredResultItem[]): StoredResult {
  const rows: StoredRow[] = [];
  const drill: StoredDrillItem[] = [];
  for (const item of items) {
    if (Array.isArray(item)) drill.push([item[0], item[1], item[2], item[3], fromStoredReason(item[4])]);
    else rows.push(item.row);
  }
  return { meta, rows, drill };
}

/** Writes a closed sprint's result once. Returns false when one was already stored (it is kept). */
export async function freezeResult(result: StoredResult): Promise<boolean> {
  const { written } = await writeChunked(frozenKey(result.meta.sprint.id), result.meta, toItems(result), 'first-write-wins');
  return written;
}

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
  return { meta: read.meta, rows: read.items.flatMap((item) => (Array.isArray(item) ? [] : [item.row])) };
}

/** Whether a frozen result is stored, readable or not (either way it is never computed again). */
export async function hasFrozenResult(sprintId: number): Promise<boolean> {
  return hasAnyValue(frozenKey(sprintId));
}
