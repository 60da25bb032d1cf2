import type { SprintHealthView } from '../../contract/sprintHealthContract';
import type { Process } from '../../domain/catalog/catalogSchemas';
import { criteriaOnIncompleteData, scoreOnIncompleteData } from '../../domain/sprintHealth/incompleteData';
import { provisionalReason } from '../../domain/sprintHealth/provisional';
import { withOverdueNote } from '../../domain/sprints/sprintOverdue';
import { listTrendPoints, UNLINKED_TREND_KEY, type TrendPoint } from '../../storage/sprintHealth/trendPoints';
import type { StoredResult, StoredRow } from '../../storage/sprintHealth/frozenResults';

/** How many closed sprints a sparkline shows. */
const TREND_LENGTH = 6;

/** Processes the viewer owns (APO) or serves (ASM): the "My processes" filter. */
export function myProcessKeys(processes: readonly Process[], accountId: string): string[] {
  return processes
    .filter((process) => process.apoAccountId === accountId || process.asmAccountId === accountId)
    .map((process) => process.key);
}

/** The board's last closed sprints the viewer may see up to this one (this one included when closed), oldest first. */
async function trendWindow(stored: StoredResult, boardId: number, visible: (sprintId: number) => boolean): Promise<TrendPoint[]> {
  const points = await listTrendPoints(stored.meta.sprint.originBoardId ?? boardId);
  const sprint = stored.meta.sprint;
  const until = sprint.state === 'closed' ? Date.parse(sprint.completeDate ?? sprint.endDate ?? '') : Date.parse(stored.meta.computedAt);
  const upTo = points.filter(
    (point) => (point.sprintId === sprint.id || !(Date.parse(point.completeDate ?? '') > until)) && visible(point.sprintId),
  );
  return upTo.slice(-TREND_LENGTH);
}

/** Results stored before the criteria were kept had `removedIssuesKnown` exactly when a start snapshot was taken. */
export function withIncompleteCriteria(completeness: StoredResult['meta']['completeness']) {
  const { removedIssuesKnown } = completeness;
  const incompleteCriteria =
    completeness.incompleteCriteria ?? criteriaOnIncompleteData({ removedIssuesKnown, committedFromSnapshot: removedIssuesKnown });
  return { ...completeness, incompleteCriteria };
}

/** Whether a stored row's score rested on incomplete data (marked like the lozenge: `scoreOnIncompleteData`). */
export function rowOnIncompleteData(meta: Pick<StoredResult['meta'], 'completeness'>, row: Pick<StoredRow, 'criteria'>): boolean {
  return scoreOnIncompleteData(row.criteria, withIncompleteCriteria(meta.completeness).incompleteCriteria);
}

/**
 * Whether a trend point's score for `key` rested on incomplete data; null when it has no score, or when the point
 * was written before the app kept it (not known, so not claimed either way).
 */
export function trendPointIncomplete(point: TrendPoint, key: string): boolean | null {
  if (point.scores[key]?.score === null || point.scores[key] === undefined || point.incompleteData === undefined) return null;
  return point.incompleteData.includes(key);
}

export async function toReadyView(
  stored: StoredResult,
  options: {
    frozen: boolean;
    boardId: number;
    processes: readonly Process[];
    accountId: string;
    myProcessesOnly: boolean;
    /** Which trend sprints the viewer may see (`trendSprintFilter`). */
    trendSprintVisible: (sprintId: number) => boolean;
  },
): Promise<Extract<SprintHealthView, { status: 'ready' }>> {
  const mine = new Set(myProcessKeys(options.processes, options.accountId));
  const names = new Map(options.processes.map((process) => [process.key, process.name] as const));
  const trend = await trendWindow(stored, options.boardId, options.trendSprintVisible);
  const rows = stored.rows
    .filter((row) => !options.myProcessesOnly || (row.processKey !== null && mine.has(row.processKey)))
    .map((row) => ({
      ...row,
      processName: row.processKey === null ? null : (names.get(row.processKey) ?? null),
      isMine: row.processKey !== null && mine.has(row.processKey),
      trend: trend.map((point) => {
        const health = point.scores[row.processKey ?? UNLINKED_TREND_KEY];
        return {
          sprintId: point.sprintId,
          sprintName: point.sprintName,
          completeDate: point.completeDate,
          score: health?.score ?? null,
          band: health?.band ?? null,
          incompleteData: trendPointIncomplete(point, row.processKey ?? UNLINKED_TREND_KEY),
        };
      }),
    }));
  const { sprint } = stored.meta;
  const { id, name, state, startDate, endDate, completeDate } = sprint;
  const summary = withOverdueNote({ id, name, state, startDate, endDate, completeDate }, new Date());
  const reason = provisionalReason(sprint.state, summary.overdueNote !== null);
  return {
    status: 'ready',
    sprint: summary,
    frozen: options.frozen,
    provisional: reason !== null,
    provisionalReason: reason,
    computedAt: stored.meta.computedAt,
    window: stored.meta.window,
    completeness: withIncompleteCriteria(stored.meta.completeness),
    myProcessesOnly: options.myProcessesOnly,
    rows,
    totals: stored.meta.totals,
  };
}
