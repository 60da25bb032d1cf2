import { z } from 'zod';
import { improvementOutcomeValueSchema } from '../improvements/improvementProperty';

/**
 * A process's review of one sprint and its change history, written once: the domain's types are
 * inferred from these and the contract answers with them. Storage keeps its own versioned record
 * schemas (sprintReviewStore) and maps to these, so a field added here never makes stored reviews unreadable.
 */
export const sprintStateSchema = z.enum(['future', 'active', 'closed']);
export type SprintState = z.infer<typeof sprintStateSchema>;
export type OutcomeValue = z.infer<typeof improvementOutcomeValueSchema>;

/** The APO's value of one KPI of the process in one sprint: THE KPI reading (catalog details are joined where needed). */
export const kpiReadingSchema = z.object({ kpiId: z.string(), value: z.number() });
export type KpiReading = z.infer<typeof kpiReadingSchema>;

export const storyOutcomeEntrySchema = z.object({
  issueId: z.string(),
  issueKey: z.string(),
  value: improvementOutcomeValueSchema,
  note: z.string(),
});
export type StoryOutcomeEntry = z.infer<typeof storyOutcomeEntrySchema>;

export const sprintReviewSchema = z.object({
  processKey: z.string(),
  sprintId: z.number(),
  achieved: z.string(),
  next: z.string(),
  kpiReadings: z.array(kpiReadingSchema),
  storyOutcomes: z.array(storyOutcomeEntrySchema),
  version: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type SprintReview = z.infer<typeof sprintReviewSchema>;

export const REVIEW_FIELDS = ['achieved', 'next', 'kpiReadings', 'storyOutcomes'] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number];

/** One save of a review: who, when, and per changed field the value before and after (JSON-encoded values). */
export const reviewHistoryEntrySchema = z.object({
  version: z.number().int().positive(),
  at: z.string(),
  by: z.string(),
  /** The sprint's state when the change was made: edits of a closed sprint's review are the ones to watch. */
  sprintState: sprintStateSchema,
  changes: z.array(z.object({ field: z.enum(REVIEW_FIELDS), before: z.string(), after: z.string() })),
});
export type ReviewHistoryEntry = z.infer<typeof reviewHistoryEntrySchema>;
