import { fetchSprint } from '../../jira/agile';
import { searchIssueIds } from '../../jira/sprintIssues';
import { hasFrozenResult } from '../../storage/sprintHealth/frozenResults';
import { writeStartSnapshot } from '../../storage/sprintHealth/startSnapshots';
import { jiraCallFor, type Actor } from '../actor';

/**
 * A sprint started: its committed scope is kept exactly as Jira has it now (issue ids only, the
 * cheapest search). First write wins, so the same event delivered twice keeps the first snapshot.
 * An event delivered after the sprint closed finds the scope at close, not at start: that snapshot is
 * kept marked `late`, so the result reconstructs the start from the issues' history and says so. Once the
 * sprint is frozen nothing is kept at all (nothing would read it).
 */
export async function onSprintStarted(input: { sprintId: number }, actor: Actor): Promise<void> {
  if (await hasFrozenResult(input.sprintId)) return;
  const call = jiraCallFor(actor);
  const issues = await searchIssueIds(call, `sprint = ${input.sprintId}`);
  // Read after the search: still active now means it was active while the search ran.
  const sprint = await fetchSprint(call, input.sprintId);
  if (!sprint) return;
  await writeStartSnapshot(input.sprintId, {
    issueIds: issues.map((issue) => issue.id),
    takenAt: new Date().toISOString(),
    ...(sprint.state === 'active' ? {} : { late: true }),
  });
}
