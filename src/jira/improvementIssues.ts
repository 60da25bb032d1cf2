import { route } from '@forge/api';
import { z } from 'zod';
import { PROCESS_LINK_PROPERTY_KEY, readProcessLink, type ProcessLink } from '../domain/catalog/processLink';
import { IMPROVEMENT_PROPERTY_KEY, readImprovementProperty, type ImprovementProperty } from '../domain/improvements/improvementProperty';
import { searchEveryIssue, searchIssueBeanSchema, type SearchIssueBean } from './enhancedSearch';
import { discoverSprintFieldIds } from './jiraFields';
import { callJiraJson, unexpectedJiraAnswer, type JiraCall } from './jiraRequest';

/**
 * Jira reads of improvement stories. Everything as the viewer:
 * what Jira lets them see is what the backlog, the review and the panel show.
 */

const sprintValueSchema = z.object({
  id: z.number(),
  name: z.string().default(''),
  state: z.string().default('closed'),
  startDate: z.string().nullish(),
});

const issueBeanSchema = searchIssueBeanSchema;
type IssueBean = SearchIssueBean;

export type SprintRef = { id: number; name: string; state: 'future' | 'active' | 'closed'; startDate: string | null };

export interface ImprovementIssue {
  id: string;
  key: string;
  summary: string;
  projectKey: string | null;
  issueTypeName: string;
  status: { name: string; category: 'new' | 'indeterminate' | 'done' };
  assigneeAccountId: string | null;
  created: string;
  sprints: SprintRef[];
  improvement: ImprovementProperty | null;
  link: ProcessLink | null;
}

const field = <T>(bean: IssueBean, name: string, schema: z.ZodType<T>): T | undefined => {
  const parsed = schema.safeParse(bean.fields[name]);
  return parsed.success ? parsed.data : undefined;
};

const toState = (state: string): SprintRef['state'] => (state === 'active' || state === 'future' ? state : 'closed');
const toCategory = (key: string | undefined): ImprovementIssue['status']['category'] =>
  key === 'done' ? 'done' : key === 'indeterminate' ? 'indeterminate' : 'new';

function toImprovementIssue(bean: IssueBean, sprintFieldId: string | null): ImprovementIssue {
  const status = field(bean, 'status', z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }).optional() }));
  const sprints = sprintFieldId ? (field(bean, sprintFieldId, z.array(sprintValueSchema).nullable()) ?? []) : [];
  return {
    id: bean.id,
    key: bean.key,
    summary: field(bean, 'summary', z.string()) ?? '',
    projectKey: field(bean, 'project', z.object({ key: z.string() }))?.key ?? null,
    issueTypeName: field(bean, 'issuetype', z.object({ name: z.string() }))?.name ?? '',
    status: { name: status?.name ?? '', category: toCategory(status?.statusCategory?.key) },
    assigneeAccountId: field(bean, 'assignee', z.object({ accountId: z.string() }).nullable())?.accountId ?? null,
    created: field(bean, 'created', z.string()) ?? new Date(0).toISOString(),
    sprints: (sprints ?? []).map((sprint) => ({
      id: sprint.id,
      name: sprint.name,
      state: toState(sprint.state),
      startDate: sprint.startDate ?? null,
    })),
    improvement: readImprovementProperty(bean.properties[IMPROVEMENT_PROPERTY_KEY]),
    link: readProcessLink(bean.properties[PROCESS_LINK_PROPERTY_KEY]),
  };
}

const BASE_FIELDS = ['summary', 'status', 'assignee', 'created', 'project', 'issuetype'];
const PROPERTIES = [IMPROVEMENT_PROPERTY_KEY, PROCESS_LINK_PROPERTY_KEY];

/** Quotes a value for JQL (process keys are validated already; this keeps any string safe). */
export const jqlString = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Every improvement story matching `jql` in one paged enhanced search, with the fields and both
 * properties: one request per 100 stories, never one per issue.
 */
export async function searchImprovementIssues(call: JiraCall, jql: string): Promise<ImprovementIssue[]> {
  const { sprint: sprintFieldId } = await discoverSprintFieldIds(call);
  const fields = sprintFieldId ? [...BASE_FIELDS, sprintFieldId] : BASE_FIELDS;
  const beans = await searchEveryIssue(call, { jql, fields, properties: PROPERTIES, what: 'search the improvement stories' });
  return beans.map((bean) => toImprovementIssue(bean, sprintFieldId));
}

/** One issue with its type and both properties, or null when the viewer cannot see it. */
export async function fetchImprovementIssue(call: JiraCall, issueId: string): Promise<ImprovementIssue | null> {
  const { status, body } = await callJiraJson<unknown>(
    call.actor,
    route`/rest/api/3/issue/${issueId}?fields=${BASE_FIELDS.join(',')}&properties=${PROPERTIES.join(',')}`,
    { site: call.site },
  );
  if (status === 404) return null;
  const parsed = issueBeanSchema.safeParse(body);
  if (status !== 200 || !parsed.success) throw unexpectedJiraAnswer('read the issue', status, body);
  return toImprovementIssue(parsed.data, null);
}

/** The sprint a backlog shows: the active one, else a future one, else the latest closed. */
export function currentSprintOf(sprints: readonly SprintRef[]): SprintRef | null {
  return (
    sprints.find((sprint) => sprint.state === 'active') ??
    sprints.find((sprint) => sprint.state === 'future') ??
    [...sprints].sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? '') || b.id - a.id)[0] ??
    null
  );
}
