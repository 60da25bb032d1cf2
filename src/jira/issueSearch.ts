import { route } from '@forge/api';
import { callJiraJson, unexpectedJiraAnswer, type JiraActor } from './jiraRequest';
import { toIssueSummary, type IssueSummary } from './issues';

interface SearchPage {
  issues?: Array<Parameters<typeof toIssueSummary>[0]>;
  nextPageToken?: string;
  isLast?: boolean;
}

/**
 * Every issue matching `jql`, by the enhanced search (`/rest/api/3/search/jql`), asking only for
 * the fields and properties needed and following `nextPageToken`. Each returned issue costs a
 * rate-limit point, so callers keep `fields` and the JQL tight.
 */
export async function searchAllIssues(
  actor: JiraActor,
  request: { jql: string; fields: string[]; properties?: string[]; pageSize?: number },
): Promise<IssueSummary[]> {
  const issues: IssueSummary[] = [];
  let nextPageToken: string | undefined;
  do {
    const { status, body } = await callJiraJson<SearchPage>(actor, route`/rest/api/3/search/jql`, {
      method: 'POST',
      body: {
        jql: request.jql,
        fields: request.fields,
        ...(request.properties?.length ? { properties: request.properties } : {}),
        maxResults: request.pageSize ?? 100,
        ...(nextPageToken ? { nextPageToken } : {}),
      },
    });
    if (status !== 200 || !body) throw unexpectedJiraAnswer('search issues', status, body);
    for (const bean of body.issues ?? []) issues.push(toIssueSummary(bean));
    nextPageToken = body.isLast === true ? undefined : body.nextPageToken;
  } while (nextPageToken);
  return issues;
}
