import { formatTime } from '../../../common/dateFormat';
import type { SprintHealthProgress } from './types';

/** What the computation is doing, in words; the count makes a long phase visibly move. */
export function progressText(progress: SprintHealthProgress, timeZone?: string): string {
  const counted = progress.total !== null ? `${progress.done} of ${progress.total}` : `${progress.done}`;
  switch (progress.phase) {
    case 'queued':
      return 'Waiting to start…';
    case 'searching':
      return `Finding the sprint's issues… ${counted} found`;
    case 'changelogs':
      return `Reading issue histories… ${counted} read`;
    case 'computing':
      return 'Working out the numbers…';
    case 'saving':
      return 'Saving the result…';
    case 'rate-limited':
      return progress.retryAt
        ? `Jira is busy, retrying at ${formatTime(progress.retryAt, { timeZone, seconds: true })}…`
        : 'Jira is busy, retrying shortly…';
  }
}

/** Said under the bar once an earlier run stopped and this one replaced it; null when nothing was restarted. */
export function restartText(restartedAt: string | null, timeZone?: string): string | null {
  return restartedAt ? `The calculation stopped before finishing; restarted at ${formatTime(restartedAt, { timeZone })}.` : null;
}

/** Share done for the bar; null (an indeterminate bar) while the total is unknown. */
export function progressValue(progress: SprintHealthProgress): number | null {
  if (progress.phase === 'computing' || progress.phase === 'saving') return progress.phase === 'saving' ? 0.95 : 0.9;
  if (progress.total === null || progress.total === 0) return null;
  const share = Math.min(1, progress.done / progress.total);
  // Searching is the first tenth, histories the bulk: the bar never runs backwards between phases.
  return progress.phase === 'searching' ? share * 0.1 : progress.phase === 'changelogs' ? 0.1 + share * 0.8 : null;
}
