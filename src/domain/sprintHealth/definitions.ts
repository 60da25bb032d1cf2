import type { CriterionKey } from './metricKeys';

export type { MetricKey } from './metricKeys';

// The wording that explains metrics and criteria lives in the UI (static/project-page/src/sprintHealth/metricWording.ts);
// the backend only names each criterion in the results it computes.
const CRITERION_LABELS: Record<CriterionKey, string> = {
  sayDo: 'Say/do',
  scopeChange: 'Scope change',
  flowEfficiency: 'Flow efficiency',
  carryOver: 'Carry-over',
  impediments: 'Impediments cleared',
  improvementsDone: 'Improvements done',
  kpiAttainment: 'KPI attainment',
};

export function criterionLabel(key: CriterionKey): string {
  return CRITERION_LABELS[key];
}
