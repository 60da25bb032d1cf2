import type { SprintHealthView } from '../../contract/sprintHealthContract';
import { DomainError } from '../../domain/errors';
import type { Sprint } from '../../domain/sprintHealth';
import { listProcesses } from '../../storage/catalogStore';
import { readActiveInputs } from '../../storage/sprintHealth/activeInputs';
import { writeChoice } from '../../storage/sprintHealth/boardChoices';
import { readFrozenResult } from '../../storage/sprintHealth/frozenResults';
import { readJob, type JobError, type JobRecord } from '../../storage/sprintHealth/jobs';
import { readRunningJob } from '../../storage/sprintHealth/runningMarkers';
import { asAppOn } from '../actor';
import { authorizeSprint, interactiveCall, trendSprintFilter, type ProjectRef, type Viewer } from './sprintAccess';
import { budgetedProgress, computeAndStore, NeedsBackground, sprintHealthTuning } from './computeAndStore';
import { resumeIfStale, startHealthJob, type HealthQueue } from './runHealthJob';
import { closeCheckDue, recheckSprint } from './sprintCloseCheck';
import { toReadyView } from './sprintHealthView';

/**
 * A page view of one sprint's health. Nothing stored about the sprint is read before the viewer may see
 * it (sprintAccess.ts). Then, in order: a frozen result is shown as is (no Jira request); a running job
 * answers its progress; otherwise the sprint is computed as the app within the inline budget (an active
 * sprint refreshed from its kept inputs: one search when nothing changed), or handed to a background job.
 */

export interface SprintHealthViewInput {
  project: ProjectRef;
  boardId: number;
  sprintId: number;
  myProcessesOnly: boolean;
}

/**
 * What the page is shown: the contract's view, except that a failed job carries the domain's failure, which
 * the resolver words as the contract's error.
 */
export type SprintHealthOutcome = Exclude<SprintHealthView, { status: 'failed' }> | { status: 'failed'; jobId: string; failure: JobError };

/** A job still computing, or one that failed (a stale job out of runs fails when it is taken over). */
function jobView(job: JobRecord): SprintHealthOutcome {
  if (job.status === 'failed') {
    return { status: 'failed', jobId: job.jobId, failure: job.error ?? { kind: 'internal', message: 'Computing sprint health failed.' } };
  }
  return { status: 'computing', jobId: job.jobId, progress: job.progress, restartedAt: job.restartedAt ?? null };
}

export async function viewSprintHealth(input: SprintHealthViewInput, viewer: Viewer, queue: HealthQueue): Promise<SprintHealthOutcome> {
  const viewerSprint = await authorizeSprint(viewer, input.project, input.sprintId, input.boardId);
  const view = await healthOf(input, viewer, viewerSprint, queue);
  // Saved only with an answer to show: a refused or failed view changes nothing.
  await writeChoice(viewer.accountId, { boardId: input.boardId, sprintId: input.sprintId });
  return view;
}

async function healthOf(
  input: SprintHealthViewInput,
  viewer: Viewer,
  viewerSprint: Sprint,
  queue: HealthQueue,
): Promise<SprintHealthOutcome> {
  const { boardId, sprintId, myProcessesOnly } = input;
  const [processes, trendSprintVisible] = await Promise.all([listProcesses(), trendSprintFilter(viewer, viewerSprint, boardId)]);
  const viewOptions = { boardId, processes, accountId: viewer.accountId, myProcessesOnly, trendSprintVisible };

  // A closed sprint's numbers are frozen: no Jira request at all.
  const frozen = await readFrozenResult(sprintId);
  if (frozen) return toReadyView(frozen, { ...viewOptions, frozen: true });
  const running = await readRunningJob(sprintId);
  // A job whose run died (timed out, out of memory, never delivered) is taken over here, by the next viewer.
  if (running) return jobView(await resumeIfStale(running, { queue, sprint: viewerSprint, site: viewer.site }));

  // A cached active sprint is refreshed as the app (one search when nothing changed).
  const startedAt = Date.now();
  const call = { ...interactiveCall(asAppOn(viewer)), deadline: startedAt + sprintHealthTuning.inlineBudgetMs };
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
    return jobView(await startHealthJob(queue, sprint, boardId, viewer.site));
  }
}

/** The page polling a background job: its progress, its failure, or the sprint's view once it is ready. */
export async function viewSprintHealthProgress(
  input: { project: ProjectRef; jobId: string; myProcessesOnly: boolean },
  viewer: Viewer,
  queue: HealthQueue,
): Promise<SprintHealthOutcome> {
  const job = await readJob(input.jobId);
  if (!job) throw new DomainError('not-found', 'That computation is not known (it may have expired). Open the sprint again.');
  // A job id says which sprint it computes: its progress and result are the sprint's, for its viewers only.
  const sprint = await authorizeSprint(viewer, input.project, job.sprintId, job.boardId);
  if (job.status !== 'ready') return jobView(await resumeIfStale(job, { queue, sprint, site: viewer.site }));
  const frozen = await readFrozenResult(job.sprintId);
  if (frozen) {
    const [processes, trendSprintVisible] = await Promise.all([listProcesses(), trendSprintFilter(viewer, sprint, job.boardId)]);
    const options = { boardId: job.boardId, processes, accountId: viewer.accountId, myProcessesOnly: input.myProcessesOnly };
    return toReadyView(frozen, { ...options, trendSprintVisible, frozen: true });
  }
  // An active sprint's job stored its inputs: the (cheap) view of the sprint.
  return viewSprintHealth(
    { project: input.project, boardId: job.boardId, sprintId: job.sprintId, myProcessesOnly: input.myProcessesOnly },
    viewer,
    queue,
  );
}
