import { route } from '@forge/api';
import { callJiraJson, unexpectedJiraAnswer, type JiraActor } from './jiraRequest';
import { toIssueSummary, type IssueSummary } from './issues';

/** An issue as the enhanced search returns it: only the fields and properties asked for. */
export interface SearchIssueBean {
  id: string;
  key: string;
  fields?: Record<string, unknown>;
  properties?: Record<string, unknown>;
}

interface SearchPage {
  issues?: SearchIssueBean[];
  nextPageToken?: string;
  isLast?: boolean;
}

export interface SearchRequest {
  jql: string;
  fields: string[];
  properties?: string[];
  pageSize?: number;
  /** Stop after this many issues (whole pages are read, the rest dropped); `truncated` then says there were more. */
  limit?: number;
}

/**
 * Issues matching `jql`, by the enhanced search (`/rest/api/3/search/jql`), asking only for the
 * fields and properties needed and following `nextPageToken`. Each returned issue costs a
 * rate-limit point, so callers keep `fields` and the JQL tight, and bound it with `limit`.
 */
export async function searchIssues(actor: JiraActor, request: SearchRequest): Promise<{ issues: SearchIssueBean[]; truncated: boolean }> {
  const issues: SearchIssueBean[] = [];
  const limit = request.limit ?? Number.POSITIVE_INFINITY;
  const pageSize = request.pageSize ?? 100;
  const seenTokens = new Set<string>();
  let nextPageToken: string | undefined;
  do {
    const { status, body } = await callJiraJson<SearchPage>(actor, route`/rest/api/3/search/jql`, {
      method: 'POST',
      body: {
        jql: request.jql,
        fields: request.fields,
        ...(request.properties?.length ? { properties: request.properties } : {}),
        // Never ask for more than the limit leaves room for: each issue costs a point.
        maxResults: Math.max(1, Math.min(pageSize, limit - issues.length)),
        ...(nextPageToken ? { nextPageToken } : {}),
      },
    });
    if (status !== 200 || !body) throw unexpectedJiraAnswer('search issues', status, body);
    issues.push(...(body.issues ?? []));
    nextPageToken = body.isLast === true ? undefined : body.nextPageToken;
    if (nextPageToken && issues.length >= limit) return { issues: issues.slice(0, limit), truncated: true };
    // A token handed back twice would page forever.
    if (nextPageToken && seenTokens.has(nextPageToken)) {
      throw unexpectedJiraAnswer('search issues (repeated page token)', status, undefined);
    }
    if (nextPageToken) seenTokens.add(nextPageToken);
  } while (nextPageToken);
  return { issues: issues.slice(0, limit), truncated: issues.length > limit };
}

/** Every issue matching `jql` as summaries (key, summary, project, the properties asked for). */
export async function searchAllIssues(
  actor: JiraActor,
  request: { jql: string; fields: string[]; properties?: string[]; pageSize?: number },
): Promise<IssueSummary[]> {
  const { issues } = await searchIssues(actor, request);
  return issues.map((bean) => toIssueSummary(bean as Parameters<typeof toIssueSummary>[0]));
}
