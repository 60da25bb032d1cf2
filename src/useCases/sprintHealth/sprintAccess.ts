import { DomainError } from '../../domain/errors';
import { fetchBoardSprints, fetchProjectBoards, fetchSprint, type BoardSummary, type SprintSummary } from '../../jira/agile';
import type { JiraCall } from '../../jira/jiraRequest';
import { siteKeyOf, type InvocationContext } from '../../resolvers/invocationContext';
import { SiteCache, type CacheScope } from '../../storage/siteCache';
import { toSprintRecord, type SprintRecord } from '../../storage/sprintHealthStore';
import { sprintHealthTuning } from './sprintHealthJobs';

/**
 * Who may see a sprint's health: whoever Jira lets see the sprint. Stored results are computed as
 * the app, so before any of them is read (or the viewer's choice saved) the sprint is asked of Jira
 * as the viewer — GET /rest/agile/1.0/sprint/{id}, which answers 404 to a user who can see neither
 * its board nor any of its issues — and it must be on one of the page's project boards (the payload's
 * board id is only a claim). Answers are remembered per site and user for a few minutes, so a warm
 * repeat view asks Jira nothing more; the same few minutes after a permission is withdrawn
 * are the price of that, as for the picker's own lists.
 */

export const SPRINT_NOT_FOUND_MESSAGE = "This sprint doesn't exist or you don't have permission to view it.";

export const sprintAccessTuning = { ttlMs: 10 * 60_000 };

/** Sprints as the viewer saw them (from the picker or a sprint read). */
const viewerSprints = new SiteCache<SprintRecord>({ ttlMs: sprintAccessTuning.ttlMs, maxEntries: 5000 });
/** `<boardId>:<sprintId>` pairs the viewer saw in a board's sprint list. */
const listedOnBoard = new SiteCache<true>({ ttlMs: sprintAccessTuning.ttlMs, maxEntries: 5000 });
/** Scrum boards of a project, as the viewer sees them. */
const viewerBoards = new SiteCache<BoardSummary[]>({ ttlMs: sprintAccessTuning.ttlMs, maxEntries: 1000 });

/** Calls of resolvers the page waits on: short rate-limit waits (see `interactiveMaxWaitMs`). */
export function userCall(context: InvocationContext): JiraCall {
  return { actor: 'user', site: siteKeyOf(context), accountId: context.accountId, maxWaitMs: sprintHealthTuning.interactiveMaxWaitMs };
}

const viewerScope = (context: InvocationContext): CacheScope => ({ site: siteKeyOf(context), accountId: context.accountId });
const notFound = () => new DomainError('not-found', SPRINT_NOT_FOUND_MESSAGE);

export function projectOf(context: InvocationContext): { id: string; key: string } {
  const project = context.extension?.project;
  if (!project?.id || !project.key) throw new DomainError('invalid', 'Sprint health works on a project page.');
  return { id: project.id, key: project.key };
}

/** The project's scrum boards as the viewer sees them, remembered per viewer for the checks below. */
export function projectBoardsForViewer(context: InvocationContext, options: { fresh?: boolean } = {}): Promise<BoardSummary[]> {
  const project = projectOf(context);
  const scope = viewerScope(context);
  // The picker asks afresh (a new board shows at once); the checks reuse what it saw.
  if (options.fresh) viewerBoards.delete(scope, project.id);
  return viewerBoards.getOrLoad(scope, project.id, () => fetchProjectBoards(userCall(context), project.key));
}

/** A board's sprints as the viewer sees them; each remembered as seen by this viewer, on this board. */
export async function boardSprintsForViewer(context: InvocationContext, boardId: number): Promise<SprintSummary[]> {
  const sprints = await fetchBoardSprints(userCall(context), boardId, ['active', 'closed']);
  const scope = viewerScope(context);
  for (const sprint of sprints) {
    viewerSprints.set(scope, String(sprint.id), toSprintRecord(sprint));
    listedOnBoard.set(scope, `${boardId}:${sprint.id}`, true);
  }
  return sprints;
}

/** The sprint as the viewer sees it, or NOT_FOUND when Jira does not show it to them. */
export async function sprintForViewer(context: InvocationContext, sprintId: number): Promise<SprintRecord> {
  const record = await viewerSprints.getOrLoad(viewerScope(context), String(sprintId), async () => {
    const sprint = await fetchSprint(userCall(context), sprintId);
    if (!sprint) throw notFound(); // not cached: a sprint shared later shows at once
    return toSprintRecord(sprint);
  });
  return record;
}

async function isOnBoard(context: InvocationContext, sprint: SprintRecord, boardId: number): Promise<boolean> {
  if (sprint.originBoardId === boardId || listedOnBoard.get(viewerScope(context), `${boardId}:${sprint.id}`)) return true;
  // A sprint can show on boards other than its origin (their filters take in its issues): the board says.
  await boardSprintsForViewer(context, boardId);
  return listedOnBoard.get(viewerScope(context), `${boardId}:${sprint.id}`) === true;
}

/**
 * The sprint, once the viewer may see it and it is on one of the page project's boards: `boardId`
 * when given (it must be one of them), else any of them. NOT_FOUND otherwise, worded exactly as for
 * a sprint that does not exist. Call it before reading anything stored about the sprint.
 */
export async function authorizeSprint(context: InvocationContext, sprintId: number, boardId?: number): Promise<SprintRecord> {
  // Both reads at once: a cold first view pays one round trip for them, not two.
  const boardsPromise = projectBoardsForViewer(context);
  boardsPromise.catch(() => undefined); // awaited below, unless the sprint already failed
  const sprint = await sprintForViewer(context, sprintId);
  const boardIds = (await boardsPromise).map((board) => board.id);
  const candidates = boardId === undefined ? boardIds : boardIds.filter((id) => id === boardId);
  // The origin board first: it decides without another request in almost every case.
  candidates.sort((a, b) => Number(b === sprint.originBoardId) - Number(a === sprint.originBoardId));
  for (const candidate of candidates) {
    if (await isOnBoard(context, sprint, candidate)) return sprint;
  }
  throw notFound();
}

/** Forgets every remembered answer (tests start each case from a cold process). */
export function forgetSprintAccess(): void {
  viewerSprints.clear();
  listedOnBoard.clear();
  viewerBoards.clear();
}
