import type { CriterionKey } from './metricKeys';

/**
 * Which health criteria rest on numbers that may be low. Jira's search finds issues only by the sprints
 * they are in now, so without the app's own record of the sprint (its start snapshot and the issues seen
 * leaving) an issue that left the sprint is invisible: committed and removed (without a snapshot), and an
 * issue added after the start and removed again (always), with the time either spent in progress in the sprint.
 * Carry-over, impediments still open at the end, improvements done and KPI attainment only count issues in
 * the sprint at its end (or readings the app keeps), which search does find.
 */
export function criteriaOnIncompleteData(record: { removedIssuesKnown: boolean; committedFromSnapshot: boolean }): CriterionKey[] {
  if (record.removedIssuesKnown) return [];
  // Criterion order, as the settings and the criteria popup list them.
  return record.committedFromSnapshot ? ['scopeChange', 'flowEfficiency'] : ['sayDo', 'scopeChange', 'flowEfficiency'];
}

/**
 * Whether a score rests on incomplete data: one of the criteria that count in it (`passed` not null) is among
 * `incompleteCriteria`. A criterion left out of the score cannot move it. The lozenge, the sparkline, the preview,
 * the reviews CSV and the automation answers all mark a score by this one rule.
 */
export function scoreOnIncompleteData(
  criteria: readonly { key: string; passed: boolean | null }[],
  incompleteCriteria: readonly CriterionKey[],
): boolean {
  return criteria.some((criterion) => criterion.passed !== null && (incompleteCriteria as readonly string[]).includes(criterion.key));
}
