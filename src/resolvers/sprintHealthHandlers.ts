import type { ParsedPayloadOf, ResultOf } from '../contract';
import { DomainError } from '../domain/errors';
import { healthQueue } from '../events/healthQueue';
import { viewDrillDown } from '../useCases/sprintHealth/drillDown';
import { getHealthSettings, previewHealthSettings, saveHealthSettings } from '../useCases/sprintHealth/healthSettings';
import { PROJECT_PAGE_ONLY, type ProjectRef, type Viewer } from '../useCases/sprintHealth/sprintAccess';
import { listBoardSprints, sprintHealthSetup } from '../useCases/sprintHealth/sprintPicker';
import { viewSprintHealth, viewSprintHealthProgress, type SprintHealthOutcome } from '../useCases/sprintHealth/viewSprintHealth';
import { failureToResolverError } from '../contract/errors';
import { siteKeyOf, type InvocationContext } from './invocationContext';

/**
 * Handlers of `sprintHealthContract` (picker, health table, drill-downs, settings): each takes the
 * viewer and the page's project from the invocation context and calls one use case in
 * src/useCases/sprintHealth/.
 */

const viewerOf = (context: InvocationContext): Viewer => ({ kind: 'user', accountId: context.accountId, site: siteKeyOf(context) });

function projectIn(context: InvocationContext): ProjectRef | null {
  const project = context.extension?.project;
  return project?.id && project.key ? { id: project.id, key: project.key } : null;
}

function projectOf(context: InvocationContext): ProjectRef {
  const project = projectIn(context);
  if (!project) throw new DomainError('invalid', PROJECT_PAGE_ONLY);
  return project;
}

/** The zone the payload names, else the one Jira puts in the context (when valid), else UTC. */
function timeZoneOf(payloadZone: string | undefined, context: InvocationContext): string {
  if (payloadZone) return payloadZone;
  const fromContext = (context as { timezone?: unknown }).timezone ?? (context.extension as { timezone?: unknown } | undefined)?.timezone;
  if (typeof fromContext === 'string') {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: fromContext });
      return fromContext;
    } catch {
      // fall through to UTC
    }
  }
  return 'UTC';
}

/** A failed job's failure is the domain's; the page is told the contract's error. */
function toView(outcome: SprintHealthOutcome): ResultOf<'getSprintHealth'> {
  if (outcome.status !== 'failed') return outcome;
  return { status: 'failed', jobId: outcome.jobId, error: failureToResolverError(outcome.failure) };
}

export const sprintHealthHandlers = {
  getSprintHealthSetup: (_payload: ParsedPayloadOf<'getSprintHealthSetup'>, context: InvocationContext) =>
    sprintHealthSetup({ project: projectOf(context) }, viewerOf(context)),
  listBoardSprints: (payload: ParsedPayloadOf<'listBoardSprints'>, context: InvocationContext) =>
    listBoardSprints({ boardId: payload.boardId }, viewerOf(context)),
  getSprintHealth: async (payload: ParsedPayloadOf<'getSprintHealth'>, context: InvocationContext) =>
    toView(await viewSprintHealth({ ...payload, project: projectOf(context) }, viewerOf(context), healthQueue)),
  getSprintHealthProgress: async (payload: ParsedPayloadOf<'getSprintHealthProgress'>, context: InvocationContext) =>
    toView(await viewSprintHealthProgress({ ...payload, project: projectOf(context) }, viewerOf(context), healthQueue)),
  getSprintHealthDrillDown: (payload: ParsedPayloadOf<'getSprintHealthDrillDown'>, context: InvocationContext) =>
    viewDrillDown({ ...payload, project: projectOf(context), timeZone: timeZoneOf(payload.timeZone, context) }, viewerOf(context)),
  getHealthSettings: (_payload: ParsedPayloadOf<'getHealthSettings'>, context: InvocationContext) => getHealthSettings(viewerOf(context)),
  previewHealthSettings: (payload: ParsedPayloadOf<'previewHealthSettings'>, context: InvocationContext) =>
    previewHealthSettings({ ...payload, project: projectIn(context) }, viewerOf(context)),
  saveHealthSettings: (payload: ParsedPayloadOf<'saveHealthSettings'>, context: InvocationContext) =>
    saveHealthSettings(payload, viewerOf(context)),
};
