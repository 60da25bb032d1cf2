import { searchIssueIds } from '../../jira/sprintIssues';
import { writeStartSnapshot } from '../../storage/sprintHealth/startSnapshots';
import { jiraCallFor, type Actor } from '../actor';

/**
 * A sprint started: its committed scope is kept exactly as Jira has it now (issue ids only, the
 * cheapest search). First write wins, so the same event delivered twice keeps the first snapshot.
 */
export async function onSprintStarted(input: { sprintId: number }, actor: Actor): Promise<void> {
  const issues = await searchIssueIds(jiraCallFor(actor), `sprint = ${input.sprintId}`);
  await writeStartSnapshot(input.sprintId, { issueIds: issues.map((issue) => issue.id), takenAt: new Date().toISOString() });
}
