import type { CriterionKey, DrillDownKey } from './metricKeys';
import type { Reason } from './reasons';
import type { CriterionResult, Health, KpiReading, SprintMetrics } from './resultSchemas';
import type { HealthSettings } from './settings';
import type { StatusCategory, StatusInfo } from './statuses';

export type { StatusCategory, StatusInfo } from './statuses';

export { FLOW_KINDS, type CriterionKey, type DrillDownKey, type FlowKind } from './metricKeys';
// Types only: the schemas behind them stay out of the UI bundles that import this file.
export type { CriterionResult, Health, HealthBand, KpiReading, KpiReadingResult, SprintMetrics } from './resultSchemas';

/**
 * Inputs and outputs of the sprint health computation. Jira-shaped but minimal, and plain JSON
 * (ISO strings, no Dates or Maps), so storage can freeze an input or a result as is.
 */

export type SprintState = 'future' | 'active' | 'closed';

/**
 * A sprint as sprint health keeps it (the fields Jira gives, its goal and the like left out).
 * Sprint ids are numbers; only the Sprint field's changelog text speaks of them as "12, 13".
 */
export interface Sprint {
  id: number;
  name: string;
  state: SprintState;
  startDate: string | null;
  endDate: string | null;
  completeDate: string | null;
  /** The board the sprint was created on: its trend points are kept under it. */
  originBoardId: number | null;
}

/** Only the fields the computation reads of a sprint. */
export const toSprintInput = (sprint: Sprint): Omit<Sprint, 'originBoardId'> => ({
  id: sprint.id,
  name: sprint.name,
  state: sprint.state,
  startDate: sprint.startDate,
  endDate: sprint.endDate,
  completeDate: sprint.completeDate,
});

/** Only the fields kept of a sprint as Jira describes it. */
export const toSprint = (sprint: Sprint): Sprint => ({ ...toSprintInput(sprint), originBoardId: sprint.originBoardId });

export interface SprintInput {
  id: number;
  name: string;
  state: SprintState;
  /** ISO instants, any offset. A future sprint has no start yet. */
  startDate?: string | null;
  endDate?: string | null;
  /** When the sprint was closed; the end of the window for a closed sprint. */
  completeDate?: string | null;
}

export interface IssueInput {
  id: string;
  key: string;
  summary: string;
  issueTypeName: string;
  /** Current status; used only when the changelog has no status change. */
  statusId: string;
  statusCategory: StatusCategory;
  /** Sprint ids in the issue's Sprint field now; used only when the changelog has no Sprint change. */
  currentSprintIds: number[];
  /** Current Flagged state; used only when the changelog has no Flagged change. */
  flagged?: boolean;
  created: string;
  /** The process the issue is linked to (from the issue property), or null. */
  processKey: string | null;
  /** Set by the caller for Process Improvement issues whatever their type name. */
  isImprovement?: boolean;
}

/**
 * One item of a Jira changelog history: the one shape of a change, whether read in bulk
 * (`/rest/api/3/changelog/bulkfetch`) or carried by an issue-updated event. Items of old histories may lack a field id.
 */
export interface ChangeItem {
  field: string;
  fieldId?: string | null;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangeHistory {
  id?: string;
  created: string;
  items: ChangeItem[];
}

export interface SprintHealthInput {
  sprint: SprintInput;
  /** The end of the window for an active sprint, and the result's `computedAt`. Never read from the clock here. */
  now: string;
  issues: IssueInput[];
  /**
   * Changelog histories per issue id. A missing key means "not fetched" (the issue's current state is
   * assumed since it was created, and the result says so); an empty array means "never changed".
   */
  changelogs: Record<string, ChangeHistory[]>;
  statuses: Record<string, StatusInfo>;
  settings: HealthSettings;
  /** Issue ids captured when the sprint started; authoritative for "committed" when present. */
  committedSnapshot?: string[] | null;
  /**
   * Whether every issue that left the sprint could be found by the caller. Jira's search only finds
   * issues by their current Sprint field, so without the app's own event log removed issues may be missing.
   */
  removedIssuesKnown: boolean;
  /**
   * The sprint-started event came after the sprint had closed, so no start snapshot exists: committed is
   * reconstructed from the issues' history and the result is not exact.
   */
  startSnapshotLate?: boolean;
  /** KPI readings of this sprint per process key. A process without readings has KPI attainment "not applicable". */
  kpiReadings?: Record<string, KpiReading[]>;
  /** Custom field ids of Sprint and Flagged on this site (the changelog is also matched by field name). */
  fields?: { sprint?: string; flagged?: string };
}

export interface DrillDownEntry {
  issueId: string;
  issueKey: string;
  summary: string;
  /** Current status name. */
  statusName: string;
  /** Whether the issue counts towards the number; entries that don't say why not. */
  counted: boolean;
  reason: Reason;
}

export interface ScoredMetrics {
  metrics: SprintMetrics;
  criteria: CriterionResult[];
  health: Health;
}

export interface SprintHealthRow extends ScoredMetrics {
  processKey: string | null;
  drillDown: Record<DrillDownKey, DrillDownEntry[]>;
}

export interface SprintHealthResult {
  sprintId: number;
  sprintState: SprintState;
  computedAt: string;
  /** Start and end of the window the numbers cover (end = completeDate, or now for an active sprint). */
  window: { start: string; end: string };
  /** `incompleteCriteria`: the criteria resting on numbers that may be undercounted (`criteriaOnIncompleteData`). */
  completeness: { exact: boolean; notes: string[]; incompleteCriteria: CriterionKey[] };
  rows: SprintHealthRow[];
  totals: Omit<SprintHealthRow, 'processKey'>;
}
