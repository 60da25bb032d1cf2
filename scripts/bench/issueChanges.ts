import type { Dataset } from '../../workbench/datasets/datasetSchema';
import type { JiraStandIn } from '../../workbench/jira/jiraStandIn';

/**
 * The "10 issues changed" step: status moves a team makes between two views of the board (to do →
 * in progress, in progress → done), written through the stand-in as Jira would, with changelogs.
 */
export interface AppliedChange {
  id: string;
  key: string;
  from: string;
  to: string;
  items: unknown[];
}

export function moveIssuesForward(
  jira: JiraStandIn,
  dataset: Dataset,
  sprintId: number,
  count: number,
  authorAccountId: string,
): AppliedChange[] {
  const category = new Map(dataset.statuses.map((status) => [status.id, status.category]));
  const firstOf = (wanted: string) => dataset.statuses.find((status) => status.category === wanted);
  const inProgress = firstOf('indeterminate');
  const done = firstOf('done');
  if (!inProgress || !done) throw new Error('The bench site needs an in-progress and a done status.');

  const changes: AppliedChange[] = [];
  for (const candidate of dataset.issues) {
    if (changes.length >= count) break;
    const issue = jira.issue(candidate.key);
    if (!issue || !issue.sprintIds.includes(sprintId)) continue;
    const now = category.get(issue.statusId);
    if (now === 'done') continue;
    const target = now === 'new' ? inProgress : done;
    const { changelogEntry } = jira.applyIssueUpdate(issue.key, { statusId: target.id }, { authorAccountId, at: new Date() });
    changes.push({ id: issue.id, key: issue.key, from: issue.statusId, to: target.id, items: changelogEntry?.items ?? [] });
  }
  if (changes.length < count) throw new Error(`Only ${changes.length} open issues in sprint ${sprintId} to change.`);
  return changes;
}
