import type { Sprint } from '../../domain/sprintHealth';
import type { JiraCall } from '../../jira/jiraRequest';
import { listProcesses } from '../../storage/catalogStore';
import { readActiveInputs, writeActiveInputs } from '../../storage/sprintHealth/activeInputs';
import type { StoredResult } from '../../storage/sprintHealth/frozenResults';
import { readHealthSettings } from '../../storage/sprintHealth/settings';
import { toStoredResult } from './computeResult';
import { freezeSprintResult } from './freezeSprintResult';
import { gatherFull, gatherRefresh, type ProgressSink } from './gatherSprintInputs';
import { kpiReadingsFor } from './kpiReadings';

/**
 * Computing and storing a sprint's health, inline (a page view) or in the background (a job). A
 * resolver has 25 s: past the inline budget the work moves to the `sprint-health` queue and the page polls.
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

/** Thrown by a budgeted progress sink: the caller hands the sprint to a background job. */
export class NeedsBackground extends Error {
  constructor() {
    super('The sprint is too large to compute within one resolver call.');
  }
}

/** A progress sink that stops the resolver once its budget is spent. */
export function budgetedProgress(startedAt: number, budgetMs: number): ProgressSink {
  return () => {
    if (Date.now() - startedAt > budgetMs) throw new NeedsBackground();
  };
}

/**
 * Computes the sprint's health and stores it: a closed sprint is frozen (first write wins, so a
 * concurrent computation never rewrites it), an active sprint keeps its inputs for refreshes.
 */
export async function computeAndStore(
  call: JiraCall,
  sprint: Sprint,
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
  if (sprint.state === 'closed') return freezeSprintResult(stored, sprint.originBoardId ?? boardId);
  await writeActiveInputs(gathered.meta, gathered.issues);
  return stored;
}
