import { searchUsers } from '../../jira/users';
import type { Actor } from '../actor';
import { requireUser } from '../viewer';

/** People to pick for a process or value stream, as the user's Jira finds them. */
export async function searchCatalogUsers(input: { query: string }, actor: Actor) {
  requireUser(actor);
  return { users: await searchUsers(input.query) };
}
