import { z } from 'zod';
import type { KpiReading, ReviewHistoryEntry, SprintReview } from '../domain/review/sprintReview';
import { scanPrefix } from './prefixScan';
import { checkRecord, readRecord, UnreadableRecord, writeRecordAtVersion } from './versionedRecord';

/**
 * Sprint reviews, one key per (process, sprint), and their history, one key per saved version.
 * A review and its version's history entry are written in one transaction over the version read
 * (`writeRecordAtVersion`): two saves of the same version, one wins, and no crash leaves one without the other.
 * History keys are never deleted.
 */
const reviewKey = (processKey: string, sprintId: number) => `sprint-review:${processKey}:${sprintId}`;
const historyPrefix = (processKey: string, sprintId: number) => `sprint-review-history:${processKey}:${sprintId}:`;
const historyKey = (processKey: string, sprintId: number, version: number) =>
  `${historyPrefix(processKey, sprintId)}${String(version).padStart(8, '0')}`;

/*
 * The stored records, declared here and nowhere else: storage owns their versions. Version 1 is what
 * has been written since reviews exist. A new version gets its own schema and a step in `upgrade`,
 * so every record ever written still reads; only the current version is written.
 */
const outcomeV1 = z.enum(['confirmed', 'refuted', 'inconclusive']);
const reviewV1 = z.object({
  processKey: z.string(),
  sprintId: z.number(),
  achieved: z.string(),
  next: z.string(),
  kpiReadings: z.array(z.object({ kpiId: z.string(), value: z.number() })),
  storyOutcomes: z.array(z.object({ issueId: z.string(), issueKey: z.string(), value: outcomeV1, note: z.string() })),
  version: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
const storedReviewSchema = z.discriminatedUnion('schemaVersion', [z.object({ schemaVersion: z.literal(1), data: reviewV1 })]);
const REVIEW_RECORD_VERSION = 1;

const historyV1 = z.object({
  version: z.number().int().positive(),
  at: z.string(),
  by: z.string(),
  sprintState: z.enum(['future', 'active', 'closed']),
  changes: z.array(
    z.object({ field: z.enum(['achieved', 'next', 'kpiReadings', 'storyOutcomes']), before: z.string(), after: z.string() }),
  ),
});
const storedHistorySchema = z.discriminatedUnion('schemaVersion', [z.object({ schemaVersion: z.literal(1), data: historyV1 })]);
const HISTORY_RECORD_VERSION = 1;

/** Any stored version → the domain's review (version 1 is the domain's shape field for field). */
const upgradeReview = (stored: z.infer<typeof storedReviewSchema>): SprintReview => stored.data;
const upgradeHistory = (stored: z.infer<typeof storedHistorySchema>): ReviewHistoryEntry => stored.data;

/** The domain's review → the current record (spelled out, so a domain-only field is never stored by accident). */
const reviewRecord = (review: SprintReview): z.infer<typeof storedReviewSchema> => ({
  schemaVersion: REVIEW_RECORD_VERSION,
  data: {
    processKey: review.processKey,
    sprintId: review.sprintId,
    achieved: review.achieved,
    next: review.next,
    kpiReadings: review.kpiReadings.map(({ kpiId, value }) => ({ kpiId, value })),
    storyOutcomes: review.storyOutcomes.map(({ issueId, issueKey, value, note }) => ({ issueId, issueKey, value, note })),
    version: review.version,
    createdAt: review.createdAt,
    createdBy: review.createdBy,
    updatedAt: review.updatedAt,
    updatedBy: review.updatedBy,
  },
});
const historyRecord = (entry: ReviewHistoryEntry): z.infer<typeof storedHistorySchema> => ({
  schemaVersion: HISTORY_RECORD_VERSION,
  data: {
    version: entry.version,
    at: entry.at,
    by: entry.by,
    sprintState: entry.sprintState,
    changes: entry.changes.map(({ field, before, after }) => ({ field, before, after })),
  },
});

/** Null when the sprint has no review yet; `UnreadableRecord` when one is stored but cannot be read (it is kept). */
export function readSprintReview(processKey: string, sprintId: number): Promise<SprintReview | null> {
  return readRecord(reviewKey(processKey, sprintId), `review of ${processKey} for sprint ${sprintId}`, storedReviewSchema, upgradeReview);
}

/** Stored values under a prefix, upgraded; entries of an unknown shape are left out. */
const listValid = <S, T>(prefix: string, schema: z.ZodType<S>, upgrade: (stored: S) => T): Promise<T[]> =>
  scanPrefix(prefix, (_key, value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? upgrade(parsed.data) : null;
  });

/** Every review of a process, oldest sprint id first. */
export async function listProcessReviews(processKey: string): Promise<SprintReview[]> {
  return (await listValid(`sprint-review:${processKey}:`, storedReviewSchema, upgradeReview)).sort((a, b) => a.sprintId - b.sprintId);
}

/** The change history of one review, oldest first. */
export async function readReviewHistory(processKey: string, sprintId: number): Promise<ReviewHistoryEntry[]> {
  return (await listValid(historyPrefix(processKey, sprintId), storedHistorySchema, upgradeHistory)).sort((a, b) => a.version - b.version);
}

/**
 * Stores the review and its history entry in one transaction, only over the version it was read at; false when
 * another save moved it on first (nothing written). A review saved before versions were kept as rows reads its
 * version from the stored record, which must be readable.
 */
export async function writeSprintReview(review: SprintReview, history: ReviewHistoryEntry): Promise<boolean> {
  const key = reviewKey(review.processKey, review.sprintId);
  const what = `review of ${review.processKey} for sprint ${review.sprintId}`;
  return writeRecordAtVersion(
    key,
    { from: review.version - 1, to: review.version },
    reviewRecord(review),
    (stored) => checkRecord(key, what, storedReviewSchema, upgradeReview, stored).version,
    [{ key: historyKey(review.processKey, review.sprintId, history.version), value: historyRecord(history) }],
  );
}

/**
 * The KPI readings the APO entered in a process's review of a sprint (empty when none): the input
 * of sprint health's KPI-attainment criterion.
 */
export async function readKpiReadings(processKey: string, sprintId: number): Promise<KpiReading[]> {
  try {
    return (await readSprintReview(processKey, sprintId))?.kpiReadings ?? [];
  } catch (error) {
    // Health still shows without this process's readings (logged); the review itself reports the record.
    if (error instanceof UnreadableRecord) return [];
    throw error;
  }
}
