import { route } from '@forge/api';
import { callJiraJson, unexpectedJiraAnswer } from './jiraRequest';

export interface JiraUserSummary {
  accountId: string;
  displayName: string;
  avatarUrl: string | null;
}

interface UserBean {
  accountId: string;
  displayName?: string;
  avatarUrls?: Record<string, string>;
}

const toSummary = (user: UserBean): JiraUserSummary => ({
  accountId: user.accountId,
  displayName: user.displayName ?? 'Unknown user',
  avatarUrl: user.avatarUrls?.['48x48'] ?? user.avatarUrls?.['24x24'] ?? null,
});

const BULK_PAGE = 100;

/** Names and avatars for many users, in as few requests as Jira allows (one per 100 users). */
export async function fetchUsers(accountIds: Iterable<string>): Promise<Map<string, JiraUserSummary>> {
  const unique = [...new Set(accountIds)].filter(Boolean);
  const users = new Map<string, JiraUserSummary>();
  for (let start = 0; start < unique.length; start += BULK_PAGE) {
    const ids = unique.slice(start, start + BULK_PAGE);
    const query = new URLSearchParams([['maxResults', String(ids.length)], ...ids.map((id) => ['accountId', id] as [string, string])]);
    const { status, body } = await callJiraJson<{ values?: UserBean[] }>('user', route`/rest/api/3/user/bulk?${query}`);
    if (status !== 200 || !body) throw unexpectedJiraAnswer('look up users', status, body);
    for (const user of body.values ?? []) users.set(user.accountId, toSummary(user));
  }
  return users;
}

/** The user picker: people whose name or e-mail starts with the query, as Jira's own pickers find them. */
export async function searchUsers(query: string, maxResults = 20): Promise<JiraUserSummary[]> {
  const { status, body } = await callJiraJson<UserBean[]>(
    'user',
    route`/rest/api/3/user/search?query=${query}&maxResults=${String(maxResults)}`,
  );
  if (status !== 200 || !body) throw unexpectedJiraAnswer('search users', status, body);
  return body.map(toSummary);
}
