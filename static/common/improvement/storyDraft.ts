import type { FieldErrors } from '../forms/fieldErrors';
import type { ImprovementProcess, ImprovementStoryInput } from './improvementTypes';

/** The create form's state: text as typed, so a half-typed number is never lost or rewritten. */
export type StoryDraft = {
  processKey: string | null;
  asA: string;
  iWant: string;
  soThat: string;
  change: string;
  outcome: string;
  hasMeasure: boolean;
  /** One of the process's KPIs, or null for a measure of its own. */
  kpiId: string | null;
  measureDescription: string;
  baseline: string;
  target: string;
  unit: string;
  benefit: number | null;
  cost: number | null;
};

export function emptyStoryDraft(processKey: string | null): StoryDraft {
  return {
    processKey,
    asA: '',
    iWant: '',
    soThat: '',
    change: '',
    outcome: '',
    hasMeasure: true,
    kpiId: null,
    measureDescription: '',
    baseline: '',
    target: '',
    unit: '',
    benefit: null,
    cost: null,
  };
}

/** "1,5" and "1.5" both mean one and a half; empty is no number at all. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

const REQUIRED: Array<[keyof StoryDraft, string, string]> = [
  ['asA', 'userStory.asA', 'Say who benefits ("As a …").'],
  ['iWant', 'userStory.iWant', 'Say what they want ("I want …").'],
  ['soThat', 'userStory.soThat', 'Say why ("so that …").'],
  ['change', 'hypothesis.change', 'Say what change you believe in.'],
  ['outcome', 'hypothesis.outcome', 'Say what it will give.'],
];

/**
 * The payload for `createImprovementStory`, or the field messages (paths as the backend names them)
 * for what can be judged here. Unit rules are the backend's; its messages land on the same paths.
 */
export function draftToStoryInput(
  draft: StoryDraft,
  process: ImprovementProcess | undefined,
): { input: ImprovementStoryInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!draft.processKey || !process) errors.processKey = 'Pick the process this improves.';
  for (const [field, path, message] of REQUIRED) {
    if (String(draft[field]).trim() === '') errors[path] = message;
  }
  let measure: ImprovementStoryInput['measure'] = null;
  if (draft.hasMeasure) {
    const baseline = parseNumber(draft.baseline);
    const target = parseNumber(draft.target);
    if (draft.measureDescription.trim() === '') errors['measure.description'] = 'Say what you will measure.';
    if (baseline === null) errors['measure.baseline'] = 'Enter the baseline as a number.';
    if (target === null) errors['measure.target'] = 'Enter the target as a number.';
    if (!draft.kpiId && draft.unit.trim() === '') errors['measure.unit'] = 'Give the unit (for example hours, %, tickets).';
    if (baseline !== null && target !== null && baseline === target)
      errors['measure.target'] = 'The target should differ from the baseline.';
    measure = {
      kpiId: draft.kpiId,
      description: draft.measureDescription,
      baseline: baseline ?? 0,
      target: target ?? 0,
      unit: draft.kpiId ? '' : draft.unit,
    };
  }
  if (draft.benefit === null) errors.benefit = 'Pick the expected benefit.';
  if (draft.cost === null) errors.cost = 'Pick the expected cost.';
  if (Object.keys(errors).length > 0 || !process) return { input: null, errors };
  return {
    input: {
      processKey: process.key,
      userStory: { asA: draft.asA, iWant: draft.iWant, soThat: draft.soThat },
      hypothesis: { change: draft.change, outcome: draft.outcome },
      measure,
      benefit: draft.benefit as number,
      cost: draft.cost as number,
    },
    errors,
  };
}
