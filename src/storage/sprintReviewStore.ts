import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { KpiReading, ReviewHistoryEntry, SprintReview } from '../domain/review/sprintReview';
import { scanPrefix } from './prefixScan';

/**
 * Sprint reviews, one key per (process, sprint), and their history, one key per saved version.
 * A history entry is written with `FAIL_IF_EXISTS` before the review itself: it is both the
 * record of the change and the lock on that version (two saves of the same version: one wins).
 * History keys are never overwritten or deleted.
 */
const reviewKey = (processKey: string, sprintId: number) => `sprint-review:${processKey}:${sprintId}`;
const historyPrefix = (processKey: string, sprintId: number) => `sprint-review-history:${processKey}:${sprintId}:`;
const historyKey = (processKey: string, sprintId: number, version: number) => `${historyPrefix(processKey, sprintId)}${String(version).padStart(8, '0')}`;

const outcome = z.enum(['confirmed', 'refuted', 'inconclusive']);
const reviewSchema = z.object({
  processKey: z.string(),
  sprintId: z.number(),
  achieved: z.string(),
  next: z.string(),
  kpiReadings: z.array(z.object({ kpiId: z.string(), value: z.number() })),
  storyOutcomes: z.array(z.object({ issueId: z.string(), issueKey: z.string(), value: outcome, note: z.string() })),
  version: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
const storedReviewSchema = z.object({ schemaVersion: z.literal(1), data: reviewSchema });

const historySchema = z.object({
  version: z.number().int().positive(),
  at: z.string(),
  by: z.string(),
  sprintState: z.enum(['future', 'active', 'closed']),
  changes: z.array(z.object({ field: z.enum(['achieved', 'next', 'kpiReadings', 'storyOutcomes']), before: z.string(), after: z.string() })),
});
const storedHistorySchema = z.object({ schemaVersion: z.literal(1), data: historySchema });

export async function readSprintReview(processKey: string, sprintId: number): Promise<SprintReview | null> {
  const parsed = storedReviewSchema.safeParse(await kvs.get(reviewKey(processKey, sprintId)));
  return parsed.success ? parsed.data.data : null;
}

/** Stored values under a prefix; entries of another shape (older versions) are left out. */
const listValid = <T>(prefix: string, schema: z.ZodType<{ data: T }>): Promise<T[]> =>
  scanPrefix(prefix, (_key, value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data.data : null;
  });

/** Every review of a process, oldest sprint id first. */
export async function listProcessReviews(processKey: string): Promise<SprintReview[]> {
  return (await listValid(`sprint-review:${processKey}:`, storedReviewSchema)).sort((a, b) => a.sprintId - b.sprintId);
}

/** The change history of one review, oldest first. */
export async function readReviewHistory(processKey: string, sprintId: number): Promise<ReviewHistoryEntry[]> {
  return (await listValid(historyPrefix(processKey, sprintId), storedHistorySchema))
    .sort((a, b) => a.version - b.version);
}

const isKeyTaken = (error: unknown) => (error as { code?: unknown } | null)?.code === 'KEY_ALREADY_EXISTS';

/** Appends the history entry (claiming its version) and stores the review; false when that version was taken. */
export async function writeSprintReview(review: SprintReview, history: ReviewHistoryEntry): Promise<boolean> {
  try {
    await kvs.set(historyKey(review.processKey, review.sprintId, history.version), { schemaVersion: 1, data: history }, { keyPolicy: 'FAIL_IF_EXISTS' });
  } catch (error) {
    if (isKeyTaken(error)) return false;
    throw error;
  }
  await kvs.set(reviewKey(review.processKey, review.sprintId), { schemaVersion: 1, data: review });
  return true;
}

/**
 * The KPI readings the APO entered in a process's review of a sprint (empty when none): the input
 * of sprint health's KPI-attainment criterion.
 */
export async function readKpiReadings(processKey: string, sprintId: number): Promise<KpiReading[]> {
  return (await readSprintReview(processKey, sprintId))?.kpiReadings ?? [];
}
