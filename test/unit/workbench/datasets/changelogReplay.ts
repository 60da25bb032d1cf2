import type { Dataset, DatasetIssue } from '../../../../workbench/datasets/datasetSchema';

/**
 * An independent replay of an issue's changelog (it shares no code with the writer under test): the
 * state at any instant, read only from the changelog items as the app would read them from Jira.
 */
export interface ReplayedState {
  statusId: string;
  sprintIds: number[];
  flagged: boolean;
  resolutionDate: string | null;
}

export function parseSprintField(value: string | null): number[] {
  if (value === null || value.trim() === '') return [];
  return value.split(',').map((part) => Number(part.trim()));
}

/** Replays items up to and including `until` (all when omitted); also checks every `from` against the running state. */
export function replayChangelog(dataset: Dataset, issue: DatasetIssue, until?: string): ReplayedState & { mismatches: string[] } {
  const category = new Map(dataset.statuses.map((status) => [status.id, status.category]));
  const toDo = dataset.statuses.find((status) => status.name === 'To Do');
  if (!toDo) throw new Error('The dataset has no To Do status.');
  const state: ReplayedState = { statusId: toDo.id, sprintIds: [], flagged: false, resolutionDate: null };
  const mismatches: string[] = [];
  const limit = until === undefined ? Number.POSITIVE_INFINITY : Date.parse(until);
  for (const entry of issue.changelog) {
    if (Date.parse(entry.created) > limit) break;
    for (const item of entry.items) {
      if (item.fieldId === 'status') {
        if (item.from !== state.statusId) mismatches.push(`${issue.key} ${entry.id}: status from ${item.from}, was ${state.statusId}`);
        const wasDone = category.get(state.statusId) === 'done';
        state.statusId = item.to ?? '';
        const isDone = category.get(state.statusId) === 'done';
        if (isDone && !wasDone) state.resolutionDate = entry.created;
        if (!isDone) state.resolutionDate = null;
      } else if (item.field === 'Sprint') {
        if (parseSprintField(item.from).join() !== state.sprintIds.join())
          mismatches.push(`${issue.key} ${entry.id}: sprint from ${item.from}, was ${state.sprintIds.join()}`);
        state.sprintIds = parseSprintField(item.to);
      } else if (item.field === 'Flagged') {
        if ((item.from !== null) !== state.flagged)
          mismatches.push(`${issue.key} ${entry.id}: flag from ${item.from}, was ${state.flagged}`);
        state.flagged = item.to !== null;
      }
    }
  }
  return { ...state, mismatches };
}

export const itemsOf = (issue: DatasetIssue, field: string) =>
  issue.changelog.flatMap((entry) =>
    entry.items.filter((item) => item.field === field).map((item) => ({ ...item, created: entry.created })),
  );
