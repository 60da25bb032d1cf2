import { formatDuration, intervalToDuration } from 'date-fns';
// Types only: the UI keeps its own wording, so no backend code reaches the browser bundle.
import type { CriterionKey, MetricKey } from './types';

/**
 * What every sprint-health number means, in the words the page shows on hover (`short`) and in the help
 * panel (`long`). `satisfies Record<…>` makes a metric or criterion the contract adds without wording
 * here a type error. The backend words the same numbers in its own reasons.
 */

export interface MetricHelp {
  label: string;
  short: string;
  long: string;
}

export const metricHelp = {
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
      'moment the sprint is closed (moving unfinished work to the next sprint) are not removals. Jira search finds issues only by the ' +
      'sprints they are in now: for a sprint the app was not watching from its start, issues removed since (including ones added and ' +
      'removed again, which are missing from Added too) may not be found, and the page says so.',
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
    short: 'Time from first starting an issue to done, for issues completed in the sprint only (median and 85th percentile).',
    long:
      'Covers only the issues completed in the sprint (see Completed): work still in progress at the end has no done time yet and is ' +
      'left out, so flow time and flow efficiency do not describe the same issues. ' +
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
    short: 'Active time ÷ (active + waiting time) during the sprint, for every issue in progress in it, finished or not.',
    long:
      'Covers every issue that spent time in an active or waiting status while in the sprint: completed issues, issues still in progress ' +
      'at the end (or now), and issues later removed, unlike flow time, which covers completed issues only. ' +
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
      "Numbers are exact when the app took a snapshot as the sprint started and every issue's history could be read. Jira search finds " +
      'issues only by the sprints they are in now: for a sprint that started before the app was watching, issues removed since the start ' +
      "(including ones added after the start and removed again) can't be found, so committed, added and removed, and the say/do, scope " +
      'change and flow efficiency built on them, may be off. Those criteria, and the health of every row they count in, are marked ' +
      '"incomplete data": a score near a threshold could be in another band. On the trend such a sprint is a hollow dot, and the settings ' +
      'preview, the reviews CSV ("Health data") and the web trigger say so too. Issues whose history could not be read are assumed to have ' +
      'had their current state since they were created. The page says so instead of showing a number as exact.',
  },
} satisfies Record<MetricKey, MetricHelp>;

/** Every number the page explains, in the help panel's order. */
export const METRIC_KEYS = Object.keys(metricHelp) as MetricKey[];

export const criterionHelp = {
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
} satisfies Record<CriterionKey, { label: string; rule: string }>;

/**
 * What an "incomplete data" marker means for each criterion that can rest on counts Jira search may miss
 * (the backend names them in `completeness.incompleteCriteria`).
 */
export const incompleteDataHelp: Partial<Record<CriterionKey, string>> = {
  sayDo: 'Committed issues removed before the app was watching are missing, so say/do may read higher than it was.',
  scopeChange: 'Issues added or removed before the app was watching may be missing, so scope change may read lower than it was.',
  flowEfficiency: 'Time in progress of issues removed before the app was watching is missing, so flow efficiency may be off.',
};
export const INCOMPLETE_DATA_FALLBACK = 'It rests on numbers that may be undercounted (see the note above the table).';
export const INCOMPLETE_HEALTH =
  'This score rests on incomplete data: the criteria marked below count issues Jira search may miss, so it could be in another band.';

/** "2 hours 5 minutes", "3 days 4 hours": a duration as the drill-downs and the health words say it. */
export function describeDuration(ms: number): string {
  if (ms <= 0) return 'no time';
  if (ms < 60_000) return 'under a minute';
  const duration = intervalToDuration({ start: 0, end: ms });
  const format: Array<'days' | 'hours' | 'minutes'> = ms >= 86_400_000 ? ['days', 'hours'] : ['hours', 'minutes'];
  // intervalToDuration rolls days into months past 30 days: fold them back for flow times.
  const days = Math.floor(ms / 86_400_000);
  return formatDuration({ ...duration, months: 0, years: 0, days }, { format }) || 'under a minute';
}
