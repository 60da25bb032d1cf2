import type { ParsedPayloadOf, ResultOf } from '../../contract';
import type { SprintHealthView } from '../../contract/sprintHealthContract';
import { withOverdueNote } from '../../domain/sprints/sprintOverdue';
import { DomainError } from '../../domain/errors';
import type { JiraCall } from '../../jira/jiraRequest';
import { isJiraAdmin } from '../../jira/permissions';
import { siteKeyOf, type InvocationContext } from '../../resolvers/invocationContext';
import { listProcesses } from '../../storage/catalogStore';
import {
  readActiveInputs,
  readChoice,
  readFrozenResult,
  readJob,
  readRunningJob,
  writeChoice,
  type JobRecord,
  type SprintRecord,
} from '../../storage/sprintHealthStore';
import { authorizeSprint, boardSprintsForViewer, projectBoardsForViewer, projectOf, userCall } from './sprintAccess';
import { budgetedProgress, computeAndStore, NeedsBackground, sprintHealthTuning, startBackgroundJob } from './sprintHealthJobs';
import { closeCheckDue, recheckSprint } from './sprintCloseCheck';
import { myProcessKeys, toReadyView } from './sprintHealthView';

/**
 * The sprint health page: picker, health table and background progress. Every answer about a
 * sprint first checks that the viewer may see it (sprintAccess.ts); the boards and sprints the
 * picker just listed are remembered briefly (per site and user), so that check then costs nothing.
 */

export { userCall };
export function appCall(context: Pick<InvocationContext, 'cloudId' | 'installContext'>): JiraCall {
  return { actor: 'app', site: siteKeyOf(context), maxWaitMs: sprintHealthTuning.interactiveMaxWaitMs };
}

export async function getSprintHealthSetup(_payload: ParsedPayloadOf<'getSprintHealthSetup'>, context: InvocationContext): Promise<ResultOf<'getSprintHealthSetup'>> {
  const project = projectOf(context);
  const [boards, lastChoice, admin, processes] = await Promise.all([
    projectBoardsForViewer(context, { fresh: true }),
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
  const sprints = await boardSprintsForViewer(context, payload.boardId);
  const now = new Date();
  return {
    sprints: sprints.map(({ id, name, state, startDate, endDate, completeDate }) =>
      withOverdueNote({ id, name, state, startDate, endDate, completeDate }, now),
    ),
  };
}

const computingView = (job: JobRecord): SprintHealthView => ({ status: 'computing', jobId: job.jobId, progress: job.progress });

export async function getSprintHealth(payload: ParsedPayloadOf<'getSprintHealth'>, context: InvocationContext): Promise<ResultOf<'getSprintHealth'>> {
  // Nothing stored about the sprint is read before the viewer may see it; the choice is saved only
  // with an answer to show (a refused or failed view changes nothing).
  const viewerSprint = await authorizeSprint(context, payload.sprintId, payload.boardId);
  const view = await sprintHealthView(payload, context, viewerSprint);
  await writeChoice(context.accountId, { boardId: payload.boardId, sprintId: payload.sprintId });
  return view;
}

async function sprintHealthView(
  payload: ParsedPayloadOf<'getSprintHealth'>,
  context: InvocationContext,
  viewerSprint: SprintRecord,
): Promise<SprintHealthView> {
  const { boardId, sprintId, myProcessesOnly } = payload;
  const processes = await listProcesses();
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
  let sprint = cached ? cached.meta.sprint : viewerSprint;
  const options: { sprintCheckedAt?: string } = {};
  if (cached && closeCheckDue(cached.meta, new Date(startedAt))) {
    // Past its end: the close event may have been missed. Closed now means computed and frozen like any closed sprint.
    sprint = await recheckSprint(call, cached.meta.sprint);
    options.sprintCheckedAt = new Date(startedAt).toISOString();
  }
  if (sprint.state === 'future') throw new DomainError('invalid', 'This sprint has not started yet: there is nothing to measure.');

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
  if (!job) throw new DomainError('not-found', 'That computation is not known (it may have expired). Open the sprint again.');
  // A job id says which sprint it computes: its progress and result are the sprint's, for its viewers only.
  await authorizeSprint(context, job.sprintId, job.boardId);
  if (job.status === 'failed') return { status: 'failed', jobId: job.jobId, error: job.error ?? { code: 'INTERNAL', message: 'Computing sprint health failed.' } };
  if (job.status === 'computing') return computingView(job);
  const processes = await listProcesses();
  const options = { boardId: job.boardId, processes, accountId: context.accountId, myProcessesOnly: payload.myProcessesOnly };
  const frozen = await readFrozenResult(job.sprintId);
  if (frozen) return toReadyView(frozen, { ...options, frozen: true });
  // An active sprint's job stored its inputs: the page asks getSprintHealth for the (cheap) view.
  return getSprintHealth({ boardId: job.boardId, sprintId: job.sprintId, myProcessesOnly: payload.myProcessesOnly }, context);
}
