import { criterionHelp } from './metricWording';
import type { CriterionKey, HealthSettings } from './types';

export type { CriterionKey } from './types';

/** Every criterion the app knows, in the help's order. */
export const ALL_CRITERIA = Object.keys(criterionHelp) as CriterionKey[];

/**
 * The unit of each criterion's threshold. The domain's CRITERION_RULES holds the same facts but lives
 * next to the zod schema, which must stay out of the browser bundle; the backend validates anyway.
 */
export const THRESHOLD_UNIT: Record<CriterionKey, '%' | 'issues'> = {
  sayDo: '%',
  scopeChange: '%',
  flowEfficiency: '%',
  carryOver: '%',
  impediments: 'issues',
  improvementsDone: 'issues',
  kpiAttainment: '%',
};

/** The draft lists every criterion; one missing from the saved settings starts at weight 0 with the default threshold. */
export function toDraft(settings: HealthSettings, defaults: HealthSettings): HealthSettings {
  const criteria = ALL_CRITERIA.map((key) => {
    const saved = settings.criteria.find((c) => c.key === key);
    if (saved) return { ...saved };
    const fallback = defaults.criteria.find((c) => c.key === key);
    return { key, weight: 0, threshold: fallback?.threshold ?? 0 };
  });
  return { ...settings, criteria };
}

export function weightSum(settings: HealthSettings): number {
  return settings.criteria.reduce((sum, criterion) => sum + (Number.isFinite(criterion.weight) ? criterion.weight : 0), 0);
}

/** Checks the browser can make before asking the backend (which checks everything again). */
export function localProblems(settings: HealthSettings): Record<string, string> {
  const problems: Record<string, string> = {};
  const sum = weightSum(settings);
  if (sum !== 100) problems['criteria'] = `The weights must add up to 100 (now ${sum}).`;
  settings.criteria.forEach((criterion, index) => {
    if (!Number.isInteger(criterion.weight) || criterion.weight < 0)
      problems[`criteria.${index}.weight`] = 'Use a whole number from 0 to 100.';
    if (!Number.isFinite(criterion.threshold) || criterion.threshold < 0)
      problems[`criteria.${index}.threshold`] = 'Use a number of 0 or more.';
  });
  if (!(settings.bands.green > settings.bands.amber)) problems['bands.green'] = 'Green must start above amber.';
  const done = new Set(settings.doneStatusIds ?? []);
  if (settings.waitingStatusIds.some((id) => done.has(id))) problems['waitingStatusIds'] = 'A status cannot be both waiting and done.';
  return problems;
}
