import type { FieldErrors } from '../../../common/forms/fieldErrors';
import type { OutcomeValue, SprintReviewView } from '../../../common/improvement/improvementTypes';
import { parseNumber } from '../../../common/improvement/storyDraft';
import type { PayloadOf } from '../../../../src/contract';

export type OutcomeDraft = { value: OutcomeValue | null; note: string };
/** The review form as typed: readings stay text until saved, so "4," is not lost mid-typing. */
export type ReviewDraft = {
  achieved: string;
  next: string;
  readings: Record<string, string>;
  outcomes: Record<string, OutcomeDraft>;
};
export type ReviewPayload = PayloadOf<'saveSprintReview'>;

/** The form's starting point: the saved review, else each story's outcome as recorded on the issue. */
export function reviewToDraft(view: SprintReviewView): ReviewDraft {
  const review = view.review;
  const readings: Record<string, string> = {};
  for (const kpi of view.process.kpis) {
    const reading = review?.kpiReadings.find((r) => r.kpiId === kpi.id);
    readings[kpi.id] = reading ? String(reading.value) : '';
  }
  const outcomes: Record<string, OutcomeDraft> = {};
  for (const story of view.doneStories) {
    const saved = review?.storyOutcomes.find((o) => o.issueId === story.issueId);
    outcomes[story.issueId] = saved
      ? { value: saved.value, note: saved.note }
      : { value: story.outcome?.value ?? null, note: story.outcome?.note ?? '' };
  }
  return { achieved: review?.achieved ?? '', next: review?.next ?? '', readings, outcomes };
}

/**
 * The save payload, or field messages keyed by the form's own paths (`readings.<kpiId>`). The
 * payload lists readings in KPI order, so `kpiIdAt` maps the backend's `kpiReadings.<i>` back.
 */
export function draftToPayload(
  draft: ReviewDraft,
  view: SprintReviewView,
  expectedVersion: number | null,
): { payload: ReviewPayload | null; errors: FieldErrors; kpiIdAt: string[] } {
  const errors: FieldErrors = {};
  const kpiReadings: Array<{ kpiId: string; value: number }> = [];
  for (const kpi of view.process.kpis) {
    const text = draft.readings[kpi.id] ?? '';
    if (text.trim() === '') continue; // not measured this sprint
    const value = parseNumber(text);
    if (value === null) errors[`readings.${kpi.id}`] = `Enter the reading as a number of ${kpi.unit}.`;
    else kpiReadings.push({ kpiId: kpi.id, value });
  }
  const storyOutcomes = view.doneStories.flatMap((story) => {
    const outcome = draft.outcomes[story.issueId];
    return outcome?.value ? [{ issueId: story.issueId, value: outcome.value, note: outcome.note }] : [];
  });
  const kpiIdAt = kpiReadings.map((r) => r.kpiId);
  if (Object.keys(errors).length > 0) return { payload: null, errors, kpiIdAt };
  return {
    payload: {
      processKey: view.process.key,
      sprintId: view.sprint.id,
      achieved: draft.achieved,
      next: draft.next,
      kpiReadings,
      storyOutcomes,
      expectedVersion,
    },
    errors,
    kpiIdAt,
  };
}

/** Backend paths (`kpiReadings.1.value`, `storyOutcomes.0.note`) → the form's (`readings.<kpiId>`, `outcomes.<issueId>.note`). */
export function reviewFieldErrors(
  fields: Record<string, string> | undefined,
  kpiIdAt: string[],
  payload: ReviewPayload | null,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const reading = /^kpiReadings\.(\d+)(?:\.|$)/.exec(path);
    const outcome = /^storyOutcomes\.(\d+)(?:\.(\w+))?/.exec(path);
    if (reading) errors[`readings.${kpiIdAt[Number(reading[1])] ?? reading[1]}`] = message;
    else if (outcome) {
      const issueId = payload?.storyOutcomes?.[Number(outcome[1])]?.issueId ?? outcome[1];
      errors[`outcomes.${issueId}.${outcome[2] ?? 'value'}`] = message;
    } else errors[path] = message;
  }
  return errors;
}
