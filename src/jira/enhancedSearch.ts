import { route } from '@forge/api';
import { z } from 'zod';
import { callJira, unexpectedJiraAnswer, type JiraCall } from './jiraRequest';

/**
 * The one pager of Jira's enhanced search (`POST /rest/api/3/search/jql`): every caller that lists issues
 * goes through it, so the repeated-token guard and the page sizes live in one place.
 */

/**
 * Page sizes. The operation returns up to 5000 issues a page only when asked for `id`/`key` alone; with
 * more fields it returns fewer, so 100 is asked (Jira's usual cap then).
 */
export const ID_PAGE_SIZE = 5000;
export const FIELDS_PAGE_SIZE = 100;

export const searchIssueBeanSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()).default({}),
  properties: z.record(z.string(), z.unknown()).default({}),
});
/** One issue as enhanced search returns it: the fields and properties asked for, nothing parsed yet. */
export type SearchIssueBean = z.infer<typeof searchIssueBeanSchema>;

const searchPageSchema = z.object({
  issues: z.array(searchIssueBeanSchema).default([]),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

export interface SearchProgress {
  /** Pages received so far. */
  pages: number;
  /** Issues received so far. Enhanced search gives no total, so this is the measure of progress. */
  issues: number;
  done: boolean;
}

export interface EnhancedSearch {
  jql: string;
  fields: readonly string[];
  properties?: readonly string[];
  /** Default: FIELDS_PAGE_SIZE, or ID_PAGE_SIZE when only `id` is asked for. */
  maxResults?: number;
  /** Stop after this many issues (never asking for more than that leaves room for); `truncated` then says so. */
  limit?: number;
  /** What the error says the app tried ("search the improvement stories"). */
  what?: string;
  onProgress?: (progress: SearchProgress) => void;
}

/** Every issue matching the JQL, following `nextPageToken` to the last page. */
export async function searchEveryIssue(call: JiraCall, search: Omit<EnhancedSearch, 'limit'>): Promise<SearchIssueBean[]> {
  return (await searchIssues(call, search)).issues;
}

/** Issues matching the JQL up to `search.limit` (every one without it), following `nextPageToken`. */
export async function searchIssues(call: JiraCall, search: EnhancedSearch): Promise<{ issues: SearchIssueBean[]; truncated: boolean }> {
  const what = search.what ?? 'search issues';
  const limit = search.limit ?? Number.POSITIVE_INFINITY;
  const onlyIds = search.fields.length === 1 && search.fields[0] === 'id' && !search.properties?.length;
  const pageSize = search.maxResults ?? (onlyIds ? ID_PAGE_SIZE : FIELDS_PAGE_SIZE);
  const body = { jql: search.jql, fields: search.fields, ...(search.properties?.length ? { properties: search.properties } : {}) };
  const issues: SearchIssueBean[] = [];
  const seenTokens = new Set<string>();
  let nextPageToken: string | undefined;
  for (let pages = 1; ; pages++) {
    const { status, body: answer } = await callJira<unknown>(call, route`/rest/api/3/search/jql`, {
      method: 'POST',
      // Never ask for more than the limit leaves room for: each issue returned costs a rate-limit point.
      body: { ...body, maxResults: Math.max(1, Math.min(pageSize, limit - issues.length)), ...(nextPageToken ? { nextPageToken } : {}) },
    });
    if (status !== 200) throw unexpectedJiraAnswer(what, status, answer);
    const page = searchPageSchema.safeParse(answer);
    if (!page.success) throw unexpectedJiraAnswer(what, status, undefined);
    issues.push(...page.data.issues);
    nextPageToken = page.data.isLast === true ? undefined : (page.data.nextPageToken ?? undefined);
    search.onProgress?.({ pages, issues: issues.length, done: !nextPageToken });
    if (!nextPageToken) return { issues: issues.slice(0, limit), truncated: issues.length > limit };
    if (issues.length >= limit) return { issues: issues.slice(0, limit), truncated: true };
    // A token handed back twice would page forever.
    if (seenTokens.has(nextPageToken)) throw unexpectedJiraAnswer(`${what} (repeated page token)`, status, undefined);
    seenTokens.add(nextPageToken);
  }
}

const countSchema = z.object({ count: z.number().int().nonnegative() });

/**
 * How many issues match the JQL, counted by Jira (`POST /rest/api/3/search/approximate-count`): one request and
 * no issue returned, however many match. Approximate: an issue changed in the last seconds may not be counted yet.
 */
export async function countIssues(call: JiraCall, jql: string, what = 'count issues'): Promise<number> {
  const { status, body } = await callJira<unknown>(call, route`/rest/api/3/search/approximate-count`, { method: 'POST', body: { jql } });
  if (status !== 200) throw unexpectedJiraAnswer(what, status, body);
  const parsed = countSchema.safeParse(body);
  if (!parsed.success) throw unexpectedJiraAnswer(what, status, undefined);
  return parsed.data.count;
}

/** Ids per JQL `id in (...)`, keeping the query well under Jira's JQL length limits. */
const IDS_PER_QUERY = 1000;

/**
 * Issues by id, one search per 1,000 ids. As the user, issues they cannot browse are simply not returned:
 * that is the visibility check.
 */
export async function searchIssuesByIds(
  call: JiraCall,
  ids: readonly string[],
  fields: readonly string[],
  properties: readonly string[] = [],
): Promise<SearchIssueBean[]> {
  const unique = [...new Set(ids)].filter((id) => /^\d+$/.test(id));
  const found: SearchIssueBean[] = [];
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
    const jql = `id in (${unique.slice(start, start + IDS_PER_QUERY).join(',')})`;
    found.push(...(await searchEveryIssue(call, { jql, fields, properties, maxResults: FIELDS_PAGE_SIZE })));
  }
  return found;
}
