import { JIRA_FIELD_IDS } from '../datasets/datasetSchema';
import type { JiraCaller, JiraHttpResponse } from '../jira/types';
import type { IssueView } from './hostPages';
import type { ServerPlatform } from './platformPort';

/**
 * What the host pages read from Jira, through the stand-in's public REST surface only (the same one
 * the app uses), so a page shows exactly what that user could see in Jira.
 */
export function callerFor(accountId: string | null): JiraCaller {
  return accountId ? { kind: 'user', accountId } : { kind: 'anonymous' };
}

async function jiraJson<T>(
  platform: ServerPlatform,
  caller: JiraCaller,
  method: string,
  pathWithQuery: string,
  body?: unknown,
): Promise<{ status: number; body: T | null }> {
  const response: JiraHttpResponse = await platform.jira.handle({
    method,
    pathWithQuery,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    caller,
    // Jira's own pages in the host, not the app's traffic.
    workbench: true,
  });
  let parsed: T | null = null;
  try {
    parsed = response.body ? (JSON.parse(response.body) as T) : null;
  } catch {
    parsed = null;
  }
  return { status: response.status, body: parsed };
}

/** Plain text of an Atlassian Document Format value (or the string itself). */
export function adfToText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const node = value as { type?: string; text?: string; content?: unknown[] };
  if (node.type === 'text') return node.text ?? '';
  const parts = (node.content ?? []).map(adfToText);
  const block = node.type === 'paragraph' || node.type === 'heading' || node.type === 'listItem';
  return parts.join('') + (block ? '\n' : '');
}

type IssueBean = {
  id: string;
  key: string;
  fields: Record<string, unknown> & {
    summary?: string;
    description?: unknown;
    status?: { name: string; statusCategory?: { key?: string } };
    issuetype?: { name: string };
    priority?: { name: string } | null;
    assignee?: { displayName: string } | null;
    reporter?: { displayName: string } | null;
    labels?: string[];
    project?: { key: string; name: string };
  };
};

/** The issue as `accountId` sees it, or null when Jira says they can't (404/401/403). */
export async function readIssueAs(platform: ServerPlatform, accountId: string | null, issueKey: string): Promise<IssueView | null> {
  const fields = [
    'summary',
    'description',
    'status',
    'issuetype',
    'priority',
    'assignee',
    'reporter',
    'labels',
    'project',
    JIRA_FIELD_IDS.sprint,
  ];
  const { status, body } = await jiraJson<IssueBean>(
    platform,
    callerFor(accountId),
    'GET',
    `/rest/api/3/issue/${encodeURIComponent(issueKey)}?fields=${fields.join(',')}`,
  );
  if (status !== 200 || !body) return null;
  const f = body.fields;
  const category = f.status?.statusCategory?.key;
  const sprints = Array.isArray(f[JIRA_FIELD_IDS.sprint]) ? (f[JIRA_FIELD_IDS.sprint] as Array<{ name?: string; state?: string }>) : [];
  return {
    id: body.id,
    key: body.key,
    summary: f.summary ?? '',
    description: adfToText(f.description).trim(),
    status: { name: f.status?.name ?? 'Unknown', category: category === 'done' || category === 'indeterminate' ? category : 'new' },
    issueType: f.issuetype?.name ?? 'Issue',
    priority: f.priority?.name ?? null,
    assignee: f.assignee?.displayName ?? null,
    reporter: f.reporter?.displayName ?? null,
    labels: f.labels ?? [],
    sprints: sprints.map((sprint) => ({ name: sprint.name ?? '', state: sprint.state ?? '' })),
    project: { key: f.project?.key ?? body.key.split('-')[0] ?? '', name: f.project?.name ?? '' },
  };
}

export async function readProjectAs(
  platform: ServerPlatform,
  accountId: string | null,
  projectKey: string,
  caller: JiraCaller = callerFor(accountId),
): Promise<{ key: string; name: string } | null> {
  const { status, body } = await jiraJson<{ key: string; name: string }>(
    platform,
    caller,
    'GET',
    `/rest/api/3/project/${encodeURIComponent(projectKey)}`,
  );
  return status === 200 && body ? { key: body.key, name: body.name } : null;
}

export interface SiteSample {
  projects: Array<{ key: string; name: string }>;
  /** The oldest few issues of each project. */
  issues: Array<{ key: string; summary: string }>;
}

type SearchPage = { issues?: Array<{ key: string; fields: { summary?: string; project?: { key: string; name: string } } }> };

/**
 * The projects and a few issues the caller can see (Jira filters searches by browse permission): the
 * top bar's project links and the start page's issue links. One bounded search per project — Jira
 * refuses unbounded JQL — each excluding the projects already found.
 */
export async function siteSample(platform: ServerPlatform, caller: JiraCaller, perProject = 4, maxProjects = 8): Promise<SiteSample> {
  const projects: SiteSample['projects'] = [];
  const issues: SiteSample['issues'] = [];
  while (projects.length < maxProjects) {
    const exclude = projects.length ? ` AND project not in (${projects.map((p) => `"${p.key}"`).join(', ')})` : '';
    const first = await jiraJson<SearchPage>(platform, caller, 'POST', '/rest/api/3/search/jql', {
      jql: `created >= -36500d${exclude} ORDER BY created ASC`,
      fields: ['summary', 'project'],
      maxResults: 1,
    });
    const project = first.status === 200 ? first.body?.issues?.[0]?.fields.project : undefined;
    if (!project) break;
    projects.push({ key: project.key, name: project.name });
    const page = await jiraJson<SearchPage>(platform, caller, 'POST', '/rest/api/3/search/jql', {
      jql: `project = "${project.key}" ORDER BY created ASC`,
      fields: ['summary'],
      maxResults: perProject,
    });
    for (const issue of page.body?.issues ?? []) issues.push({ key: issue.key, summary: issue.fields.summary ?? '' });
  }
  return { projects, issues };
}

export interface IssueSearchResult {
  issues: Array<{ key: string; summary: string; status: IssueView['status']; issueType: string }>;
  /** Jira's own words when it refuses the query (bad JQL, an unsupported construct). */
  error: string | null;
  /** True when more issues matched than one page shows. */
  more: boolean;
}

/** The issue navigator's first page for `jql`, as `accountId` (Jira leaves out what they can't browse). */
export async function searchIssuesAs(
  platform: ServerPlatform,
  accountId: string | null,
  jql: string,
  pageSize = 50,
): Promise<IssueSearchResult> {
  type Page = { issues?: IssueBean[]; isLast?: boolean; errorMessages?: string[] };
  const { status, body } = await jiraJson<Page>(platform, callerFor(accountId), 'POST', '/rest/api/3/search/jql', {
    jql,
    fields: ['summary', 'status', 'issuetype'],
    maxResults: pageSize,
  });
  if (status !== 200 || !body) {
    return { issues: [], error: body?.errorMessages?.join(' ') || `Jira answered HTTP ${status}.`, more: false };
  }
  return {
    issues: (body.issues ?? []).map((issue) => {
      const category = issue.fields.status?.statusCategory?.key;
      return {
        key: issue.key,
        summary: issue.fields.summary ?? '',
        status: {
          name: issue.fields.status?.name ?? 'Unknown',
          category: category === 'done' || category === 'indeterminate' ? category : 'new',
        },
        issueType: issue.fields.issuetype?.name ?? 'Issue',
      };
    }),
    error: null,
    more: body.isLast === false,
  };
}
