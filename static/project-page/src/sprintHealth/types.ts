// Types only, from the contract: the zod schemas behind them never reach the browser bundle.
import type { ResultOf } from '../../../../src/contract';

export type SprintHealthSetup = ResultOf<'getSprintHealthSetup'>;
export type SprintSummary = ResultOf<'listBoardSprints'>['sprints'][number];
export type SprintHealthView = ResultOf<'getSprintHealth'>;
export type SprintHealthReady = Extract<SprintHealthView, { status: 'ready' }>;
export type SprintHealthProgress = Extract<SprintHealthView, { status: 'computing' }>['progress'];
export type HealthRow = SprintHealthReady['rows'][number];
export type HealthTotals = SprintHealthReady['totals'];
export type DrillDownKey = ResultOf<'getSprintHealthDrillDown'>['metric'];
export type DrillDownResult = ResultOf<'getSprintHealthDrillDown'>;
export type HealthSettingsAnswer = ResultOf<'getHealthSettings'>;
export type HealthSettings = HealthSettingsAnswer['record']['settings'];
export type PreviewResult = ResultOf<'previewHealthSettings'>;
export type CriterionKey = HealthSettings['criteria'][number]['key'];
/** Every number the page explains: the drill-down numbers, the criteria, health itself and completeness. */
export type MetricKey = 'health' | DrillDownKey | CriterionKey | 'completeness';

/** The row a drill-down belongs to: a process, the unlinked work (null), or the whole sprint (undefined). */
export type RowRef = { processKey: string | null | undefined; label: string };

export type DrillDownTarget = {
  sprintId: number;
  row: RowRef;
  metric: DrillDownKey;
  /** "Committed for INC". */
  title: string;
  /** The metric's one-line definition, shown above the list. */
  definition: string;
};
