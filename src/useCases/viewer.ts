import type { CatalogViewer } from '../domain/catalog/catalogPermissions';
import { DomainError } from '../domain/errors';
import { isJiraAdmin } from '../jira/permissions';
import type { Actor, UserActor } from './actor';

/** A person looking at a screen: their account and whether Jira says they administer it. */
export type Viewer = CatalogViewer;

/** The user an interactive use case acts for; the app has no screens to look at. */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new DomainError('forbidden', 'This action needs a signed-in Jira user.');
  return actor;
}

/** The viewer with their admin status as Jira reports it (one permission request, as the user). */
export async function loadViewer(actor: Actor): Promise<Viewer> {
  const user = requireUser(actor);
  return { accountId: user.accountId, isJiraAdmin: await isJiraAdmin() };
}
