import type { SprintState } from './types';

/**
 * An active sprint's numbers are a snapshot: issues still finish, move in and out until it closes.
 * Only a closed sprint's numbers are final (and frozen).
 */
export const PROVISIONAL_REASON = 'The sprint is still running: say/do and carry-over are as of now and will change until it closes.';

/** The same for an active sprint past its planned end: it is not "still running", only not closed yet. */
export const PROVISIONAL_OVERDUE_REASON =
  'The sprint is not closed in Jira yet: say/do and carry-over are as of now and will change until it closes.';

/** Why a result is provisional, or null when it is final. */
export function provisionalReason(state: SprintState, pastEnd = false): string | null {
  if (state === 'closed') return null;
  return pastEnd ? PROVISIONAL_OVERDUE_REASON : PROVISIONAL_REASON;
}
