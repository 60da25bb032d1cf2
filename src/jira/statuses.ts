import { route } from '@forge/api';
import { z } from 'zod';
import { SiteCache } from '../caches/siteCache';
import { callJira, unexpectedJiraAnswer, type JiraCall } from './jiraRequest';
import { toStatusCategory, type StatusCategoryKey } from './sprintIssues';

export interface StatusSummary {
  name: string;
  category: StatusCategoryKey;
}

const statusSchema = z.object({
  id: z.string(),
  name: z.string().default(''),
  statusCategory: z.object({ key: z.string() }).optional(),
});

/**
 * Statuses change rarely (a workflow edit); an hour's staleness only affects statuses renamed or
 * recategorised in that hour.
 */
const STATUS_TTL_MS = 60 * 60_000;
const statusCache = new SiteCache<Record<string, StatusSummary>>({ ttlMs: STATUS_TTL_MS, maxEntries: 2000 });

/**
 * Name and category of every status of the site's active workflows, by id (GET /rest/api/3/status):
 * changelogs name past statuses by id only, and their category decides flow time. Cached per site
 * for the app, per user for a user (Jira lists the statuses the caller can browse).
 */
export async function fetchStatusCatalog(call: JiraCall): Promise<Record<string, StatusSummary>> {
  const load = async () => {
    const { status, body } = await callJira<unknown>(call, route`/rest/api/3/status`);
    if (status !== 200) throw unexpectedJiraAnswer('list the statuses', status, body);
    const parsed = z.array(statusSchema).safeParse(body);
    if (!parsed.success) throw unexpectedJiraAnswer('list the statuses', status, undefined);
    return Object.fromEntries(parsed.data.map((s) => [s.id, { name: s.name, category: toStatusCategory(s.statusCategory?.key) }]));
  };
  if (call.actor === 'app') return statusCache.getOrLoad({ site: call.site }, 'statuses', load);
  if (call.accountId) return statusCache.getOrLoad({ site: call.site, accountId: call.accountId }, 'statuses', load);
  return load();
}

/** For tests: forget every cached status list. */
export function clearStatusCache(): void {
  statusCache.clear();
}
