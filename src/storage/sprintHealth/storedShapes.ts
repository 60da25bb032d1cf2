import { z } from 'zod';
import type { CriterionResult, DrillDownKey, Health, Reason, Sprint, SprintMetrics } from '../../domain/sprintHealth';
import { CRITERION_KEYS, DRILL_DOWN_KEYS, FLOW_KINDS } from '../../domain/sprintHealth/metricKeys';

/**
 * Shapes several sprint health records hold (a sprint, scores, reasons), as storage writes them.
 * Storage owns these schemas: nothing here is built from the contract, so a field added for the UI
 * cannot make a frozen sprint unreadable. Each is annotated with the domain type it stores, so tsc
 * says when the two drift apart (and a new field then needs a stored default, or a new version).
 */

export const iso = z.string();

export const storedSprintSchema: z.ZodType<Sprint> = z.object({
  id: z.number(),
  name: z.string(),
  state: z.enum(['future', 'active', 'closed']),
  startDate: iso.nullable(),
  endDate: iso.nullable(),
  completeDate: iso.nullable(),
  originBoardId: z.number().nullable(),
});

/**
 * A drill-down reason as stored: sprint ids a removed issue moved to are kept as the strings the first
 * version wrote (`toStoredReason` / `fromStoredReason` convert).
 */
export type StoredReason =
  Exclude<Reason, { code: 'removed-after-start' }> | { code: 'removed-after-start'; at: string; toSprintIds: string[] };

export const toStoredReason = (reason: Reason): StoredReason =>
  reason.code === 'removed-after-start' ? { ...reason, toSprintIds: reason.toSprintIds.map(String) } : reason;

export const fromStoredReason = (reason: StoredReason): Reason =>
  reason.code === 'removed-after-start' ? { ...reason, toSprintIds: reason.toSprintIds.map(Number) } : reason;

const at = { at: iso };
export const storedReasonSchema: z.ZodType<StoredReason> = z.discriminatedUnion('code', [
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
  z.object({
    code: z.literal('flow-kind'),
    kind: z.enum(FLOW_KINDS),
    issueTypeName: z.string(),
    source: z.enum(['issue-type', 'improvement', 'default']),
  }),
]);

const flowKindCounts = z.object(
  Object.fromEntries(FLOW_KINDS.map((kind) => [kind, z.number()])) as Record<(typeof FLOW_KINDS)[number], z.ZodNumber>,
);

const storedKpiReadingSchema = z.object({
  kpiId: z.string(),
  name: z.string(),
  value: z.number(),
  target: z.number(),
  direction: z.enum(['higher', 'lower']),
  unit: z.string().optional(),
  onTarget: z.boolean(),
});

export const storedMetricsSchema: z.ZodType<SprintMetrics> = z.object({
  committed: z.number(),
  added: z.number(),
  removed: z.number(),
  completed: z.number(),
  completedCommitted: z.number(),
  scopeAtEnd: z.number(),
  sayDoPct: z.number().nullable(),
  scopeChangePct: z.number().nullable(),
  carryOver: z.number(),
  carryOverPct: z.number().nullable(),
  flowTimeP50Ms: z.number().nullable(),
  flowTimeP85Ms: z.number().nullable(),
  flowTimeSamples: z.number(),
  flowLoad: z.number(),
  activeMs: z.number(),
  waitingMs: z.number(),
  flowEfficiencyPct: z.number().nullable(),
  impediments: z.number(),
  impedimentsOpen: z.number(),
  improvementsDone: z.number(),
  flowDistribution: flowKindCounts,
  flowDistributionPct: flowKindCounts.nullable(),
  kpi: z.object({ readings: z.array(storedKpiReadingSchema), onTarget: z.number(), attainmentPct: z.number().nullable() }),
});

export const storedCriterionSchema: z.ZodType<CriterionResult> = z.object({
  key: z.enum(CRITERION_KEYS),
  label: z.string(),
  passed: z.boolean().nullable(),
  weight: z.number(),
  effectiveWeight: z.number(),
  value: z.number().nullable(),
  target: z.number(),
  comparison: z.enum(['atLeast', 'atMost']),
  unit: z.enum(['%', 'issues']),
  explanation: z.string(),
});

export const storedHealthSchema: z.ZodType<Health> = z.object({
  score: z.number().nullable(),
  band: z.enum(['green', 'amber', 'red']).nullable(),
});

export type DrillDownCounts = Record<DrillDownKey, { listed: number; counted: number }>;

export const storedDrillDownCountsSchema = z.record(z.enum(DRILL_DOWN_KEYS), z.object({ listed: z.number(), counted: z.number() }));
