import { canCreateProcessIn, canCreateValueStream, canEditProcess, canEditValueStream } from '../../domain/catalog/catalogPermissions';
import { DomainError } from '../../domain/errors';
import { countIssues } from '../../jira/enhancedSearch';
import { fetchUsers } from '../../jira/users';
import { listProcesses, listValueStreams } from '../../storage/catalogStore';
import { jiraCallFor, type Actor } from '../actor';
import { loadViewer } from '../viewer';
import { accountIdsOfProcess, accountIdsOfValueStream } from './catalogUsers';

/** Counts asked of Jira at once: a catalog of 40 processes is 8 rounds, not 40 requests in flight. */
const COUNTS_IN_FLIGHT = 5;

/**
 * Open linked work per process, counted by Jira as the viewer (only issues they may see): one count request
 * per process and no issue returned, so the cost follows the size of the catalog, never the amount of linked
 * work on the site. Null if Jira cannot answer now: the catalog still shows.
 */
async function countOpenLinkedIssues(actor: Actor, processKeys: readonly string[]): Promise<Record<string, number> | null> {
  const call = jiraCallFor(actor);
  const counts: Record<string, number> = {};
  try {
    for (let start = 0; start < processKeys.length; start += COUNTS_IN_FLIGHT) {
      const batch = processKeys.slice(start, start + COUNTS_IN_FLIGHT);
      const answers = await Promise.all(
        batch.map((key) => countIssues(call, `asmProcess = ${JSON.stringify(key)} AND statusCategory != Done`, 'count open linked work')),
      );
      batch.forEach((key, index) => (counts[key] = answers[index] ?? 0));
    }
    return counts;
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** The catalog with the viewer's rights on each entry and the people it names. */
export async function getCatalog(actor: Actor) {
  const [processes, valueStreams, viewer] = await Promise.all([listProcesses(), listValueStreams(), loadViewer(actor)]);
  const [users, openIssueCounts] = await Promise.all([
    // The viewer too: the process form offers them as the default APO and must show their name.
    fetchUsers([viewer.accountId, ...processes.flatMap(accountIdsOfProcess), ...valueStreams.flatMap(accountIdsOfValueStream)]),
    countOpenLinkedIssues(
      actor,
      processes.map((process) => process.key),
    ),
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
