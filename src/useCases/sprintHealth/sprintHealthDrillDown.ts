import type { ParsedPayloadOf, ResultOf } from '../../contract';
import { describeReason } from '../../domain/sprintHealth';
import { DomainError } from '../../domain/errors';
import { fetchStatusCatalog } from '../../jira/statuses';
import type { InvocationContext } from '../../resolvers/invocationContext';
import { readHealthSettings } from '../../storage/sprintHealthSettings';
import { readActiveInputs, readFrozenResult, readStartSnapshot, type StoredResult } from '../../storage/sprintHealthStore';
import { searchIssuesByIds } from '../../jira/enhancedSearch';
import { compute, toStoredResult } from './sprintHealthEngine';
import { authorizeSprint } from './sprintAccess';
import { appCall, userCall } from './sprintHealthPages';

/**
 * The stored result of a sprint, frozen or (for an active sprint) recomputed from its kept inputs,
 * once the viewer may see the sprint: its rows and hidden-issue counts are the sprint's, not theirs to
 * probe otherwise (NOT_FOUND, as for a sprint that does not exist).
 */
export async function storedResultFor(context: InvocationContext, sprintId: number): Promise<{ stored: StoredResult; frozen: boolean } | null> {
  await authorizeSprint(context, sprintId);
  const frozen = await readFrozenResult(sprintId);
  if (frozen) return { stored: frozen, frozen: true };
  const active = await readActiveInputs(sprintId);
  if (!active) return null;
  const [settings, statuses, snapshot] = await Promise.all([readHealthSettings(), fetchStatusCatalog(appCall(context)), readStartSnapshot(sprintId)]);
  const result = compute(active.meta.sprint, active.issues, {
    settings: settings.settings,
    statuses,
    fields: active.meta.fields,
    now: active.meta.computedAt,
    snapshot: snapshot?.issueIds ?? null,
    removedIssuesKnown: snapshot !== null,
  });
  return { stored: toStoredResult(result, active.meta.sprint, snapshot !== null), frozen: false };
}

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

export async function getSprintHealthDrillDown(
  payload: ParsedPayloadOf<'getSprintHealthDrillDown'>,
  context: InvocationContext,
): Promise<ResultOf<'getSprintHealthDrillDown'>> {
  const found = await storedResultFor(context, payload.sprintId);
  if (!found) throw new DomainError('not-found', 'This sprint has no computed health yet. Open it first.');
  const { stored } = found;
  const rowIndexes = new Set(
    stored.rows.flatMap((row, index) => (payload.processKey === undefined || row.processKey === payload.processKey ? [index] : [])),
  );
  if (payload.processKey !== undefined && rowIndexes.size === 0) throw new DomainError('not-found', 'That process has no work in this sprint.');
  const entries = stored.drill.filter(([row, key]) => key === payload.metric && rowIndexes.has(row));

  // Re-read as the viewer: what they cannot browse is not returned by Jira, and is not shown.
  const ids = [...new Set(entries.map(([, , issueId]) => issueId))];
  const visible = ids.length ? await searchIssuesByIds(userCall(context), ids, ['summary', 'status']) : [];
  const byId = new Map(visible.map((issue) => [issue.id, issue] as const));
  const timeZone = timeZoneOf(payload.timeZone, context);
  const issues = entries.flatMap(([, , issueId, counted, reason]) => {
    const issue = byId.get(issueId);
    if (!issue) return [];
    const status = issue.fields.status as { name?: unknown } | undefined;
    return [
      {
        issueId,
        key: issue.key,
        summary: typeof issue.fields.summary === 'string' ? issue.fields.summary : '',
        statusName: typeof status?.name === 'string' ? status.name : '',
        counted: counted === 1,
        reasonCode: reason.code,
        reason: describeReason(reason, timeZone),
      },
    ];
  });
  const hiddenCount = ids.filter((id) => !byId.has(id)).length;
  return {
    sprintId: payload.sprintId,
    processKey: payload.processKey ?? null,
    metric: payload.metric,
    issues,
    hiddenCount,
    hiddenMessage: hiddenCount === 0 ? null : `${hiddenCount} ${hiddenCount === 1 ? 'issue' : 'issues'} hidden because you can't browse ${hiddenCount === 1 ? 'it' : 'them'}.`,
    timeZone,
  };
}
