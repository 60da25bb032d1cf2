import type { SprintReviewView } from '../../../common/improvement/improvementTypes';
import { outcomeLabels } from '../../../common/improvement/outcomeWords';
import type { ReviewDraft } from './reviewDraft';

type Kpis = SprintReviewView['process']['kpis'];
type Stories = SprintReviewView['doneStories'];

/** KPI readings in words: "Time to restore: 3.5 hours; First response: —". */
export function readingsText(readings: Array<{ kpiId: string; value: number }>, kpis: Kpis): string {
  if (readings.length === 0) return '';
  return readings
    .map((r) => {
      const kpi = kpis.find((k) => k.id === r.kpiId);
      return `${kpi?.name ?? 'A removed KPI'}: ${r.value.toLocaleString('en-US')}${kpi ? ` ${kpi.unit}` : ''}`;
    })
    .join('; ');
}

/** Story outcomes in words: "ITSM-7 Confirmed (note)". */
export function outcomesText(
  outcomes: Array<{ issueId: string; issueKey?: string; value: keyof typeof outcomeLabels; note: string }>,
  stories: Stories,
): string {
  return outcomes
    .map((o) => {
      const key = o.issueKey ?? stories.find((s) => s.issueId === o.issueId)?.issueKey ?? o.issueId;
      return `${key} ${outcomeLabels[o.value]}${o.note ? ` (${o.note})` : ''}`;
    })
    .join('; ');
}

export function draftReadings(draft: ReviewDraft): Array<{ kpiId: string; value: number }> {
  return Object.entries(draft.readings)
    .filter(([, text]) => text.trim() !== '' && Number.isFinite(Number(text.replace(',', '.'))))
    .map(([kpiId, text]) => ({ kpiId, value: Number(text.replace(',', '.')) }));
}

export function draftOutcomes(draft: ReviewDraft) {
  return Object.entries(draft.outcomes).flatMap(([issueId, o]) => (o.value ? [{ issueId, value: o.value, note: o.note }] : []));
}

/**
 * A history value in words. The backend keeps before/after as JSON; text fields decode to strings,
 * readings and outcomes to arrays named here by KPI and issue key.
 */
export function historyValueText(
  field: 'achieved' | 'next' | 'kpiReadings' | 'storyOutcomes',
  json: string,
  view: SprintReviewView,
): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (value === null || value === undefined || value === '') return '';
  if (field === 'kpiReadings' && Array.isArray(value))
    return readingsText(value as Array<{ kpiId: string; value: number }>, view.process.kpis);
  if (field === 'storyOutcomes' && Array.isArray(value)) return outcomesText(value as Parameters<typeof outcomesText>[0], view.doneStories);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export const historyFieldLabels = {
  achieved: 'What was achieved',
  next: 'What next',
  kpiReadings: 'KPI readings',
  storyOutcomes: 'Story outcomes',
} as const;

/** For a reviewer who cannot browse some outcomes' issues: those are not shown, and a save keeps them as stored. */
export function hiddenOutcomesText(count: number): string {
  return count === 1
    ? "1 outcome on an issue you can't see is kept as it is when you save."
    : `${count} outcomes on issues you can't see are kept as they are when you save.`;
}
