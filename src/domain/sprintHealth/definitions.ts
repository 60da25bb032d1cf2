import type { CriterionKey } from './metricKeys';

export type { MetricKey } from './metricKeys';

// The metric help wording lives in the UI (static/project-page/src/sprintHealth/metricWording.ts); the backend only
// needs the criterion labels for the reasons it writes.
export const criterionHelp: Record<CriterionKey, { label: string; rule: string }> = {
  sayDo: { label: 'Say/do', rule: 'Say/do at least the threshold % (default 80%, weight 30).' },
  scopeChange: { label: 'Scope change', rule: 'Scope change at most the threshold % (default 20%, weight 15).' },
  flowEfficiency: { label: 'Flow efficiency', rule: 'Flow efficiency at least the threshold % (default 40%, weight 15).' },
  carryOver: {
    label: 'Carry-over',
    rule: 'Carry-over at most the threshold % of the issues in the sprint at its end (default 20%, weight 15).',
  },
  impediments: { label: 'Impediments cleared', rule: 'Impediments still flagged at the end at most the threshold (default 0, weight 10).' },
  improvementsDone: { label: 'Improvements done', rule: 'At least the threshold of Process Improvements completed (default 1, weight 5).' },
  kpiAttainment: {
    label: 'KPI attainment',
    rule: 'At least the threshold % of KPI readings on target (default 50%, weight 10); not applicable without readings.',
  },
};

export function criterionLabel(key: CriterionKey): string {
  return criterionHelp[key].label;
}
