import { z } from 'zod';
import { CRITERION_KEYS, FLOW_KINDS } from './metricKeys';

/**
 * The computation's per-row results, as schemas: the domain's types are inferred from them and the
 * resolver contract validates its answers with them, so the shapes are written once. (types.ts
 * re-exports the types only, which keeps zod out of the UI bundles that import from it.)
 */

const flowKindRecordSchema = z.object(
  Object.fromEntries(FLOW_KINDS.map((kind) => [kind, z.number()])) as Record<(typeof FLOW_KINDS)[number], z.ZodNumber>,
);

export const kpiReadingSchema = z.object({
  kpiId: z.string(),
  name: z.string(),
  value: z.number(),
  target: z.number(),
  direction: z.enum(['higher', 'lower']),
  unit: z.string().optional(),
});
export type KpiReading = z.infer<typeof kpiReadingSchema>;

export const kpiReadingResultSchema = kpiReadingSchema.extend({ onTarget: z.boolean() });
export type KpiReadingResult = z.infer<typeof kpiReadingResultSchema>;

export const sprintMetricsSchema = z.object({
  committed: z.number(),
  added: z.number(),
  removed: z.number(),
  completed: z.number(),
  /** Completed issues that were also committed: the numerator of say/do. */
  completedCommitted: z.number(),
  /** Issues in the sprint at its end (or now): committed + added − removed. */
  scopeAtEnd: z.number(),
  sayDoPct: z.number().nullable(),
  scopeChangePct: z.number().nullable(),
  carryOver: z.number(),
  /** carryOver ÷ scopeAtEnd × 100. */
  carryOverPct: z.number().nullable(),
  flowTimeP50Ms: z.number().nullable(),
  flowTimeP85Ms: z.number().nullable(),
  /** How many completed issues had a flow time (those that never went through an active or waiting status have none). */
  flowTimeSamples: z.number(),
  flowLoad: z.number(),
  activeMs: z.number(),
  waitingMs: z.number(),
  flowEfficiencyPct: z.number().nullable(),
  impediments: z.number(),
  /** Impediments still flagged at the end of the sprint (or now). */
  impedimentsOpen: z.number(),
  improvementsDone: z.number(),
  flowDistribution: flowKindRecordSchema,
  /** Share of completed issues per kind, null when nothing was completed. */
  flowDistributionPct: flowKindRecordSchema.nullable(),
  kpi: z.object({ readings: z.array(kpiReadingResultSchema), onTarget: z.number(), attainmentPct: z.number().nullable() }),
});
export type SprintMetrics = z.infer<typeof sprintMetricsSchema>;

export const criterionResultSchema = z.object({
  key: z.enum(CRITERION_KEYS),
  label: z.string(),
  /** null: not applicable for this row; excluded from the score, the other weights re-normalised. */
  passed: z.boolean().nullable(),
  weight: z.number(),
  /** Share of the score this criterion carries for this row after re-normalisation (0 when n/a). */
  effectiveWeight: z.number(),
  value: z.number().nullable(),
  target: z.number(),
  comparison: z.enum(['atLeast', 'atMost']),
  unit: z.enum(['%', 'issues']),
  explanation: z.string(),
});
export type CriterionResult = z.infer<typeof criterionResultSchema>;

export const healthBandSchema = z.enum(['green', 'amber', 'red']);
export type HealthBand = z.infer<typeof healthBandSchema>;

export const healthSchema = z.object({
  /** 0–100, or null when no criterion applies. */
  score: z.number().nullable(),
  band: healthBandSchema.nullable(),
});
export type Health = z.infer<typeof healthSchema>;
