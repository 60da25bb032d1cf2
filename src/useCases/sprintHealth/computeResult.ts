import {
  computeSprintHealth,
  DRILL_DOWN_KEYS,
  type ChangeHistory,
  type DrillDownEntry,
  type HealthSettings,
  type KpiReading,
  type Sprint,
  type SprintHealthInput,
  type SprintHealthResult,
  type StatusInfo,
  toSprintInput,
} from '../../domain/sprintHealth';
import type { SprintFieldIds } from '../../jira/jiraFields';
import type { ActiveIssueRecord } from '../../storage/sprintHealth/activeInputs';
import type { DrillDownCounts, StoredDrillItem, StoredResult, StoredRow } from '../../storage/sprintHealth/frozenResults';

/**
 * The pure computation run on gathered inputs, and its result in the shape storage keeps (counts per
 * drill-down, drill-downs as issue ids and reasons: issue details are re-read as the viewer).
 */

interface ComputeContext {
  settings: HealthSettings;
  statuses: Record<string, StatusInfo>;
  fields: SprintFieldIds;
  now: string;
  snapshot: string[] | null;
  removedIssuesKnown: boolean;
  /** The only snapshot was taken after the sprint closed: the start is reconstructed from history. */
  startSnapshotLate?: boolean;
  kpiReadings?: Record<string, KpiReading[]>;
}

/** The pure computation's input from a sprint and its gathered issues (also what the bench computes on). */
export function sprintHealthInput(sprint: Sprint, records: readonly ActiveIssueRecord[], context: ComputeContext): SprintHealthInput {
  const changelogs: Record<string, ChangeHistory[]> = {};
  for (const record of records) if (record.changelog) changelogs[record.issue.id] = record.changelog;
  return {
    sprint: toSprintInput(sprint),
    now: context.now,
    issues: records.map((record) => record.issue),
    changelogs,
    statuses: context.statuses,
    settings: context.settings,
    committedSnapshot: context.snapshot,
    removedIssuesKnown: context.removedIssuesKnown,
    ...(context.startSnapshotLate ? { startSnapshotLate: true } : {}),
    ...(context.kpiReadings ? { kpiReadings: context.kpiReadings } : {}),
    fields: {
      ...(context.fields.sprint ? { sprint: context.fields.sprint } : {}),
      ...(context.fields.flagged ? { flagged: context.fields.flagged } : {}),
    },
  };
}

export function compute(sprint: Sprint, records: readonly ActiveIssueRecord[], context: ComputeContext): SprintHealthResult {
  return computeSprintHealth(sprintHealthInput(sprint, records, context));
}

const countEntries = (entries: readonly DrillDownEntry[]) => ({
  listed: entries.length,
  counted: entries.filter((entry) => entry.counted).length,
});

/** The result without issue details: counts per drill-down, and drill-downs as ids and reasons. */
export function toStoredResult(result: SprintHealthResult, sprint: Sprint, removedIssuesKnown: boolean): StoredResult {
  const drill: StoredDrillItem[] = [];
  const rows: StoredRow[] = result.rows.map((row, index) => {
    const counts = {} as DrillDownCounts;
    for (const key of DRILL_DOWN_KEYS) {
      const entries = row.drillDown[key];
      counts[key] = countEntries(entries);
      for (const entry of entries) drill.push([index, key, entry.issueId, entry.counted ? 1 : 0, entry.reason]);
    }
    return { processKey: row.processKey, metrics: row.metrics, criteria: row.criteria, health: row.health, drillDownCounts: counts };
  });
  const totalsCounts = {} as DrillDownCounts;
  for (const key of DRILL_DOWN_KEYS) totalsCounts[key] = countEntries(result.totals.drillDown[key]);
  return {
    meta: {
      sprint,
      computedAt: result.computedAt,
      window: result.window,
      completeness: { ...result.completeness, removedIssuesKnown },
      totals: {
        metrics: result.totals.metrics,
        criteria: result.totals.criteria,
        health: result.totals.health,
        drillDownCounts: totalsCounts,
      },
    },
    rows,
    drill,
  };
}
