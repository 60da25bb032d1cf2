import { deleteActiveInputs } from '../../storage/sprintHealth/activeInputs';
import { deleteEventChanges, listEventChanges } from '../../storage/sprintHealth/eventChanges';
import { deleteIssuesLeftSprint } from '../../storage/sprintHealth/issuesLeft';
import { deleteStartSnapshot } from '../../storage/sprintHealth/startSnapshots';
import { freezeResult, readFrozenResult, type StoredResult } from '../../storage/sprintHealth/frozenResults';
import { UNLINKED_TREND_KEY, writeTrendPoint, type TrendPoint } from '../../storage/sprintHealth/trendPoints';
import { rowOnIncompleteData } from './sprintHealthView';

/**
 * The last step for a closed sprint: its result is frozen once and never rewritten. In order:
 *  1. the result is written, first write wins (a concurrent job or a repeated close event keeps the first);
 *  2. only if this call wrote it, the board's trend point (the sparklines) is written from it;
 *  3. what was kept while the sprint was active is dropped: its inputs (issue events stop recording for it),
 *     start snapshot, issues seen leaving and unapplied event changes (retention: src/storage/README.md).
 * Answers the result as stored: the one written now or the one already there. One already there but
 * unreadable is reported (`UnreadableFrozenResult`), never replaced.
 */
export async function freezeSprintResult(stored: StoredResult, trendBoardId: number): Promise<StoredResult> {
  const { sprint } = stored.meta;
  const written = await freezeResult(stored);
  if (written) await writeTrendPoint(trendBoardId, trendPointOf(stored), sprint.completeDate ?? sprint.endDate);
  await deleteActiveInputs(sprint.id);
  await dropSprintInputs(sprint.id);
  if (written) return stored;
  return (await readFrozenResult(sprint.id)) ?? stored;
}

function trendPointOf(stored: StoredResult): TrendPoint {
  const { sprint } = stored.meta;
  return {
    sprintId: sprint.id,
    sprintName: sprint.name,
    completeDate: sprint.completeDate,
    scores: Object.fromEntries(stored.rows.map((row) => [row.processKey ?? UNLINKED_TREND_KEY, row.health])),
    incompleteData: stored.rows.filter((row) => rowOnIncompleteData(stored.meta, row)).map((row) => row.processKey ?? UNLINKED_TREND_KEY),
  };
}

async function dropSprintInputs(sprintId: number): Promise<void> {
  await deleteStartSnapshot(sprintId);
  await deleteIssuesLeftSprint(sprintId);
  await deleteEventChanges(sprintId, await listEventChanges(sprintId));
}
