import { computeSprintHealth } from '../../../../src/domain/sprintHealth/computeSprintHealth';
import { describeReason } from '../../../../src/domain/sprintHealth/reasons';
import type { DrillDownKey, SprintHealthInput, SprintHealthResult, SprintHealthRow } from '../../../../src/domain/sprintHealth/types';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export function rowOf(result: SprintHealthResult, processKey: string | null = 'INC'): SprintHealthRow {
  const row = result.rows.find((r) => r.processKey === processKey);
  if (!row) throw new Error(`no row for ${processKey}; rows: ${result.rows.map((r) => r.processKey).join(', ')}`);
  return row;
}

export function computeRow(input: SprintHealthInput, processKey: string | null = 'INC'): SprintHealthRow {
  return rowOf(computeSprintHealth(input), processKey);
}

/** Drill-down entries as "KEY ✓ reason" lines in UTC: what the user reads, in one comparable string list. */
export function drill(row: Pick<SprintHealthRow, 'drillDown'>, key: DrillDownKey, timeZone = 'UTC'): string[] {
  return row.drillDown[key].map((entry) => `${entry.issueKey} ${entry.counted ? '✓' : '✗'} ${describeReason(entry.reason, timeZone)}`);
}
