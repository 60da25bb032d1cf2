import type { ParsedPayloadOf, ResultOf } from '../../contract';
import type { SprintHealthView } from '../../contract/sprintHealthContract';
import { AppError } from '../../errors/appError';
import { fetchBoardSprints, fetchProjectBoards, fetchSprint } from '../../jira/agile';
import type { JiraCall } from '../../jira/jiraRequest';
import { isJiraAdmin } from '../../jira/permissions';
import { siteKeyOf, type InvocationContext } from '../../resolvers/invocationContext';
import { listProcesses } from '../../storage/catalogStore';
import { SiteCache } from '../../storage/siteCache';
import {
  readActiveInputs,
  readChoice,
  readFrozenResult,
  readJob,
  readRunningJob,
  toSprintRecord,
  writeChoice,
  type JobRecord,
  type SprintRecord,
} from '../../storage/sprintHealthStore';
import { budgetedProgress, computeAndStore, NeedsBackground, sprintHealthTuning, startBackgroundJob } from './sprintHealthJobs';
import { closeCheckDue, recheckSprint } from './sprintCloseCheck';
import { myProcessKeys, toReadyView } from './sprintHealthView';

/**
 * The sprint health page: picker, health table and background progress. Sprints the viewer just
 * listed are remembered briefly (per site and user), so opening one needs no second sprint read.
 */
const listedSprints = new SiteCache<SprintRecord>({ ttlMs: 10 * 60_000, maxEntries: 5000 });

/** Calls of resolvers the page waits on: short rate-limit waits (see `interactiveMaxWaitMs`). */
export function userCall(context: InvocationContext): JiraCall {
  return { actor: 'user', site: siteKeyOf(context), accountId: context.accountId, maxWaitMs: sprintHealthTuning.interactiveMaxWaitMs };
}
export function appCall(context: Pick<InvocationContext, 'cloudId' | 'installContext'>): JiraCall {
  return { actor: 'app', site: siteKeyOf(context), maxWaitMs: sprintHealthTuning.interactiveMaxWaitMs };
}

function projectOf(context: InvocationContext): { id: string; key: string } {
  const project = context.extension?.project;
  if (!project?.id || !project.key) throw new AppError('INVALID_INPUT', 'Sprint health works on a project page.');
  return { id: project.id, key: project.key };
}

export async function getSprintHealthSetup(_payload: ParsedPayloadOf<'getSprintHealthSetup'>, context: InvocationContext): Promise<ResultOf<'getSprintHealthSetup'>> {
  const project = projectOf(context);
  const [boards, lastChoice, admin, processes] = await Promise.all([
    fetchProjectBoards(userCall(context), project.key),
    readChoice(context.accountId),
    isJiraAdmin(),
    listProcesses(),
  ]);
  return {
    project,
    boards: boards.map(({ id, name }) => ({ id, name })),
    lastChoice: lastChoice && boards.some((board) => board.id === lastChoice.boardId) ? lastChoice : null,
    isJiraAdmin: admin,
    myProcessKeys: myProcessKeys(processes, context.accountId),
  };
}

export async function listBoardSprints(payload: ParsedPayloadOf<'listBoardSprints'>, context: InvocationContext): Promise<ResultOf<'listBoardSprints'>> {
  const sprints = await fetchBoardSprints(userCall(context), payload.boardId, ['active', 'closed']);
  const scope = { site: siteKeyOf(context), accountId: context.accountId };
  for (const sprint of sprints) listedSprints.set(scope, String(sprint.id), toSprintRecord(sprint));
  return { sprints: sprints.map((sprint) => ({ id: sprint.id, name: sprint.name, state: sprint.state, startDate: sprint.startDate, endDate: sprint.endDate, completeDate: sprint.completeDate })) };
}

/** The sprint as the viewer sees it: from the picker just shown, else asked of Jira as the viewer. */
async function sprintForViewer(context: InvocationContext, sprintId: number): Promise<SprintRecord> {
  const scope = { site: siteKeyOf(context), accountId: context.accountId };
  const listed = listedSprints.get(scope, String(sprintId));
  if (listed) return listed;
  const sprint = await fetchSprint(userCall(context), sprintId);
  if (!sprint) throw new AppError('NOT_FOUND', 'That sprint does not exist, or you cannot see it.');
  const record = toSprintRecord(sprint);
  listedSprints.set(scope, String(sprintId), record);
  return record;
}

const computingView = (job: JobRecord): SprintHealthView => ({ status: 'computing', jobId: job.jobId, progress: job.progress });

export async function getSprintHealth(payload: ParsedPayloadOf<'getSprintHealth'>, context: InvocationContext): Promise<ResultOf<'getSprintHealth'>> {
  const { boardId, sprintId, myProcessesOnly } = payload;
  const [processes] = await Promise.all([listProcesses(), writeChoice(context.accountId, { boardId, sprintId })]);
  const viewOptions = { boardId, processes, accountId: context.accountId, myProcessesOnly };

  // A closed sprint's numbers are frozen: no Jira request at all.
  const frozen = await readFrozenResult(sprintId);
  if (frozen) return toReadyView(frozen, { ...viewOptions, frozen: true });
  const running = await readRunningJob(sprintId);
  if (running) return computingView(running);

  // A cached active sprint is refreshed as the app (one search when nothing changed).
  const startedAt = Date.now();
  const call = { ...appCall(context), deadline: startedAt + sprintHealthTuning.inlineBudgetMs };
  const cached = await readActiveInputs(sprintId);
  let sprint = cached ? cached.meta.sprint : await sprintForViewer(context, sprintId);
  const options: { sprintCheckedAt?: string } = {};
  if (cached && closeCheckDue(cached.meta, new Date(startedAt))) {
    // Past its end: the close event may have been missed. Closed now means computed and frozen like any closed sprint.
    sprint = await recheckSprint(call, cached.meta.sprint);
    options.sprintCheckedAt = new Date(startedAt).toISOString();
  }
  if (sprint.state === 'future') throw new AppError('INVALID_INPUT', 'This sprint has not started yet: there is nothing to measure.');

  try {
    const stored = await computeAndStore(call, sprint, boardId, budgetedProgress(startedAt, sprintHealthTuning.inlineBudgetMs), options);
    return toReadyView(stored, { ...viewOptions, frozen: sprint.state === 'closed' });
  } catch (error) {
    if (!(error instanceof NeedsBackground)) throw error;
    return computingView(await startBackgroundJob(sprint, boardId, siteKeyOf(context)));
  }
}

export async function getSprintHealthProgress(payload: ParsedPayloadOf<'getSprintHealthProgress'>, context: InvocationContext): Promise<ResultOf<'getSprintHealthProgress'>> {
  const job = await readJob(payload.jobId);
  if (!job) throw new AppError('NOT_FOUND', 'That computation is not known (it may have expired). Open the sprint again.');
  if (job.status === 'failed') return { status: 'failed', jobId: job.jobId, error: job.error ?? { code: 'INTERNAL', message: 'Computing sprint health failed.' } };
  if (job.status === 'computing') return computingView(job);
  const processes = await listProcesses();
  const options = { boardId: job.boardId, processes, accountId: context.accountId, myProcessesOnly: payload.myProcessesOnly };
  const frozen = await readFrozenResult(job.sprintId);
  if (frozen) return toReadyView(frozen, { ...options, frozen: true });
  // An active sprint's job stored its inputs: the page asks getSprintHealth for the (cheap) view.
  return getSprintHealth({ boardId: job.boardId, sprintId: job.sprintId, myProcessesOnly: payload.myProcessesOnly }, context);
}
