import type { SprintOptionView } from '../../contract/sprintHealthContract';
import { withOverdueNote } from '../../domain/sprints/sprintOverdue';
import { isJiraAdmin } from '../../jira/permissions';
import { listProcesses } from '../../storage/catalogStore';
import { readChoice, type BoardChoice } from '../../storage/sprintHealth/boardChoices';
import { boardSprintsForViewer, projectBoardsForViewer, type ProjectRef, type Viewer } from './sprintAccess';
import { myProcessKeys } from './sprintHealthView';

/**
 * The page's picker: the project's scrum boards and a board's sprints, as the viewer sees them. What it
 * lists is remembered briefly (per site and user), so the access check of the next view costs nothing.
 */

export async function sprintHealthSetup(input: { project: ProjectRef }, viewer: Viewer) {
  const [boards, lastChoice, admin, processes] = await Promise.all([
    projectBoardsForViewer(viewer, input.project, { fresh: true }),
    readChoice(viewer.accountId),
    isJiraAdmin(),
    listProcesses(),
  ]);
  const choice: BoardChoice | null = lastChoice && boards.some((board) => board.id === lastChoice.boardId) ? lastChoice : null;
  return {
    project: input.project,
    boards: boards.map(({ id, name }) => ({ id, name })),
    lastChoice: choice,
    isJiraAdmin: admin,
    myProcessKeys: myProcessKeys(processes, viewer.accountId),
  };
}

export async function listBoardSprints(input: { boardId: number }, viewer: Viewer): Promise<{ sprints: SprintOptionView[] }> {
  const sprints = await boardSprintsForViewer(viewer, input.boardId);
  const now = new Date();
  return {
    sprints: sprints.map(({ id, name, state, startDate, endDate, completeDate }) =>
      withOverdueNote({ id, name, state, startDate, endDate, completeDate }, now),
    ),
  };
}
