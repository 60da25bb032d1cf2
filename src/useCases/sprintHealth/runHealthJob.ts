import { DomainError } from '../../domain/errors';
import type { Sprint } from '../../domain/sprintHealth';
import type { JiraCall } from '../../jira/jiraRequest';
import { claimTakeover, readJob, writeJob, type JobProgress, type JobRecord } from '../../storage/sprintHealth/jobs';
import { clearRunning, markRunning } from '../../storage/sprintHealth/runningMarkers';
import { computeAndStore, sprintHealthTuning } from './computeAndStore';
import { isStale, jobTuning, pickupDeadline, runDeadline } from './jobDeadline';

/**
 * Background computations: a sprint too large for one resolver call, or one that just closed. The
 * job's record says how far it got (the page polls it); the `sprint-health` queue carries its body.
 */

export interface JobBody extends Record<string, unknown> {
  jobId: string;
  sprint: Sprint;
  boardId: number;
  site: string;
  /** The run this event starts (absent: 1). A run that was taken over finds a newer one stored and stops. */
  attempt?: number;
}

/** Where jobs are queued (the entry-point layer implements it with the Forge queue: src/events/healthQueue.ts). */
export interface HealthQueue {
  push(body: JobBody, delayInSeconds?: number): Promise<void>;
}

export async function startHealthJob(queue: HealthQueue, sprint: Sprint, boardId: number, site: string): Promise<JobRecord> {
  const now = new Date().toISOString();
  // The contract accepts only this shape back (jobIdSchema): it becomes part of a storage key.
  const jobId = `sh-${sprint.id}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const progress: JobProgress = { phase: 'queued', done: 0, total: null, retryAt: null };
  const job: JobRecord = {
    jobId,
    sprintId: sprint.id,
    boardId,
    status: 'computing',
    progress,
    error: null,
    startedAt: now,
    updatedAt: now,
    attempt: 1,
    deadlineAt: pickupDeadline(new Date(now)),
  };
  await writeJob(job);
  await markRunning(sprint.id, jobId);
  await queue.push({ jobId, sprint, boardId, site, attempt: 1 });
  return job;
}

/** Thrown inside a run that a newer run has taken over: it stops without writing anything more. */
class RunTakenOver extends Error {
  constructor() {
    super('A newer run took this sprint health job over.');
  }
}

/** What a stale job needs to run again: the sprint it computes (as Jira has it now) and where. */
export interface JobResumption {
  queue: HealthQueue;
  sprint: Sprint;
  site: string;
}

/**
 * The job as it should be shown: unchanged while it is alive; a stale one (never delivered, timed out, out of
 * memory) queued again as its next run, or failed once it has had `maxRuns` runs. Of concurrent callers one
 * takes it over; the others answer the job as that one left it.
 */
export async function resumeIfStale(job: JobRecord, resumption: JobResumption, now = new Date()): Promise<JobRecord> {
  if (!isStale(job, now)) return job;
  const run = job.attempt ?? 1;
  if (!(await claimTakeover(job.jobId, run))) return (await readJob(job.jobId)) ?? job;
  const at = now.toISOString();
  if (run >= jobTuning.maxRuns) {
    const failed: JobRecord = {
      ...job,
      status: 'failed',
      error: {
        kind: 'internal',
        message: `The calculation stopped before finishing ${run} times (out of time or memory). Open the sprint again to start over.`,
      },
      updatedAt: at,
    };
    await writeJob(failed);
    await clearRunning(job.sprintId);
    return failed;
  }
  const next: JobRecord = {
    ...job,
    progress: { phase: 'queued', done: 0, total: null, retryAt: null },
    attempt: run + 1,
    restartedAt: at,
    deadlineAt: pickupDeadline(now),
    updatedAt: at,
  };
  await writeJob(next);
  await resumption.queue.push({
    jobId: job.jobId,
    sprint: resumption.sprint,
    boardId: job.boardId,
    site: resumption.site,
    attempt: run + 1,
  });
  return next;
}

/** The queue consumer's use case: computes as the app with a long deadline, writing progress as it goes. */
export async function runHealthJob(body: JobBody, queue: HealthQueue): Promise<void> {
  const stored = await readJob(body.jobId);
  if (!stored || stored.status !== 'computing') return; // delivered twice: the first delivery did it
  // A run that was taken over (it was late, not dead) leaves the job to the newer run.
  if ((body.attempt ?? 1) !== (stored.attempt ?? 1)) return;
  const startedRun = new Date();
  const job: JobRecord = {
    ...stored,
    progress: { phase: 'searching', done: 0, total: null, retryAt: null },
    deadlineAt: runDeadline(startedRun),
    updatedAt: startedRun.toISOString(),
  };
  await writeJob(job);
  const run = job.attempt ?? 1;
  /** Whether a newer run took the job over while this one was silent (it was slow, not dead): this one then stops. */
  const takenOver = async () => ((await readJob(job.jobId))?.attempt ?? 1) !== run;
  let last = 0;
  const update = async (progress: JobProgress, force = false) => {
    // Progress is written at most every 500 ms: a storage write per page would slow large sprints.
    if (!force && Date.now() - last < 500) return;
    last = Date.now();
    if (await takenOver()) throw new RunTakenOver();
    await writeJob({ ...job, progress, updatedAt: new Date().toISOString() });
  };
  const call: JiraCall = { actor: 'app', site: body.site, deadline: Date.now() + sprintHealthTuning.backgroundDeadlineMs };
  try {
    await computeAndStore(call, body.sprint, body.boardId, (progress) => update(progress));
    await writeJob({
      ...job,
      status: 'ready',
      progress: { phase: 'saving', done: 1, total: 1, retryAt: null },
      updatedAt: new Date().toISOString(),
    });
    await clearRunning(body.sprint.id);
  } catch (error) {
    if (error instanceof RunTakenOver || (await takenOver())) return;
    if (error instanceof DomainError && error.kind === 'rate-limited' && error.details.retryAt) {
      // Jira asked to wait longer than this run may: try again then, and tell the page when.
      const retryAt = error.details.retryAt;
      const progress: JobProgress = { phase: 'rate-limited', done: job.progress.done, total: job.progress.total, retryAt };
      const delaySeconds = Math.min(900, Math.max(1, Math.ceil((Date.parse(retryAt) - Date.now()) / 1000)));
      const deadlineAt = pickupDeadline(new Date(Date.now() + delaySeconds * 1000));
      await writeJob({ ...job, progress, deadlineAt, updatedAt: new Date().toISOString() });
      await queue.push(body, delaySeconds);
      return;
    }
    const jobError =
      error instanceof DomainError
        ? { kind: error.kind, message: error.message, ...error.details }
        : { kind: 'internal' as const, message: 'Computing sprint health failed. Try again.' };
    if (!(error instanceof DomainError)) console.error('Sprint health job failed', error);
    await writeJob({ ...job, status: 'failed', error: jobError, updatedAt: new Date().toISOString() });
    await clearRunning(body.sprint.id);
  }
}
