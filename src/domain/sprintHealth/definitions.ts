import type { CriterionKey, MetricKey } from './metricKeys';

export type { MetricKey } from './metricKeys';

/**
 * What every number means, in the words the UI shows on hover (`short`) and in the help panel
 * (`long`). Each choice made where the product brief left room is written down here, following
 * what Jira's own Sprint Report does.
 */

export interface MetricHelp {
  label: string;
  short: string;
  long: string;
}

export const metricHelp: Record<MetricKey, MetricHelp> = {
  health: {
    label: 'Health',
    short: 'Weighted share of the health criteria this process passed in the sprint, 0–100.',
    long:
      'Each criterion has a weight, and the weights add up to 100. Health is the sum of the weights of the criteria that passed, ' +
      'divided by the sum of the weights of the criteria that apply, rounded to a whole number. A criterion that cannot be measured ' +
      'for a row (for example KPI attainment when no readings were entered, or say/do when nothing was committed) is "not applicable": ' +
      'it is left out and the other weights are scaled up so they still add up to 100. If no criterion applies there is no score. ' +
      'Green is a score at or above the green threshold (80 by default), amber at or above the amber threshold (50), red below. ' +
      'Jira administrators can change the criteria, weights and thresholds.',
  },
  committed: {
    label: 'Committed',
    short: 'Issues in the sprint when it started.',
    long:
      "The sprint's scope at its start time. When the app took a snapshot as the sprint started, that snapshot decides. Otherwise it is " +
      "rebuilt from each issue's history of the Sprint field: an issue counts when its Sprint field held this sprint at the start instant. " +
      'An issue added at exactly the start instant counts as committed. Issues created after the start are never committed. ' +
      "Comparisons use exact instants, so the viewer's time zone never moves an issue across the start.",
  },
  added: {
    label: 'Added',
    short: 'Issues that entered the sprint after it started.',
    long:
      'An issue that was not in the sprint at its start and entered it before the end (closing time, or now for an active sprint): ' +
      'moved in from the backlog or another sprint, or created straight into the sprint. An issue added and later removed again counts ' +
      "as added and as removed, as in Jira's Sprint Report. A committed issue that was taken out and put back counts as neither.",
  },
  removed: {
    label: 'Removed',
    short: 'Issues that left the sprint after it started.',
    long:
      'An issue that was in the sprint at some point after its start and was no longer in it at the end. Changes Jira makes at the very ' +
      'moment the sprint is closed (moving unfinished work to the next sprint) are not removals. Without a start snapshot, issues removed ' +
      'before the app was installed may not be found by Jira search, and the page says so.',
  },
  completed: {
    label: 'Completed',
    short: 'Issues done by the end of the sprint while in it.',
    long:
      "An issue counts when, at the end of the sprint, it is in the sprint and in a done status (by default Jira's Done status category; " +
      'administrators can choose the statuses), and it became done after the sprint started while it was in this sprint. Issues done ' +
      'before the sprint started, or done in another sprint or in the backlog and moved in afterwards, are not credited to this sprint ' +
      '(Jira lists them as "completed outside of this sprint"). An issue done and then reopened before the end does not count; moving ' +
      'between two done statuses keeps the first done time.',
  },
  sayDo: {
    label: 'Say/do',
    short: 'Share of the committed issues that were completed.',
    long:
      'Committed issues that were completed, divided by all committed issues, × 100. Committed issues that were removed stay in the ' +
      'count: they were promised and not delivered. Issues added after the start do not count either way. Not applicable when nothing was committed.',
  },
  scopeChange: {
    label: 'Scope change',
    short: '(Added + removed) ÷ committed.',
    long:
      'Issues added plus issues removed after the start, divided by the committed issues, × 100. It can exceed 100% when more work ' +
      'was added than committed. Not applicable when nothing was committed.',
  },
  carryOver: {
    label: 'Carry-over',
    short: 'Issues still in the sprint but not done at its end.',
    long:
      'Issues in the sprint when it closed that were not in a done status. For an active sprint it is what would carry over if the sprint ' +
      'closed now. The health criterion uses carry-over as a share of the issues in the sprint at its end (committed + added − removed), ' +
      'so it stays between 0% and 100%.',
  },
  flowTime: {
    label: 'Flow time',
    short: 'Time from first starting an issue to done, for issues completed in the sprint (median and 85th percentile).',
    long:
      'For each completed issue: the time it became done minus the first time it moved to an active or waiting status (at any time, even ' +
      'before the sprint). Reopened issues keep their first start and their last done time. Issues that went straight to done without an ' +
      'active or waiting status have no flow time and are left out. p50 and p85 use the nearest-rank method: the smallest flow time ' +
      'that at least 50% (85%) of the issues do not exceed.',
  },
  flowLoad: {
    label: 'Flow load',
    short: 'Issues in progress at the end of the sprint (or now).',
    long:
      'Issues in the sprint at its end (now, for an active sprint) whose status is active or waiting: work started and not finished. ' +
      'Statuses in the To Do category that are not marked as waiting do not count.',
  },
  flowEfficiency: {
    label: 'Flow efficiency',
    short: 'Active time ÷ (active + waiting time) during the sprint.',
    long:
      "Over the sprint's window, and only while each issue was in the sprint: time in active statuses divided by time in active or waiting " +
      "statuses, × 100. Active statuses are those in Jira's In Progress category; administrators choose which statuses count as waiting " +
      '(they win over the category). Time flagged while in progress always counts as waiting. Time in To Do or done statuses is not counted at all. ' +
      'Not applicable when no issue was in progress during the sprint.',
  },
  impediments: {
    label: 'Impediments',
    short: 'Issues flagged at any time during the sprint.',
    long:
      'Issues that carried the Flagged (Impediment) marker at any moment between the start and the end of the sprint while in it, including ' +
      'flags raised before the start and still set. An issue flagged twice counts once; the drill-down lists each flagged period. The health ' +
      'criterion counts the impediments still flagged at the end (default limit: 0, so every impediment is cleared).',
  },
  improvementsDone: {
    label: 'Improvements done',
    short: 'Process Improvement issues completed in the sprint.',
    long:
      'Completed issues (see Completed) whose issue type is Process Improvement (administrators can add type names) or that the app knows ' +
      'to be improvement stories. This is how a process gets better sprint by sprint; the default criterion asks for at least one.',
  },
  flowDistribution: {
    label: 'Flow distribution',
    short: 'Completed issues by kind: feature, defect, risk, debt / improvement.',
    long:
      'Each completed issue gets a kind from its issue type: Story, Epic, Task, Sub-task and New Feature are features; Bug, Defect and ' +
      'Incident are defects; Risk is a risk; Tech debt, Technical debt, Improvement and Process Improvement are debt / improvement. ' +
      'Unmapped types count as features (administrators can change the map and the default). Shares are of completed issues.',
  },
  kpiAttainment: {
    label: 'KPI attainment',
    short: "Share of this sprint's KPI readings that are on target.",
    long:
      'The KPI readings the Agile Process Owner entered for this sprint, each compared with its target in its direction (higher is better: ' +
      'reading ≥ target; lower is better: reading ≤ target). Not applicable when no readings were entered: the criterion is then left out and ' +
      'the other weights re-normalised. The unlinked row never has readings.',
  },
  completeness: {
    label: 'Completeness',
    short: "Whether every number could be computed exactly from Jira's history.",
    long:
      "Numbers are exact when the app took a snapshot as the sprint started and every issue's history could be read. For older sprints, " +
      'issues removed before the app was installed can\'t be found by Jira search, so "removed" may be undercounted; issues whose history ' +
      'could not be read are assumed to have had their current state since they were created. The page says so instead of showing a number as exact.',
  },
};

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
