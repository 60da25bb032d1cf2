import { searchIssuesByIds, type SearchIssueBean } from '../jira/enhancedSearch';
import type { JiraCall } from '../jira/jiraRequest';

export interface BrowsableIssues {
  /** The issues Jira returned to the caller, by id, with the fields asked for. */
  found: Map<string, SearchIssueBean>;
  /** Ids the caller may not browse (or that no longer exist): count them, never show them. */
  hidden: Set<string>;
}

/**
 * Issue ids the app stored (results computed as the app, outcomes recorded by someone else) re-read as the
 * caller: Jira's search answers only what they may browse, so whatever it leaves out is hidden from them.
 * One search per 100 ids, and none for ids the caller was already shown in this request (`known`).
 */
export async function browsableIssues(
  call: JiraCall,
  ids: readonly string[],
  fields: readonly string[] = ['id'],
  known: ReadonlySet<string> = new Set(),
): Promise<BrowsableIssues> {
  const unknown = [...new Set(ids)].filter((id) => !known.has(id));
  const issues = unknown.length ? await searchIssuesByIds(call, unknown, fields) : [];
  const found = new Map(issues.map((issue) => [issue.id, issue] as const));
  return { found, hidden: new Set(unknown.filter((id) => !found.has(id))) };
}
