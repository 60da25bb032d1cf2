import { route } from '@forge/api';
import { z } from 'zod';
import { callJira, unexpectedJiraAnswer, type JiraCall } from '../../jira/jiraRequest';

/** Enhanced search's page size when fields are asked for. */
const PAGE_SIZE = 100;
/** Ids per JQL `id in (...)`, keeping the query well under Jira's JQL length limits. */
const IDS_PER_QUERY = 1000;

const pageSchema = z.object({
  issues: z
    .array(
      z.object({
        id: z.string(),
        key: z.string(),
        fields: z.record(z.string(), z.unknown()).default({}),
        properties: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .default([]),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});
export type IssueBean = z.infer<typeof pageSchema>['issues'][number];

/**
 * Issues by id with one enhanced search (`id in (...)`), following nextPageToken. As the user,
 * issues they cannot browse are simply not returned: that is the visibility check.
 */
export async function searchIssuesByIds(call: JiraCall, ids: readonly string[], fields: string[], properties: string[] = []): Promise<IssueBean[]> {
  const unique = [...new Set(ids)].filter((id) => /^\d+$/.test(id));
  const found: IssueBean[] = [];
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY) {
    const jql = `id in (${unique.slice(start, start + IDS_PER_QUERY).join(',')})`;
    const seen = new Set<string>();
    let nextPageToken: string | undefined;
    do {
      const { status, body } = await callJira<unknown>(call, route`/rest/api/3/search/jql`, {
        method: 'POST',
        body: { jql, fields, maxResults: PAGE_SIZE, ...(properties.length ? { properties } : {}), ...(nextPageToken ? { nextPageToken } : {}) },
      });
      if (status !== 200) throw unexpectedJiraAnswer('search issues', status, body);
      const page = pageSchema.safeParse(body);
      if (!page.success) throw unexpectedJiraAnswer('search issues', status, undefined);
      found.push(...page.data.issues);
      nextPageToken = page.data.isLast === true ? undefined : (page.data.nextPageToken ?? undefined);
      if (nextPageToken && seen.has(nextPageToken)) throw unexpectedJiraAnswer('search issues (repeated page token)', status, undefined);
      if (nextPageToken) seen.add(nextPageToken);
    } while (nextPageToken);
  }
  return found;
}
