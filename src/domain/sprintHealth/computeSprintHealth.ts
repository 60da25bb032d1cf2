import { scoreMetrics } from './health';
import { criteriaOnIncompleteData } from './incompleteData';
import { issueFacts, type FactsContext, type IssueFacts } from './issueFacts';
import { rowMetrics } from './rowMetrics';
import { kindResolver, statusClassifier } from './settings';
import { fieldMatcher, instant, toIso } from './timeline';
import type { IssueInput, SprintHealthInput, SprintHealthResult, SprintHealthRow } from './types';

/**
 * Sprint health per process, from Jira's own history. Pure: the same input (in any order) gives
 * the same result, and nothing here reads the clock, the network or storage.
 */
export function computeSprintHealth(input: SprintHealthInput): SprintHealthResult {
  const { sprint, settings } = input;
  const now = instant(input.now);
  const start = sprint.startDate ? instant(sprint.startDate) : now;
  const closedAt = sprint.completeDate ?? sprint.endDate;
  const rawEnd = sprint.state === 'closed' ? (closedAt ? instant(closedAt) : now) : sprint.state === 'active' ? now : start;
  const end = Math.max(start, rawEnd);
  const sprintOpen = sprint.state !== 'closed';

  const ctx: FactsContext = {
    sprintId: sprint.id,
    start,
    end,
    snapshot: input.committedSnapshot ? new Set(input.committedSnapshot) : null,
    classify: statusClassifier(settings, input.statuses),
    statusName: (statusId) => input.statuses[statusId]?.name ?? statusId,
    fields: fieldMatcher(input.fields),
    kindOf: kindResolver(settings),
    improvementTypes: new Set(settings.improvementIssueTypeNames.map((name) => name.trim().toLowerCase())),
  };

  const issues = uniqueInKeyOrder(input.issues);
  const facts: IssueFacts[] = [];
  for (const issue of issues) {
    const fact = issueFacts(issue, input.changelogs[issue.id], ctx);
    if (fact) facts.push(fact);
  }

  const byProcess = new Map<string | null, IssueFacts[]>();
  for (const fact of facts) {
    const key = fact.issue.processKey ?? null;
    const list = byProcess.get(key);
    if (list) list.push(fact);
    else byProcess.set(key, [fact]);
  }
  const processKeys = [...byProcess.keys()].sort(compareProcessKeys);
  const criterionContext = { sprintOpen };
  const window = { start, sprintOpen };
  const rows: SprintHealthRow[] = processKeys.map((processKey) => {
    const readings = processKey === null ? undefined : input.kpiReadings?.[processKey];
    const row = { processKey, ...rowMetrics(byProcess.get(processKey) ?? [], readings, window) };
    return scoreMetrics(row, settings, criterionContext);
  });
  const totals = scoreMetrics(rowMetrics(facts, undefined, window), settings, criterionContext);

  return {
    sprintId: sprint.id,
    sprintState: sprint.state,
    computedAt: toIso(now),
    window: { start: toIso(start), end: toIso(end) },
    completeness: completeness(input, issues, facts),
    rows,
    totals,
  };
}

function completeness(input: SprintHealthInput, issues: readonly IssueInput[], facts: readonly IssueFacts[]) {
  const notes: string[] = [];
  const committedFromSnapshot = Boolean(input.committedSnapshot);
  const incompleteCriteria = criteriaOnIncompleteData({ removedIssuesKnown: input.removedIssuesKnown, committedFromSnapshot });
  if (input.startSnapshotLate) {
    notes.push("The sprint's start reached the app only after it closed: committed is reconstructed from the issues' history.");
  }
  if (!input.removedIssuesKnown) {
    notes.push(
      committedFromSnapshot
        ? "Issues added after the start and removed again before the app saw them can't be found by Jira search: added and removed " +
            '(and so scope change) may be undercounted, and flow efficiency misses their time in progress.'
        : 'The app was not watching when this sprint started, and Jira search finds issues only by the sprints they are in now: ' +
            'issues removed from the sprint, including ones added after the start and removed again, are missing. Committed, added and ' +
            'removed (and so say/do and scope change) may be undercounted, and flow efficiency misses their time in progress.',
    );
  }
  if (input.committedSnapshot) {
    const known = new Set(issues.map((issue) => issue.id));
    const missing = [...new Set(input.committedSnapshot)].filter((id) => !known.has(id)).length;
    if (missing) {
      notes.push(
        `${missing} ${missing === 1 ? 'issue' : 'issues'} in the start snapshot could not be read (deleted, or not visible to you): committed leaves them out.`,
      );
    }
  }
  const withoutHistory = facts.filter((fact) => !fact.hasHistory).map((fact) => fact.issue.key);
  if (withoutHistory.length) {
    const listed = withoutHistory.slice(0, 10).join(', ') + (withoutHistory.length > 10 ? ` and ${withoutHistory.length - 10} more` : '');
    notes.push(`The history of ${listed} could not be read: their current status and sprint are assumed since they were created.`);
  }
  return { exact: notes.length === 0, notes, incompleteCriteria };
}

function compareProcessKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** "ABC-9" before "ABC-10": the order people expect in a list of issues. One entry per id. */
function uniqueInKeyOrder(issues: readonly IssueInput[]): IssueInput[] {
  const parsed = issues.map((issue) => {
    const dash = issue.key.lastIndexOf('-');
    return {
      issue,
      project: dash < 0 ? issue.key : issue.key.slice(0, dash),
      number: dash < 0 ? 0 : Number(issue.key.slice(dash + 1)) || 0,
    };
  });
  parsed.sort(
    (a, b) =>
      (a.project < b.project ? -1 : a.project > b.project ? 1 : 0) ||
      a.number - b.number ||
      (a.issue.key < b.issue.key ? -1 : a.issue.key > b.issue.key ? 1 : 0) ||
      (a.issue.id < b.issue.id ? -1 : a.issue.id > b.issue.id ? 1 : 0),
  );
  const seen = new Set<string>();
  return parsed.map((p) => p.issue).filter((issue) => (seen.has(issue.id) ? false : (seen.add(issue.id), true)));
}
