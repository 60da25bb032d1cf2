import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Health } from '../../domain/sprintHealth';
import { listByPrefix } from './recordCheck';
import { iso, storedHealthSchema } from './storedShapes';

/**
 * `sprint-health:trend:<boardId>:<completeDate ms, 15 digits>:<sprintId>`: a frozen sprint's score per
 * process, for the sparklines. Keys sort by completion time, so a prefix query lists a board's closed
 * sprints oldest first.
 */

export interface TrendPoint {
  sprintId: number;
  sprintName: string;
  completeDate: string | null;
  /** Score per process key; the unlinked row under UNLINKED_TREND_KEY. */
  scores: Record<string, Health>;
  /**
   * The keys (as in `scores`) whose score rested on incomplete data (`scoreOnIncompleteData`). Absent from points
   * written before it was kept: for those it is not known.
   */
  incompleteData?: string[];
}
export const UNLINKED_TREND_KEY = '~unlinked';

const trendPointSchema: z.ZodType<TrendPoint> = z.object({
  sprintId: z.number(),
  sprintName: z.string(),
  completeDate: iso.nullable(),
  scores: z.record(z.string(), storedHealthSchema),
  incompleteData: z.array(z.string()).optional(),
});

const trendPrefix = (boardId: number) => `sprint-health:trend:${boardId}:`;

/** `closedAt`: when the sprint closed (its complete date, else its end), which orders the board's points. */
export async function writeTrendPoint(boardId: number, point: TrendPoint, closedAt: string | null): Promise<void> {
  const closedMs = Date.parse(closedAt ?? '') || 0;
  await kvs.set(`${trendPrefix(boardId)}${String(closedMs).padStart(15, '0')}:${point.sprintId}`, point);
}

/** Frozen scores of the board's closed sprints, oldest first. */
export async function listTrendPoints(boardId: number): Promise<TrendPoint[]> {
  return listByPrefix(trendPrefix(boardId), trendPointSchema);
}
