import { z } from 'zod';
import { resolverErrorSchema } from '../contract/errors';
import { drillDownCountsSchema, progressSchema, sprintSummarySchema } from '../contract/sprintHealthContract';
import type { ChangeHistory, IssueInput, Reason } from '../domain/sprintHealth';
import { FLOW_KINDS } from '../domain/sprintHealth/metricKeys';
import { criterionResultSchema, healthSchema, sprintMetricsSchema } from '../domain/sprintHealth/resultSchemas';
import { DRILL_DOWN_KEYS } from '../domain/sprintHealth/metricKeys';
import type {
  ActiveIssueRecord,
  ActiveMeta,
  BoardChoice,
  EventChange,
  JobRecord,
  SprintRecord,
  StartSnapshot,
  StoredResultItem,
  StoredResultMeta,
  StoredRow,
  TrendPoint,
} from './sprintHealthStore';

/**
 * The shapes sprint health keeps in Forge storage, checked when read back: a record written by an
 * older version (or damaged) must not crash the page. Each schema is annotated with the type the
 * store declares, so the two cannot drift apart without tsc saying so.
 */

const iso = z.string();

export const sprintRecordSchema: z.ZodType<SprintRecord> = sprintSummarySchema.extend({ originBoardId: z.number().nullable() });

const at = { at: iso };
export const reasonSchema: z.ZodType<Reason> = z.discriminatedUnion('code', [
  z.object({ code: z.literal('committed-at-start'), ...at, source: z.enum(['changelog', 'snapshot', 'current-state']) }),
  z.object({ code: z.literal('added-after-start'), ...at }),
  z.object({ code: z.literal('created-in-sprint'), ...at }),
  z.object({ code: z.literal('removed-after-start'), ...at, toSprintIds: z.array(z.string()) }),
  z.object({ code: z.literal('done-in-sprint'), ...at }),
  z.object({ code: z.literal('done-before-start'), ...at }),
  z.object({ code: z.literal('done-outside-sprint'), ...at }),
  z.object({ code: z.literal('reopened'), doneAt: iso, ...at }),
  z.object({ code: z.literal('not-done'), statusName: z.string(), sprintOpen: z.boolean() }),
  z.object({ code: z.literal('committed-and-done'), ...at }),
  z.object({ code: z.literal('done-not-committed'), ...at }),
  z.object({ code: z.literal('flow-time'), startedAt: iso, doneAt: iso, durationMs: z.number() }),
  z.object({ code: z.literal('never-started'), doneAt: iso }),
  z.object({ code: z.literal('in-progress'), statusName: z.string(), waiting: z.boolean(), sprintOpen: z.boolean() }),
  z.object({ code: z.literal('flow-efficiency'), activeMs: z.number(), waitingMs: z.number() }),
  z.object({ code: z.literal('flagged'), periods: z.array(z.object({ from: iso, to: iso.nullable() })) }),
  z.object({ code: z.literal('improvement-done'), ...at }),
  z.object({ code: z.literal('improvement-not-done'), statusName: z.string() }),
  z.object({ code: z.literal('flow-kind'), kind: z.enum(FLOW_KINDS), issueTypeName: z.string(), source: z.enum(['issue-type', 'improvement', 'default']) }),
]);

const scoredSchema = {
  metrics: sprintMetricsSchema,
  criteria: z.array(criterionResultSchema),
  health: healthSchema,
  drillDownCounts: drillDownCountsSchema,
};
export const storedRowSchema: z.ZodType<StoredRow> = z.object({ processKey: z.string().nullable(), ...scoredSchema });

export const storedResultMetaSchema: z.ZodType<StoredResultMeta> = z.object({
  sprint: sprintRecordSchema,
  computedAt: iso,
  window: z.object({ start: iso, end: iso }),
  completeness: z.object({ exact: z.boolean(), notes: z.array(z.string()), removedIssuesKnown: z.boolean() }),
  totals: z.object(scoredSchema),
});

export const storedResultItemSchema: z.ZodType<StoredResultItem> = z.union([
  z.object({ row: storedRowSchema }),
  z.tuple([z.number().int().min(0), z.enum(DRILL_DOWN_KEYS), z.string(), z.union([z.literal(0), z.literal(1)]), reasonSchema]),
]);

const changeHistorySchema: z.ZodType<ChangeHistory> = z.object({
  id: z.string().optional(),
  created: iso,
  items: z.array(
    z.object({
      field: z.string(),
      fieldId: z.string().nullish(),
      from: z.string().nullable(),
      fromString: z.string().nullable(),
      to: z.string().nullable(),
      toString: z.string().nullable(),
    }),
  ),
});

const issueInputSchema: z.ZodType<IssueInput> = z.object({
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

export const activeMetaSchema: z.ZodType<ActiveMeta> = z.object({
  sprint: sprintRecordSchema,
  searchedAt: iso,
  computedAt: iso,
  fields: z.object({ sprint: z.string().nullable(), flagged: z.string().nullable() }),
  issueIds: z.array(z.string()),
  sprintCheckedAt: iso.optional(),
});

export const activeIssueRecordSchema: z.ZodType<ActiveIssueRecord> = z.object({
  issue: issueInputSchema,
  statusName: z.string(),
  updated: iso,
  changelog: z.array(changeHistorySchema).nullable(),
});

export const trendPointSchema: z.ZodType<TrendPoint> = z.object({
  sprintId: z.number(),
  sprintName: z.string(),
  completeDate: iso.nullable(),
  scores: z.record(z.string(), healthSchema),
});

export const startSnapshotSchema: z.ZodType<StartSnapshot> = z.object({ issueIds: z.array(z.string()), takenAt: iso });

export const issueLeftSchema = z.object({ issueId: z.string(), at: iso });

export const eventChangeSchema: z.ZodType<EventChange> = z.object({ issueId: z.string(), historyId: z.string(), updated: iso, history: changeHistorySchema });

export const jobRecordSchema: z.ZodType<JobRecord> = z.object({
  jobId: z.string(),
  sprintId: z.number(),
  boardId: z.number(),
  status: z.enum(['computing', 'ready', 'failed']),
  progress: progressSchema,
  error: resolverErrorSchema.nullable(),
  startedAt: iso,
  updatedAt: iso,
});

export const runningMarkerSchema = z.object({ jobId: z.string() });

export const boardChoiceSchema: z.ZodType<BoardChoice> = z.object({ boardId: z.number().int().positive(), sprintId: z.number().int().positive() });

/**
 * The record under `key`, checked against `schema`. Absent and unreadable both answer null (the
 * callers fall back: recompute, no choice); the log says which key was skipped and why.
 * The value is returned as stored, not rebuilt, so nothing the schema does not name is lost.
 */
export function checkedRecord<T>(schema: z.ZodType<T>, key: string, raw: unknown): T | null {
  if (raw === undefined || raw === null) return null;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return raw as T;
  warnUnreadable(key, parsed.error);
  return null;
}

export function warnUnreadable(key: string, error: z.ZodError | string): void {
  const why = typeof error === 'string' ? error : `${error.issues[0]?.path.join('.') || '(root)'}: ${error.issues[0]?.message ?? 'invalid'}`;
  console.warn(`Sprint health record ${key} is unreadable and was skipped: ${why}`);
}
