import { z } from 'zod';
import { DomainError } from '../errors';
import type { Kpi } from '../catalog/catalogSchemas';
import { kpiValueProblem } from './kpiUnits';
import {
  REVIEW_FIELDS,
  storyOutcomeEntrySchema,
  type KpiReading,
  type ReviewHistoryEntry,
  type SprintReview,
  type SprintState,
  type StoryOutcomeEntry,
} from './reviewSchemas';

/**
 * Rules of a process's review of one sprint. History entries are only ever appended: a review can
 * change after the sprint closed, but never without a trace.
 */
export type {
  KpiReading,
  OutcomeValue,
  ReviewField,
  ReviewHistoryEntry,
  SprintReview,
  SprintState,
  StoryOutcomeEntry,
} from './reviewSchemas';

export interface ReviewInput {
  achieved: string;
  next: string;
  kpiReadings: KpiReading[];
  storyOutcomes: StoryOutcomeEntry[];
}

/** One reading per KPI of the process, each valid for the KPI's unit; field paths as the form has them. */
export function validateKpiReadings(readings: readonly KpiReading[], kpis: readonly Kpi[]): void {
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  readings.forEach((reading, index) => {
    const kpi = kpis.find((candidate) => candidate.id === reading.kpiId);
    if (!kpi) fields[`kpiReadings.${index}.kpiId`] = 'This KPI is not one of the process’s KPIs.';
    else if (seen.has(reading.kpiId)) fields[`kpiReadings.${index}.kpiId`] = 'Enter one value per KPI.';
    else {
      const problem = kpiValueProblem(kpi.unit, reading.value);
      if (problem) fields[`kpiReadings.${index}.value`] = `${kpi.name} (${kpi.unit}): ${problem}`;
    }
    seen.add(reading.kpiId);
  });
  if (Object.keys(fields).length) throw new DomainError('invalid', 'Some KPI readings are not valid.', { fields });
}

const encode = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** Field by field, what a save changes (JSON for lists, so the history shows the exact values before). */
export function reviewChanges(before: ReviewInput | null, after: ReviewInput): ReviewHistoryEntry['changes'] {
  const empty: ReviewInput = { achieved: '', next: '', kpiReadings: [], storyOutcomes: [] };
  const base = before ?? empty;
  return REVIEW_FIELDS.map((field) => ({ field, before: encode(base[field]), after: encode(after[field]) })).filter(
    (change) => change.before !== change.after,
  );
}

export type ReviewSaveDecision = { outcome: 'saved'; review: SprintReview; history: ReviewHistoryEntry | null } | { outcome: 'conflict' };

/** The next version of a review, with the history entry to append (none when nothing changed). */
export function decideReviewSave(input: {
  existing: SprintReview | null;
  expectedVersion: number | null;
  processKey: string;
  sprintId: number;
  values: ReviewInput;
  by: string;
  now: Date;
  sprintState: SprintState;
}): ReviewSaveDecision {
  const { existing, values } = input;
  if ((existing?.version ?? null) !== input.expectedVersion) return { outcome: 'conflict' };
  const changes = reviewChanges(existing, values);
  if (existing && changes.length === 0) return { outcome: 'saved', review: existing, history: null };
  const at = input.now.toISOString();
  const version = (existing?.version ?? 0) + 1;
  const review: SprintReview = {
    processKey: input.processKey,
    sprintId: input.sprintId,
    ...values,
    version,
    createdAt: existing?.createdAt ?? at,
    createdBy: existing?.createdBy ?? input.by,
    updatedAt: at,
    updatedBy: input.by,
  };
  return { outcome: 'saved', review, history: { version, at, by: input.by, sprintState: input.sprintState, changes } };
}

/** What a review holds (empty for a sprint never reviewed): the values a save starts from. */
export function reviewValues(review: SprintReview | null): ReviewInput {
  return {
    achieved: review?.achieved ?? '',
    next: review?.next ?? '',
    kpiReadings: review?.kpiReadings ?? [],
    storyOutcomes: review?.storyOutcomes ?? [],
  };
}

/** The review's values with one KPI's reading set (the reading moves last, as the APO's form appends it). */
export function withKpiReading(values: ReviewInput, reading: KpiReading): ReviewInput {
  return { ...values, kpiReadings: [...values.kpiReadings.filter((current) => current.kpiId !== reading.kpiId), reading] };
}

// --- outcomes on issues the viewer cannot browse ----------------------------------------------------

const outcomeListSchema = z.array(storyOutcomeEntrySchema);

/** The outcomes a history value (JSON) holds; null when it is not such a list. */
function outcomesIn(encoded: string): StoryOutcomeEntry[] | null {
  try {
    const parsed = outcomeListSchema.safeParse(JSON.parse(encoded));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Every issue a review's outcomes, now or in its history, name: the ids to re-read as the viewer. */
export function outcomeIssueIds(review: SprintReview | null, history: readonly ReviewHistoryEntry[]): string[] {
  const ids = new Set((review?.storyOutcomes ?? []).map((outcome) => outcome.issueId));
  for (const entry of history)
    for (const change of entry.changes)
      if (change.field === 'storyOutcomes')
        for (const value of [change.before, change.after]) for (const outcome of outcomesIn(value) ?? []) ids.add(outcome.issueId);
  return [...ids];
}

/** The review and its history as a viewer who cannot browse `hidden` may see them: those outcomes left out. */
export function withoutHiddenOutcomes(
  review: SprintReview | null,
  history: readonly ReviewHistoryEntry[],
  hidden: ReadonlySet<string>,
): { review: SprintReview | null; history: ReviewHistoryEntry[]; hiddenOutcomeCount: number } {
  const visible = (outcomes: readonly StoryOutcomeEntry[]) => outcomes.filter((outcome) => !hidden.has(outcome.issueId));
  const filterValue = (encoded: string) => {
    const outcomes = outcomesIn(encoded);
    return outcomes ? JSON.stringify(visible(outcomes)) : encoded;
  };
  const filteredHistory = history.map((entry) => ({
    ...entry,
    changes: entry.changes
      .map((change) =>
        change.field === 'storyOutcomes' ? { ...change, before: filterValue(change.before), after: filterValue(change.after) } : change,
      )
      // A change only to hidden outcomes is no change this viewer may see.
      .filter((change) => change.before !== change.after),
  }));
  if (!review) return { review, history: filteredHistory, hiddenOutcomeCount: 0 };
  const storyOutcomes = visible(review.storyOutcomes);
  return {
    review: { ...review, storyOutcomes },
    history: filteredHistory,
    hiddenOutcomeCount: review.storyOutcomes.length - storyOutcomes.length,
  };
}

/**
 * What a save stores as outcomes: the viewer's (they can only name issues they see) and, exactly as stored,
 * those on issues they cannot browse. The stored order is kept, so saving what was shown changes nothing.
 */
export function keepHiddenOutcomes(
  submitted: readonly StoryOutcomeEntry[],
  existing: readonly StoryOutcomeEntry[],
  hidden: ReadonlySet<string>,
): StoryOutcomeEntry[] {
  const kept = existing.filter((outcome) => hidden.has(outcome.issueId));
  if (kept.length === 0) return [...submitted];
  const position = new Map(existing.map((outcome, index) => [outcome.issueId, index] as const));
  const merged = [...submitted.filter((outcome) => !hidden.has(outcome.issueId)), ...kept];
  const rank = (outcome: StoryOutcomeEntry, index: number) => position.get(outcome.issueId) ?? existing.length + index;
  return merged
    .map((outcome, index) => ({ outcome, rank: rank(outcome, index) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ outcome }) => outcome);
}
