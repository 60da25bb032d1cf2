import type { Process } from '../../domain/catalog/catalogSchemas';
import { DomainError } from '../../domain/errors';
import { canReviewProcess } from '../../domain/improvements/improvementPermissions';
import { decideReviewSave, reviewValues, validateKpiReadings, withKpiReading } from '../../domain/review/sprintReview';
import { withOverdueNote } from '../../domain/sprints/sprintOverdue';
import { fetchSprint, type SprintSummary } from '../../jira/agile';
import { fetchProjectRef } from '../../jira/issueLinks';
import { readProcess } from '../../storage/catalogStore';
import { readSprintReview, writeSprintReview } from '../../storage/sprintReviewStore';
import { jiraCallFor, type Actor, type CallPolicy } from '../actor';
import { accountOf, viewerOf } from '../improvements/improvementContext';
import { recentProjectSprints } from '../improvements/processBacklog';

export interface RecordKpiReadingInput {
  /** The project whose active sprint takes the reading when no sprint is named. */
  projectKey: string;
  processKey: string;
  /** The KPI's id or name (any case). */
  kpi: string;
  value: number;
  sprintId?: number;
}

export interface RecordedKpiReading {
  processKey: string;
  kpiId: string;
  sprintId: number;
  value: number;
  /** Set when the active sprint taking the reading is past its end (not closed in Jira yet). */
  sprintNote: string | null;
  /** False when the review already held this value: nothing was written. */
  changed: boolean;
}

/** Saves of one reading that lost the race to another save, tried again on the fresh review. */
const ATTEMPTS = 3;

function kpiOf(process: Process, wanted: string) {
  const needle = wanted.toLowerCase();
  const kpi = process.kpis.find((candidate) => candidate.id.toLowerCase() === needle || candidate.name.toLowerCase() === needle);
  if (kpi) return kpi;
  const known = process.kpis.map((candidate) => candidate.name).join(', ') || 'none';
  throw new DomainError('invalid', `${process.key} has no KPI "${wanted}" (its KPIs: ${known}).`);
}

async function sprintFor(input: RecordKpiReadingInput, actor: Actor, policy: CallPolicy): Promise<SprintSummary> {
  const call = jiraCallFor(actor, policy);
  if (input.sprintId !== undefined) {
    const sprint = await fetchSprint(call, input.sprintId);
    if (!sprint) throw new DomainError('not-found', `Sprint ${input.sprintId} doesn't exist or you can't see it.`);
    return sprint;
  }
  const project = await fetchProjectRef('user', input.projectKey);
  if (!project) throw new DomainError('not-found', `Project ${input.projectKey} doesn't exist or you can't browse it.`);
  const active = (await recentProjectSprints(call, project.key, Number.MAX_SAFE_INTEGER)).find((sprint) => sprint.state === 'active');
  if (!active) throw new DomainError('invalid', `Project ${project.key} has no active sprint; give a sprint id.`);
  return active;
}

/**
 * Sets one KPI's reading in a process's review of a sprint (the named one, else the project's
 * active sprint), with its history entry, as the review's editors may (APO, ASM, Jira admin).
 * The same value again writes nothing. A save that lost the review's version to another save
 * is tried again on the fresh review; only the reading changes, whatever else the other save did.
 */
export async function recordKpiReading(input: RecordKpiReadingInput, actor: Actor, policy: CallPolicy = {}): Promise<RecordedKpiReading> {
  const by = accountOf(actor);
  const process = await readProcess(input.processKey);
  if (!process) throw new DomainError('invalid', `There is no process with key ${input.processKey}.`);
  const kpi = kpiOf(process, input.kpi);
  const reading = { kpiId: kpi.id, value: input.value };
  validateKpiReadings([reading], process.kpis);
  if (!canReviewProcess(await viewerOf(actor), process)) {
    throw new DomainError('forbidden', `Only the APO or ASM of ${process.key}, or a Jira administrator, can edit its sprint reviews.`);
  }
  const sprint = await sprintFor(input, actor, policy);
  const now = new Date();
  // The project's active sprint may be past its end, not closed in Jira yet: the caller shows that.
  const overdue = input.sprintId === undefined ? withOverdueNote(sprint, now).overdueNote : null;
  const recorded = (changed: boolean): RecordedKpiReading => ({
    processKey: process.key,
    kpiId: kpi.id,
    sprintId: sprint.id,
    value: input.value,
    sprintNote: overdue ? `Recorded in ${sprint.name}, which ${overdue}.` : null,
    changed,
  });
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const existing = await readSprintReview(process.key, sprint.id);
    if (existing?.kpiReadings.some((current) => current.kpiId === kpi.id && current.value === input.value)) return recorded(false);
    const decision = decideReviewSave({
      existing,
      expectedVersion: existing?.version ?? null,
      processKey: process.key,
      sprintId: sprint.id,
      values: withKpiReading(reviewValues(existing), reading),
      by,
      now,
      sprintState: sprint.state,
    });
    if (decision.outcome === 'saved' && (!decision.history || (await writeSprintReview(decision.review, decision.history)))) {
      return recorded(decision.history !== null);
    }
  }
  throw new DomainError('conflict', `The ${process.key} sprint review kept changing while the reading was saved.`);
}
