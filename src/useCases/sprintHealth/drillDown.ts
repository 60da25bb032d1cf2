import type { ResultOf } from '../../contract';
import { describeReason, type DrillDownKey } from '../../domain/sprintHealth';
import { DomainError } from '../../domain/errors';
import { fetchStatusCatalog } from '../../jira/statuses';
import { readActiveInputs } from '../../storage/sprintHealth/activeInputs';
import { readFrozenResult, type StoredResult } from '../../storage/sprintHealth/frozenResults';
import { readHealthSettings } from '../../storage/sprintHealth/settings';
import { readStartSnapshot } from '../../storage/sprintHealth/startSnapshots';
import { asAppOn } from '../actor';
import { browsableIssues } from '../issueVisibility';
import { compute, toStoredResult } from './computeResult';
import { authorizeSprint, interactiveCall, type ProjectRef, type Viewer } from './sprintAccess';

/**
 * The stored result of a sprint, frozen or (for an active sprint) recomputed from its kept inputs,
 * once the viewer may see the sprint: its rows and hidden-issue counts are the sprint's, not theirs to
 * probe otherwise (NOT_FOUND, as for a sprint that does not exist).
 */
export async function storedResultFor(
  viewer: Viewer,
  project: ProjectRef,
  sprintId: number,
): Promise<{ stored: StoredResult; frozen: boolean } | null> {
  await authorizeSprint(viewer, project, sprintId);
  const frozen = await readFrozenResult(sprintId);
  if (frozen) return { stored: frozen, frozen: true };
  const active = await readActiveInputs(sprintId);
  if (!active) return null;
  const [settings, statuses, snapshot] = await Promise.all([
    readHealthSettings(),
    fetchStatusCatalog(interactiveCall(asAppOn(viewer))),
    readStartSnapshot(sprintId),
  ]);
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

export interface DrillDownInput {
  project: ProjectRef;
  sprintId: number;
  /** One process's row (null: the unlinked row); all rows when absent. */
  processKey?: string | null;
  metric: DrillDownKey;
  /** The viewer's time zone (IANA), for the reasons' dates. */
  timeZone: string;
}

/** The issues behind one number, re-read as the viewer: what they cannot browse is counted, not shown. */
export async function viewDrillDown(input: DrillDownInput, viewer: Viewer): Promise<ResultOf<'getSprintHealthDrillDown'>> {
  const found = await storedResultFor(viewer, input.project, input.sprintId);
  if (!found) throw new DomainError('not-found', 'This sprint has no computed health yet. Open it first.');
  const { stored } = found;
  const rowIndexes = new Set(
    stored.rows.flatMap((row, index) => (input.processKey === undefined || row.processKey === input.processKey ? [index] : [])),
  );
  if (input.processKey !== undefined && rowIndexes.size === 0)
    throw new DomainError('not-found', 'That process has no work in this sprint.');
  const entries = stored.drill.filter(([row, key]) => key === input.metric && rowIndexes.has(row));

  // Re-read as the viewer: what they cannot browse is not returned by Jira, and is not shown.
  const ids = entries.map(([, , issueId]) => issueId);
  const { found: byId, hidden } = await browsableIssues(interactiveCall(viewer), ids, ['summary', 'status']);
  const { timeZone } = input;
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
  const hiddenCount = hidden.size;
  return {
    sprintId: input.sprintId,
    processKey: input.processKey ?? null,
    metric: input.metric,
    issues,
    hiddenCount,
    hiddenMessage:
      hiddenCount === 0
        ? null
        : `${hiddenCount} ${hiddenCount === 1 ? 'issue' : 'issues'} hidden because you can't browse ${hiddenCount === 1 ? 'it' : 'them'}.`,
    timeZone,
  };
}
