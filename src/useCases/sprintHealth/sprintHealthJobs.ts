import { Queue } from '@forge/events';
import { toResolverError } from '../../contract/errors';
import type { SprintHealthProgress } from '../../contract/sprintHealthContract';
import { DomainError } from '../../domain/errors';
import type { JiraCall } from '../../jira/jiraRequest';
import { listProcesses } from '../../storage/catalogStore';
import { readHealthSettings } from '../../storage/sprintHealthSettings';
import {
  clearRunning,
  deleteActiveInputs,
  freezeResult,
  markRunning,
  readActiveInputs,
  readFrozenResult,
  readJob,
  writeActiveInputs,
  writeJob,
  type JobRecord,
  type SprintRecord,
  type StoredResult,
} from '../../storage/sprintHealthStore';
import { gatherFull, gatherRefresh, toStoredResult, type ProgressSink } from './sprintHealthEngine';
import { kpiReadingsFor } from './sprintHealthInputs';

/**
 * Computing and storing a sprint's health, inline or in the background. A resolver has 25 s:
 * past the inline budget the work moves to the `sprint-health` queue and the page polls.
 */
export const sprintHealthTuning = {
  /** How long a resolver computes before handing over to the background (Forge stops it at 25 s). */
  inlineBudgetMs: 18_000,
  /** Rate-limit waits allowed inside a background job (its function may run for minutes). */
  backgroundDeadlineMs: 120_000,
  /**
   * Longest rate-limit wait of one request in a resolver the page waits on: past it the page gets
   * RATE_LIMITED with `retryAt` at once and says "Jira is busy, retrying at …" (it retries by itself).
   */
  interactiveMaxWaitMs: 2_000,
};

export const SPRINT_HEALTH_QUEUE = 'sprint-health';

export class NeedsBackground extends Error {
  constructor() {
    super('The sprint is too large to compute within one resolver call.');
  }
}

export interface JobBody extends Record<string, unknown> {
  jobId: string;
  sprint: SprintRecord;
  boardId: number;
  site: string;
}

/**
 * Computes the sprint's health and stores it: a closed sprint is frozen (first write wins, so a
 * concurrent computation never rewrites it), an active sprint keeps its inputs for refreshes.
 */
export async function computeAndStore(
  call: JiraCall,
  sprint: SprintRecord,
  boardId: number,
  onProgress: ProgressSink,
  options: { sprintCheckedAt?: string } = {},
): Promise<StoredResult> {
  const [settingsRecord, processes] = await Promise.all([readHealthSettings(), listProcesses()]);
  const kpiReadings = await kpiReadingsFor(sprint.id, processes);
  const ctx = { call, sprint, settings: settingsRecord.settings, now: () => new Date(), onProgress, kpiReadings, ...options };
  const cached = sprint.state === 'active' ? await readActiveInputs(sprint.id) : null;
  const gathered = cached ? await gatherRefresh(ctx, cached) : await gatherFull(ctx);
  const stored = toStoredResult(gathered.result, sprint, gathered.removedIssuesKnown);
  await onProgress({ phase: 'saving', done: gathered.issues.length, total: gathered.issues.length, retryAt: null });
  if (sprint.state === 'closed') {
    const written = await freezeResult(stored, sprint.originBoardId ?? boardId);
    // The refresh inputs kept while it was active are of no further use once it is frozen.
    await deleteActiveInputs(sprint.id);
    if (!written) return (await readFrozenResult(sprint.id)) ?? stored;
    return stored;
  }
  await writeActiveInputs(gathered.meta, gathered.issues);
  return stored;
}

/** A progress sink that stops the resolver once its budget is spent. */
export function budgetedProgress(startedAt: number, budgetMs: number): ProgressSink {
  return () => {
    if (Date.now() - startedAt > budgetMs) throw new NeedsBackground();
  };
}

export async function startBackgroundJob(sprint: SprintRecord, boardId: number, site: string): Promise<JobRecord> {
  const now = new Date().toISOString();
  // The contract accepts only this shape back (jobIdSchema): it becomes part of a storage key.
  const jobId = `sh-${sprint.id}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const job: JobRecord = { jobId, sprintId: sprint.id, boardId, status: 'computing', progress: { phase: 'queued', done: 0, total: null, retryAt: null }, error: null, startedAt: now, updatedAt: now };
  await writeJob(job);
  await markRunning(sprint.id, jobId);
  const body: JobBody = { jobId, sprint, boardId, site };
  await new Queue({ key: SPRINT_HEALTH_QUEUE }).push({ body });
  return job;
}

/** The queue consumer: computes as the app with a long deadline, writing progress as it goes. */
export async function runBackgroundJob(body: JobBody): Promise<void> {
  const job = await readJob(body.jobId);
  if (!job || job.status !== 'computing') return; // delivered twice: the first delivery did it
  let last = 0;
  const update = async (progress: SprintHealthProgress, force = false) => {
    // Progress is written at most every 500 ms: a storage write per page would slow large sprints.
    if (!force && Date.now() - last < 500) return;
    last = Date.now();
    await writeJob({ ...job, progress, updatedAt: new Date().toISOString() });
  };
  const call: JiraCall = { actor: 'app', site: body.site, deadline: Date.now() + sprintHealthTuning.backgroundDeadlineMs };
  try {
    await computeAndStore(call, body.sprint, body.boardId, (progress) => update(progress));
    await writeJob({ ...job, status: 'ready', progress: { phase: 'saving', done: 1, total: 1, retryAt: null }, updatedAt: new Date().toISOString() });
    await clearRunning(body.sprint.id);
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'rate-limited' && error.details.retryAt) {
      // Jira asked to wait longer than this run may: try again then, and tell the page when.
      const retryAt = error.details.retryAt;
      await writeJob({ ...job, progress: { phase: 'rate-limited', done: job.progress.done, total: job.progress.total, retryAt }, updatedAt: new Date().toISOString() });
      const delayInSeconds = Math.min(900, Math.max(1, Math.ceil((Date.parse(retryAt) - Date.now()) / 1000)));
      await new Queue({ key: SPRINT_HEALTH_QUEUE }).push({ body, delayInSeconds });
      return;
    }
    const resolverError = error instanceof DomainError ? toResolverError(error) : { code: 'INTERNAL' as const, message: 'Computing sprint health failed. Try again.' };
    if (!(error instanceof DomainError)) console.error('Sprint health job failed', error);
    await writeJob({ ...job, status: 'failed', error: resolverError, updatedAt: new Date().toISOString() });
    await clearRunning(body.sprint.id);
  }
}
