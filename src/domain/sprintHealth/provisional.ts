import type { SprintState } from './types';

/**
 * An active sprint's numbers are a snapshot: issues still finish, move in and out until it closes.
 * Only a closed sprint's numbers are final (and frozen).
 */
export const PROVISIONAL_REASON = 'The sprint is still running: say/do and carry-over are as of now and will change until it closes.';

/** Why a result is provisional, or null when it is final. */
export function provisionalReason(state: SprintState): string | null {
  return state === 'closed' ? null : PROVISIONAL_REASON;
}
