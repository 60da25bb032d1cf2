import { toSprint } from '../../domain/sprintHealth';
import { fetchSprint } from '../../jira/agile';
import { hasFrozenResult } from '../../storage/sprintHealth/frozenResults';
import { readRunningJob } from '../../storage/sprintHealth/runningMarkers';
import { jiraCallFor, type Actor } from '../actor';
import { isStale } from './jobDeadline';
import { resumeIfStale, startHealthJob, type HealthQueue } from './runHealthJob';

/**
 * A sprint closed: its health is computed and frozen in the background (runHealthJob, then
 * freezeSprintResult). Nothing happens when a result is already stored (readable or not: it is never
 * rewritten) or a live job already computes it, so a repeated event has one effect; a dead job is taken over.
 */
export async function onSprintClosed(
  input: { sprintId: number; originBoardId: number | null },
  actor: Actor,
  queue: HealthQueue,
): Promise<void> {
  const { sprintId } = input;
  if (await hasFrozenResult(sprintId)) return;
  const running = await readRunningJob(sprintId);
  if (running && !isStale(running, new Date())) return;
  // The event may lack the close time; the sprint as Jira has it now is authoritative.
  const sprint = await fetchSprint(jiraCallFor(actor), sprintId);
  if (!sprint || sprint.state !== 'closed') return;
  if (running) {
    await resumeIfStale(running, { queue, sprint: toSprint(sprint), site: actor.site });
    return;
  }
  await startHealthJob(queue, toSprint(sprint), sprint.originBoardId ?? input.originBoardId ?? 0, actor.site);
}
