import { z } from 'zod';
import { storedProcessKeySchema } from '../catalog/processLink';

/**
 * The improvement story's own fields, stored on the issue as an entity property. Anyone who can
 * see the issue can read it: nothing private belongs here. Pure: no `@forge` import.
 */
export const IMPROVEMENT_PROPERTY_KEY = 'process-loop-improvement';
export const IMPROVEMENT_ISSUE_TYPE_NAME = 'Process Improvement';

/** Small scales an APO can judge without estimation meetings: 1 (very low) … 5 (very high). */
export const improvementScaleSchema = z
  .number({ message: 'Pick a value from 1 to 5.' })
  .int('Pick a value from 1 to 5.')
  .min(1, 'Pick a value from 1 to 5.')
  .max(5, 'Pick a value from 1 to 5.');

export const improvementOutcomeValueSchema = z.enum(['confirmed', 'refuted', 'inconclusive']);
export type ImprovementOutcomeValue = z.infer<typeof improvementOutcomeValueSchema>;

export const userStorySchema = z.object({ asA: z.string(), iWant: z.string(), soThat: z.string() });
/** "We believe <change> will give <outcome>." */
export const hypothesisSchema = z.object({ change: z.string(), outcome: z.string() });
export const measureSchema = z.object({
  /** One of the process's KPIs when the measure is one; null for a measure of its own. */
  kpiId: z.string().nullable(),
  description: z.string(),
  baseline: z.number(),
  target: z.number(),
  unit: z.string(),
});
export type Measure = z.infer<typeof measureSchema>;

export const dodCheckSchema = z.object({
  itemId: z.string(),
  text: z.string(),
  done: z.boolean(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type DodCheck = z.infer<typeof dodCheckSchema>;

export const improvementOutcomeSchema = z.object({
  value: improvementOutcomeValueSchema,
  note: z.string(),
  by: z.string(),
  at: z.string(),
});
export type ImprovementOutcome = z.infer<typeof improvementOutcomeSchema>;

export const improvementPropertySchema = z.object({
  schemaVersion: z.literal(1),
  /** Checked like the link's: the property may have been written by anyone who can edit the issue. */
  processKey: storedProcessKeySchema,
  userStory: userStorySchema,
  hypothesis: hypothesisSchema,
  /** Null until someone says how success will be measured (the backlog highlights these). */
  measure: measureSchema.nullable(),
  benefit: z.number().int().min(1).max(5),
  cost: z.number().int().min(1).max(5),
  /** benefit ÷ cost, indexed for JQL (`asmBenefitCost >= 2`). */
  score: z.number(),
  dod: z.array(dodCheckSchema),
  outcome: improvementOutcomeSchema.nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type ImprovementProperty = z.infer<typeof improvementPropertySchema>;

/** A stored property from any app version: readable, or null (treated as "not an improvement yet"). */
export function readImprovementProperty(value: unknown): ImprovementProperty | null {
  const parsed = improvementPropertySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
