import type { JobRecord } from '../../storage/sprintHealth/jobs';

/**
 * When a background job that still says "computing" is known to be dead, from Forge's published limits
 * ("Invocation limits", "Async events limits"):
 *  - a consumer runs at most its `timeoutSeconds` (manifest: 900 s, Forge's maximum), then it is stopped
 *    without a chance to write anything: past start + 900 s (and a minute of slack) the run is over;
 *  - a run that runs out of memory stops at once: a running job writes its progress at least every few
 *    seconds (every page of issues), and its longest silence is a rate-limit wait inside the run
 *    (`backgroundDeadlineMs`, 120 s), so three silent minutes mean it is gone;
 *  - a queued event is normally delivered within seconds (`delayInSeconds` is at most 900 s and counted
 *    in the deadline): five minutes past its due time it was lost or never queued.
 * A stale job is taken over by the next page view, poll or sprint event (`resumeIfStale`): queued again,
 * up to `maxRuns` runs in all, then reported as failed so the next view starts afresh.
 */
export const jobTuning = {
  /** The consumer's `timeoutSeconds` (manifest.yml) plus slack for its last writes. */
  runMs: 960_000,
  /** Longest silence of a live run. */
  heartbeatMs: 180_000,
  /** How long a queued event may wait past its due time. */
  pickupMs: 300_000,
  /** Runs of one job before it is reported as failed. */
  maxRuns: 3,
};

const WAITING_PHASES: ReadonlySet<JobRecord['progress']['phase']> = new Set(['queued', 'rate-limited']);

/** The deadline of a run that starts now, or of an event due at `dueAt` (pushed with a delay). */
export const runDeadline = (now: Date) => new Date(now.getTime() + jobTuning.runMs).toISOString();
export const pickupDeadline = (dueAt: Date) => new Date(dueAt.getTime() + jobTuning.pickupMs).toISOString();

/** Whether a job that says "computing" is past its deadline, or a running one has gone silent. */
export function isStale(job: JobRecord, now: Date): boolean {
  if (job.status !== 'computing') return false;
  // Written before jobs carried a deadline: the longest a run may take since its last write.
  const deadline = Date.parse(job.deadlineAt ?? job.updatedAt) + (job.deadlineAt ? 0 : jobTuning.runMs);
  if (now.getTime() > deadline) return true;
  return !WAITING_PHASES.has(job.progress.phase) && now.getTime() - Date.parse(job.updatedAt) > jobTuning.heartbeatMs;
}
