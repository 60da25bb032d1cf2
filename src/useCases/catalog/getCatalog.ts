import { canCreateProcessIn, canCreateValueStream, canEditProcess, canEditValueStream } from '../../domain/catalog/catalogPermissions';
import { PROCESS_LINK_PROPERTY_KEY, readProcessLink } from '../../domain/catalog/processLink';
import { DomainError } from '../../domain/errors';
import { searchEveryIssue } from '../../jira/enhancedSearch';
import { fetchUsers } from '../../jira/users';
import { listProcesses, listValueStreams } from '../../storage/catalogStore';
import { jiraCallFor, type Actor } from '../actor';
import { loadViewer } from '../viewer';
import { accountIdsOfProcess, accountIdsOfValueStream } from './catalogUsers';

/**
 * Open linked work per process with ONE search for all processes (not one count per row),
 * as the viewer, so counts only include issues they may see. Null if Jira cannot answer now:
 * the catalog still shows.
 */
async function countOpenLinkedIssues(actor: Actor): Promise<Record<string, number> | null> {
  try {
    const issues = await searchEveryIssue(jiraCallFor(actor), {
      jql: 'asmProcess IS NOT EMPTY AND statusCategory != Done',
      fields: [],
      properties: [PROCESS_LINK_PROPERTY_KEY],
    });
    const counts: Record<string, number> = {};
    for (const issue of issues) {
      const link = readProcessLink(issue.properties[PROCESS_LINK_PROPERTY_KEY]);
      if (link) counts[link.processKey] = (counts[link.processKey] ?? 0) + 1;
    }
    return counts;
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** The catalog with the viewer's rights on each entry and the people it names. */
export async function getCatalog(actor: Actor) {
  const [processes, valueStreams, viewer, openIssueCounts] = await Promise.all([
    listProcesses(),
    listValueStreams(),
    loadViewer(actor),
    countOpenLinkedIssues(actor),
  ]);
  // The viewer too: the process form offers them as the default APO and must show their name.
  const users = await fetchUsers([
    viewer.accountId,
    ...processes.flatMap(accountIdsOfProcess),
    ...valueStreams.flatMap(accountIdsOfValueStream),
  ]);
  return {
    processes: processes.sort((a, b) => a.key.localeCompare(b.key)),
    valueStreams: valueStreams.sort((a, b) => a.name.localeCompare(b.name)),
    openIssueCounts,
    users: [...users.values()],
    viewer: {
      accountId: viewer.accountId,
      isJiraAdmin: viewer.isJiraAdmin,
      editableProcessKeys: processes.filter((p) => canEditProcess(viewer, p)).map((p) => p.key),
      editableValueStreamKeys: valueStreams.filter((s) => canEditValueStream(viewer, s)).map((s) => s.key),
      canCreateValueStream: canCreateValueStream(viewer),
      processCreationStreamKeys: valueStreams.filter((s) => canCreateProcessIn(viewer, s)).map((s) => s.key),
      canCreateProcessWithoutStream: canCreateProcessIn(viewer, null),
    },
  };
}
