import { DEFAULT_HEALTH_SETTINGS, type SprintHealthInput } from '../../src/domain/sprintHealth';
import { fetchSprint, type SprintSummary } from '../../src/jira/agile';
import { fetchChangelogs, fetchIssueChangelogNaive, type ChangelogEntry } from '../../src/jira/changelogs';
import { discoverSprintFieldIds, type SprintFieldIds } from '../../src/jira/jiraFields';
import type { JiraCall } from '../../src/jira/jiraRequest';
import { fetchSprintIssues, type SprintIssueSnapshot } from '../../src/jira/sprintIssues';
import { fetchStatusCatalog, type StatusSummary } from '../../src/jira/statuses';
import { sprintHealthInput } from '../../src/useCases/sprintHealth/computeResult';
import { toRecord } from '../../src/useCases/sprintHealth/gatherSprintInputs';

/**
 * The two ways of getting a sprint's health input the bench compares, both through the app's own
 * Jira adapters (so every request goes through the Forge libraries and the stand-in):
 * - naive: the sprint's issues, then every issue's whole changelog, one request per issue;
 * - bulk: the issues, then the status / Sprint / Flagged histories with the bulk changelog fetch
 *   (what the app computes on; used here to time the computation and derive the minimum requests).
 */

interface SprintBasics {
  fieldIds: SprintFieldIds;
  statuses: Record<string, StatusSummary>;
  sprint: SprintSummary;
  issues: SprintIssueSnapshot[];
}

async function sprintBasics(call: JiraCall, sprintId: number): Promise<SprintBasics> {
  const fieldIds = await discoverSprintFieldIds(call);
  const statuses = await fetchStatusCatalog(call);
  const sprint = await fetchSprint(call, sprintId);
  if (!sprint) throw new Error(`Sprint ${sprintId} is not visible to the bench user.`);
  const issues = await fetchSprintIssues(call, { sprintId, fieldIds });
  return { fieldIds, statuses, sprint, issues };
}

/** Runs `task` over `items` with at most `limit` in flight (a real app would not send 1,000 at once). */
export async function mapWithLimit<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function naiveSprintInput(call: JiraCall, sprintId: number, concurrency: number): Promise<SprintHealthInput> {
  const basics = await sprintBasics(call, sprintId);
  const logs = await mapWithLimit(basics.issues, concurrency, (issue) => fetchIssueChangelogNaive(call, issue.id));
  const changelogs = new Map(basics.issues.map((issue, index) => [issue.id, logs[index] ?? []]));
  return toHealthInput(basics, changelogs);
}

export async function bulkSprintInput(call: JiraCall, sprintId: number): Promise<{ input: SprintHealthInput; histories: number }> {
  const basics = await sprintBasics(call, sprintId);
  const fieldIds = ['status', basics.fieldIds.sprint, basics.fieldIds.flagged].filter((id): id is string => id !== null);
  const changelogs = await fetchChangelogs(call, { issueIds: basics.issues.map((issue) => issue.id), fieldIds });
  let histories = 0;
  for (const entries of changelogs.values()) histories += entries.length;
  return { input: toHealthInput(basics, changelogs), histories };
}

function toHealthInput(basics: SprintBasics, changelogs: Map<string, ChangelogEntry[]>): SprintHealthInput {
  const records = basics.issues.map((issue) => toRecord(issue, changelogs.get(issue.id) ?? null));
  return sprintHealthInput(basics.sprint, records, {
    settings: DEFAULT_HEALTH_SETTINGS,
    statuses: basics.statuses,
    fields: basics.fieldIds,
    now: new Date().toISOString(),
    snapshot: null,
    removedIssuesKnown: false,
  });
}
