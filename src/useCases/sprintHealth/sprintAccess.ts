import { DomainError } from '../../domain/errors';
import { fetchBoardSprints, fetchProjectBoards, fetchSprint, type BoardSummary, type SprintSummary } from '../../jira/agile';
import { SiteCache, type CacheScope } from '../../caches/siteCache';
import { toSprint, type Sprint } from '../../domain/sprintHealth';
import type { JiraCall } from '../../jira/jiraRequest';
import { jiraCallFor, type Actor, type JiraRef, type UserActor } from '../actor';
import { sprintHealthTuning } from './computeAndStore';

/**
 * Who may see a sprint's health: whoever Jira lets see the sprint. Stored results are computed as
 * the app, so before any of them is read (or the viewer's choice saved) the sprint is asked of Jira
 * as the viewer — GET /rest/agile/1.0/sprint/{id}, which answers 404 to a user who can see neither
 * its board nor any of its issues — and it must be on one of the page's project boards (the payload's
 * board id is only a claim). Answers are remembered per site and user for one resolver's time budget
 * (`sprintAccessTuning`), so the picker, the view and its drill-downs of one page visit ask Jira once.
 */

export const SPRINT_NOT_FOUND_MESSAGE = "This sprint doesn't exist or you don't have permission to view it.";

export const PROJECT_PAGE_ONLY = 'Sprint health works on a project page.';

/**
 * How long Jira's answers about who sees which board and sprint are reused: 25 s, Forge's runtime limit for a
 * resolver ("Invocation limits"). A view that asked Jira just before a permission was withdrawn may go on
 * answering for that long anyway, so reusing the answer no longer adds no exposure the platform does not
 * already allow; a revoked viewer is out by their next click after that.
 */
export const sprintAccessTuning = { ttlMs: 25_000 };

/** Sprints as the viewer saw them (from the picker or a sprint read). */
const viewerSprints = new SiteCache<Sprint>({ ttlMs: sprintAccessTuning.ttlMs, maxEntries: 5000 });
/** `<boardId>:<sprintId>` pairs the viewer saw in a board's sprint list. */
const listedOnBoard = new SiteCache<true>({ ttlMs: sprintAccessTuning.ttlMs, maxEntries: 5000 });
/** Scrum boards of a project, as the viewer sees them. */
const viewerBoards = new SiteCache<BoardSummary[]>({ ttlMs: sprintAccessTuning.ttlMs, maxEntries: 1000 });

/** The signed-in user viewing the page: every sprint health page answer is theirs. */
export type Viewer = UserActor;
/** The project page's project, from the invocation context. */
export type ProjectRef = JiraRef;

/** Calls the page waits on: short rate-limit waits (see `interactiveMaxWaitMs`), as `actor`. */
export const interactiveCall = (actor: Actor): JiraCall => jiraCallFor(actor, { maxWaitMs: sprintHealthTuning.interactiveMaxWaitMs });

const viewerScope = (viewer: Viewer): CacheScope => ({ site: viewer.site, accountId: viewer.accountId });
const notFound = () => new DomainError('not-found', SPRINT_NOT_FOUND_MESSAGE);

/** The project's scrum boards as the viewer sees them, remembered per viewer for the checks below. */
export function projectBoardsForViewer(viewer: Viewer, project: ProjectRef, options: { fresh?: boolean } = {}): Promise<BoardSummary[]> {
  const scope = viewerScope(viewer);
  // The picker asks afresh (a new board shows at once); the checks reuse what it saw.
  if (options.fresh) viewerBoards.delete(scope, project.id);
  return viewerBoards.getOrLoad(scope, project.id, () => fetchProjectBoards(interactiveCall(viewer), project.key));
}

/** A board's sprints as the viewer sees them; each remembered as seen by this viewer, on this board. */
export async function boardSprintsForViewer(viewer: Viewer, boardId: number): Promise<SprintSummary[]> {
  const sprints = await fetchBoardSprints(interactiveCall(viewer), boardId, ['active', 'closed']);
  const scope = viewerScope(viewer);
  for (const sprint of sprints) {
    viewerSprints.set(scope, String(sprint.id), toSprint(sprint));
    listedOnBoard.set(scope, `${boardId}:${sprint.id}`, true);
  }
  return sprints;
}

/** The sprint as the viewer sees it, or NOT_FOUND when Jira does not show it to them. */
export async function sprintForViewer(viewer: Viewer, sprintId: number): Promise<Sprint> {
  const record = await viewerSprints.getOrLoad(viewerScope(viewer), String(sprintId), async () => {
    const sprint = await fetchSprint(interactiveCall(viewer), sprintId);
    if (!sprint) throw notFound(); // not cached: a sprint shared later shows at once
    return toSprint(sprint);
  });
  return record;
}

async function isOnBoard(viewer: Viewer, sprint: Sprint, boardId: number): Promise<boolean> {
  if (sprint.originBoardId === boardId || listedOnBoard.get(viewerScope(viewer), `${boardId}:${sprint.id}`)) return true;
  // A sprint can show on boards other than its origin (their filters take in its issues): the board says.
  await boardSprintsForViewer(viewer, boardId);
  return listedOnBoard.get(viewerScope(viewer), `${boardId}:${sprint.id}`) === true;
}

/**
 * The sprint, once the viewer may see it and it is on one of the page project's boards: `boardId`
 * when given (it must be one of them), else any of them. NOT_FOUND otherwise, worded exactly as for
 * a sprint that does not exist. Call it before reading anything stored about the sprint.
 */
export async function authorizeSprint(viewer: Viewer, project: ProjectRef, sprintId: number, boardId?: number): Promise<Sprint> {
  // Both reads at once: a cold first view pays one round trip for them, not two.
  const boardsPromise = projectBoardsForViewer(viewer, project);
  boardsPromise.catch(() => undefined); // awaited below, unless the sprint already failed
  const sprint = await sprintForViewer(viewer, sprintId);
  const boardIds = (await boardsPromise).map((board) => board.id);
  const candidates = boardId === undefined ? boardIds : boardIds.filter((id) => id === boardId);
  // The origin board first: it decides without another request in almost every case.
  candidates.sort((a, b) => Number(b === sprint.originBoardId) - Number(a === sprint.originBoardId));
  for (const candidate of candidates) {
    if (await isOnBoard(viewer, sprint, candidate)) return sprint;
  }
  throw notFound();
}

/**
 * Which sprints of a trend (the closed sprints of `sprint`'s origin board) the viewer may see. Through the
 * origin board, every one: whoever sees a board sees its sprints. Let in through another board (its filter takes
 * in some of the sprint's issues), only the sprints that board lists to them: the origin board may be closed to
 * them. Call it after `authorizeSprint`, which has usually just listed that board for this viewer.
 */
export async function trendSprintFilter(viewer: Viewer, sprint: Sprint, boardId: number): Promise<(sprintId: number) => boolean> {
  if (sprint.originBoardId === null || sprint.originBoardId === boardId) return () => true;
  const scope = viewerScope(viewer);
  if (!listedOnBoard.get(scope, `${boardId}:${sprint.id}`)) await boardSprintsForViewer(viewer, boardId);
  return (sprintId) => listedOnBoard.get(scope, `${boardId}:${sprintId}`) === true;
}

/**
 * Forgets every remembered answer of one site (all of them without `site`: tests start from a cold process).
 * Whatever the app itself changes that decides who sees a board or sprint must call it with the site, so no
 * "yes" outlives that change. Today the app changes none (its scopes write no board, filter, sprint,
 * permission or issue security scheme): the TTL above is the bound for changes made in Jira.
 */
export function forgetSprintAccess(site?: string): void {
  viewerSprints.clear(site);
  listedOnBoard.clear(site);
  viewerBoards.clear(site);
}
