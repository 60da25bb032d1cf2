import { toSprint, type Sprint } from '../../domain/sprintHealth';
import { fetchSprint } from '../../jira/agile';
import type { JiraCall } from '../../jira/jiraRequest';
import type { ActiveMeta } from '../../storage/sprintHealth/activeInputs';

/**
 * A cached active sprint stays 'active' until the sprint-closed event freezes it. Forge delivers
 * events at least once, but not while the app is disabled or being reinstalled: a missed close
 * would leave the page showing a closed sprint as running for ever. So once the sprint is past its
 * planned end, the refresh also re-reads the sprint (one request), at most every few minutes.
 * Before the end nothing extra is asked: the repeat view stays one request.
 */
export const closeCheckTuning = {
  /** Teams close a sprint a little after its planned end; no point asking before. */
  graceMs: 10 * 60_000,
  /** A sprint that overran its end is re-read at most this often. */
  intervalMs: 5 * 60_000,
};

/** Whether the cached sprint should be re-read from Jira before this refresh. */
export function closeCheckDue(meta: Pick<ActiveMeta, 'sprint' | 'sprintCheckedAt'>, now: Date): boolean {
  const end = Date.parse(meta.sprint.endDate ?? '');
  // Jira requires an end date to start a sprint; without one there is no moment to start asking.
  if (Number.isNaN(end) || now.getTime() < end + closeCheckTuning.graceMs) return false;
  const checkedAt = Date.parse(meta.sprintCheckedAt ?? '');
  return Number.isNaN(checkedAt) || now.getTime() - checkedAt >= closeCheckTuning.intervalMs;
}

/**
 * The sprint as Jira has it now (GET /rest/agile/1.0/sprint/{id}): closed, or still active with
 * perhaps a new end date. A sprint Jira no longer returns keeps its cached record.
 */
export async function recheckSprint(call: JiraCall, cached: Sprint): Promise<Sprint> {
  const current = await fetchSprint(call, cached.id);
  if (!current) return cached;
  if (current.state === 'closed') return toSprint(current);
  return { ...toSprint(current), state: 'active', originBoardId: current.originBoardId ?? cached.originBoardId };
}
