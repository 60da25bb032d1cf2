import type { ResultOf } from '../../contract';
import {
  DEFAULT_HEALTH_SETTINGS,
  evaluateCriteria,
  scoreHealth,
  suggestWaitingStatusIds,
  type HealthSettings,
} from '../../domain/sprintHealth';
import { DomainError } from '../../domain/errors';
import { fetchStatusCatalog } from '../../jira/statuses';
import { isJiraAdmin } from '../../jira/permissions';
import { listProcesses } from '../../storage/catalogStore';
import { readActiveInputs } from '../../storage/sprintHealth/activeInputs';
import { readFrozenResult, type StoredRow } from '../../storage/sprintHealth/frozenResults';
import { readHealthSettings, writeHealthSettings } from '../../storage/sprintHealth/settings';
import { readStartSnapshot } from '../../storage/sprintHealth/startSnapshots';
import { asAppOn } from '../actor';
import { compute, toStoredResult } from './computeResult';
import { rowOnIncompleteData } from './sprintHealthView';
import { authorizeSprint, interactiveCall, PROJECT_PAGE_ONLY, type ProjectRef, type Viewer } from './sprintAccess';

/** Health settings: anyone may read them; only Jira administrators (asked of Jira as the viewer) may change them. */

async function requireAdmin(): Promise<void> {
  if (!(await isJiraAdmin())) throw new DomainError('forbidden', 'Only Jira administrators can change the health settings.');
}

export async function getHealthSettings(viewer: Viewer): Promise<ResultOf<'getHealthSettings'>> {
  const [record, canEdit, statuses] = await Promise.all([readHealthSettings(), isJiraAdmin(), fetchStatusCatalog(interactiveCall(viewer))]);
  return {
    record,
    defaults: DEFAULT_HEALTH_SETTINGS,
    canEdit,
    statuses: Object.entries(statuses)
      .map(([id, status]) => ({ id, name: status.name, category: status.category }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    suggestedWaitingStatusIds: suggestWaitingStatusIds(statuses),
  };
}

export async function previewHealthSettings(
  input: { project: ProjectRef | null; settings: HealthSettings; sprintId: number | null },
  viewer: Viewer,
): Promise<ResultOf<'previewHealthSettings'>> {
  await requireAdmin();
  const { settings, sprintId } = input;
  const empty = { sprintId, mode: 'none' as const, rows: [], totals: null };
  if (sprintId === null) return empty;
  // Administrators too see a sprint's stored numbers only when Jira shows them the sprint.
  if (!input.project) throw new DomainError('invalid', PROJECT_PAGE_ONLY);
  await authorizeSprint(viewer, input.project, sprintId);
  const names = new Map((await listProcesses()).map((process) => [process.key, process.name] as const));
  const frozen = await readFrozenResult(sprintId);
  if (frozen) {
    // Frozen metrics stay as they were: only the scoring is previewed.
    const ctx = { sprintOpen: false };
    const rescore = (metrics: typeof frozen.meta.totals.metrics) => {
      const criteria = evaluateCriteria(metrics, settings, ctx);
      return { criteria, health: scoreHealth(criteria, settings.bands), incompleteData: rowOnIncompleteData(frozen.meta, { criteria }) };
    };
    const totals = rescore(frozen.meta.totals.metrics);
    return {
      sprintId,
      mode: 'rescored',
      rows: frozen.rows.map((row) => {
        const preview = rescore(row.metrics);
        return {
          processKey: row.processKey,
          processName: row.processKey ? (names.get(row.processKey) ?? null) : null,
          current: row.health,
          preview: preview.health,
          criteria: preview.criteria,
          currentIncompleteData: rowOnIncompleteData(frozen.meta, row),
          previewIncompleteData: preview.incompleteData,
        };
      }),
      totals: {
        current: frozen.meta.totals.health,
        preview: totals.health,
        currentIncompleteData: rowOnIncompleteData(frozen.meta, frozen.meta.totals),
        previewIncompleteData: totals.incompleteData,
      },
    };
  }
  const active = await readActiveInputs(sprintId);
  if (!active) return empty;
  const [current, statuses, snapshot] = await Promise.all([
    readHealthSettings(),
    fetchStatusCatalog(interactiveCall(asAppOn(viewer))),
    readStartSnapshot(sprintId),
  ]);
  const base = {
    statuses,
    fields: active.meta.fields,
    now: active.meta.computedAt,
    snapshot: snapshot?.issueIds ?? null,
    removedIssuesKnown: snapshot !== null,
  };
  const before = toStoredResult(
    compute(active.meta.sprint, active.issues, { ...base, settings: current.settings }),
    active.meta.sprint,
    base.removedIssuesKnown,
  );
  const after = compute(active.meta.sprint, active.issues, { ...base, settings });
  const beforeByKey = new Map(before.rows.map((row) => [row.processKey, row] as const));
  const onIncomplete = (row: { criteria: StoredRow['criteria'] } | undefined) => (row ? rowOnIncompleteData(before.meta, row) : false);
  return {
    sprintId,
    mode: 'recomputed',
    rows: after.rows.map((row) => ({
      processKey: row.processKey,
      processName: row.processKey ? (names.get(row.processKey) ?? null) : null,
      current: beforeByKey.get(row.processKey)?.health ?? { score: null, band: null },
      preview: row.health,
      criteria: row.criteria,
      currentIncompleteData: onIncomplete(beforeByKey.get(row.processKey)),
      previewIncompleteData: onIncomplete(row),
    })),
    totals: {
      current: before.meta.totals.health,
      preview: after.totals.health,
      currentIncompleteData: onIncomplete(before.meta.totals),
      previewIncompleteData: onIncomplete(after.totals),
    },
  };
}

export async function saveHealthSettings(
  input: { settings: HealthSettings; expectedVersion: number },
  viewer: Viewer,
): Promise<ResultOf<'saveHealthSettings'>> {
  await requireAdmin();
  const current = await readHealthSettings();
  if (current.version !== input.expectedVersion) return { outcome: 'conflict', current };
  const record = {
    settings: input.settings,
    version: current.version + 1,
    updatedAt: new Date().toISOString(),
    updatedBy: viewer.accountId,
  };
  if (!(await writeHealthSettings(record, current.version))) return { outcome: 'conflict', current: await readHealthSettings() };
  return { outcome: 'saved', record };
}
