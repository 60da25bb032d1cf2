import type { Dataset, DatasetIssue } from '../../../workbench/datasets/datasetSchema';

/**
 * A deliberately small, independent reading of a closed sprint from the dataset's own changelogs,
 * for the browser test's expectations. It handles only "simple" issues (see `isSimple`), so it can
 * stay a few lines and not mirror the app's engine.
 */

export type Sprint = { id: number; start: number; end: number };
export type IssueFacts = { key: string; committed: boolean; added: boolean; removed: boolean; completed: boolean; carryOver: boolean };

const time = (iso: string) => Date.parse(iso);
const ids = (value: string | null) =>
  (value ?? '')
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);

function changes(issue: DatasetIssue, field: 'Sprint' | 'status') {
  return issue.changelog.flatMap((entry) =>
    entry.items.filter((item) => item.field === field).map((item) => ({ at: time(entry.created), from: item.from, to: item.to })),
  );
}

function sprintsAt(issue: DatasetIssue, at: number): number[] {
  const history = changes(issue, 'Sprint');
  if (!history.length) return issue.sprintIds;
  let value = ids(history[0]?.from ?? null);
  for (const change of history) if (change.at <= at) value = ids(change.to);
  return value;
}

function statusAt(issue: DatasetIssue, at: number): string {
  const history = changes(issue, 'status');
  if (!history.length) return issue.statusId;
  let value = history[0]?.from ?? issue.statusId;
  for (const change of history) if (change.at <= at) value = change.to ?? value;
  return value;
}

export function closedSprint(dataset: Dataset, sprintId: number): Sprint {
  const sprint = dataset.sprints.find((candidate) => candidate.id === sprintId);
  if (!sprint?.startDate || !sprint.completeDate) throw new Error(`Sprint ${sprintId} is not a closed sprint of the dataset.`);
  return { id: sprintId, start: time(sprint.startDate), end: time(sprint.completeDate) };
}

/** Issues whose Sprint field ever named the sprint. */
export function issuesTouching(dataset: Dataset, sprint: Sprint): DatasetIssue[] {
  return dataset.issues.filter(
    (issue) =>
      issue.sprintIds.includes(sprint.id) || changes(issue, 'Sprint').some((c) => [...ids(c.from), ...ids(c.to)].includes(sprint.id)),
  );
}

/**
 * Simple: never reopened, at most one Sprint change inside the sprint,
 * and nothing at exactly the start or close instant (where Jira's tie rules would matter).
 */
export function isSimple(issue: DatasetIssue, sprint: Sprint, doneIds: Set<string>): boolean {
  // Created after the start: only with its Sprint history, so "added" is read from the changelog.
  if (time(issue.created) >= sprint.start && changes(issue, 'Sprint').length === 0) return false;
  const all = [...changes(issue, 'Sprint'), ...changes(issue, 'status')];
  if (all.some((c) => c.at === sprint.start || c.at === sprint.end)) return false;
  if (changes(issue, 'Sprint').filter((c) => c.at > sprint.start && c.at < sprint.end).length > 1) return false;
  return !changes(issue, 'status').some((c) => c.from !== null && doneIds.has(c.from) && !(c.to !== null && doneIds.has(c.to)));
}

export function facts(issue: DatasetIssue, sprint: Sprint, doneIds: Set<string>): IssueFacts {
  const committed = sprintsAt(issue, sprint.start).includes(sprint.id);
  const inAtEnd = sprintsAt(issue, sprint.end).includes(sprint.id);
  const enteredDuring = changes(issue, 'Sprint').some(
    (c) => c.at > sprint.start && c.at < sprint.end && ids(c.to).includes(sprint.id) && !ids(c.from).includes(sprint.id),
  );
  const added = !committed && enteredDuring;
  const doneAtEnd = doneIds.has(statusAt(issue, sprint.end));
  const doneChange = changes(issue, 'status').find((c) => c.to !== null && doneIds.has(c.to) && !(c.from !== null && doneIds.has(c.from)));
  const completed =
    inAtEnd && doneAtEnd && doneChange !== undefined && doneChange.at > sprint.start && sprintsAt(issue, doneChange.at).includes(sprint.id);
  return {
    key: issue.key,
    committed,
    added,
    removed: (committed || added) && !inAtEnd,
    completed,
    carryOver: inAtEnd && !doneAtEnd,
  };
}

export type Expected = { committed: number; added: number; removed: number; completed: number; carryOver: number; sayDoPct: number | null };

export function expectedRow(all: IssueFacts[]): Expected {
  const count = (pick: (f: IssueFacts) => boolean) => all.filter(pick).length;
  const committed = count((f) => f.committed);
  return {
    committed,
    added: count((f) => f.added),
    removed: count((f) => f.removed),
    completed: count((f) => f.completed),
    carryOver: count((f) => f.carryOver),
    sayDoPct: committed ? (count((f) => f.committed && f.completed) / committed) * 100 : null,
  };
}
