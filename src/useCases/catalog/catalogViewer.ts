import type { CatalogViewer } from '../../domain/catalog/catalogPermissions';
import { isJiraAdmin } from '../../jira/permissions';
import type { InvocationContext } from '../../resolvers/invocationContext';

/** The viewer with their admin status as Jira reports it (one permission request). */
export async function loadCatalogViewer(context: InvocationContext): Promise<CatalogViewer> {
  return { accountId: context.accountId, isJiraAdmin: await isJiraAdmin() };
}
