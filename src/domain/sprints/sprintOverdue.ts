import { formatDistanceStrict } from 'date-fns';

/** What the note needs of a sprint: Jira's state and planned end (ISO, or null when never set). */
export interface SprintTiming {
  state: 'future' | 'active' | 'closed';
  endDate: string | null;
}

/**
 * An active sprint past its planned end has not been closed in Jira yet: the app still treats it as
 * the current sprint (Jira does), so every place that picks it by default says so, e.g.
 * "ended 3 days ago, not closed in Jira yet". Null for a sprint within its dates, closed, future or without an end.
 */
export function sprintOverdueNote(sprint: SprintTiming, now: Date): string | null {
  if (sprint.state !== 'active' || !sprint.endDate) return null;
  const end = Date.parse(sprint.endDate);
  if (Number.isNaN(end) || end >= now.getTime()) return null;
  const ago = now.getTime() - end < 60_000 ? 'just now' : formatDistanceStrict(end, now, { addSuffix: true, roundingMethod: 'floor' });
  return `ended ${ago}, not closed in Jira yet`;
}

/** The sprint with its `overdueNote` (null unless it is an active sprint past its end) as of `now`. */
export function withOverdueNote<S extends SprintTiming>(sprint: S, now: Date): S & { overdueNote: string | null } {
  return { ...sprint, overdueNote: sprintOverdueNote(sprint, now) };
}
