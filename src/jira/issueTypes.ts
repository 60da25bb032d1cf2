import { route } from '@forge/api';
import { z } from 'zod';
import { cannotSeeProject } from '../domain/errors';
import { callJiraJson, unexpectedJiraAnswer, type JiraActor } from './jiraRequest';

/**
 * Issue types, projects' issue type lists and issue type schemes. Creating a type and changing a
 * scheme are global configuration (`manage:jira-configuration`): the app does them itself, in the
 * install trigger (no user) or after checking that the user is a Jira administrator.
 */

const issueTypeBeanSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  subtask: z.boolean().optional(),
  hierarchyLevel: z.number().optional(),
  /** Present on team-managed projects' own types. */
  scope: z.object({ type: z.string().optional() }).passthrough().optional(),
});
export type IssueTypeBean = z.infer<typeof issueTypeBeanSchema>;

export type ProjectStyle = 'company-managed' | 'team-managed';
export interface ProjectInfo {
  id: string;
  key: string;
  name: string;
  style: ProjectStyle;
}

/** Every issue type of the site (GET /rest/api/3/issuetype). */
export async function fetchAllIssueTypes(actor: JiraActor): Promise<IssueTypeBean[]> {
  const { status, body } = await callJiraJson<unknown>(actor, route`/rest/api/3/issuetype`);
  const parsed = z.array(issueTypeBeanSchema).safeParse(body);
  if (status !== 200 || !parsed.success) throw unexpectedJiraAnswer('list the issue types', status, body);
  return parsed.data;
}

export type CreateIssueTypeAnswer = { outcome: 'created'; type: IssueTypeBean } | { outcome: 'name-taken' };

/** POST /rest/api/3/issuetype as the app. 409 (a type of that name exists) is an answer, not an error. */
export async function createIssueType(input: { name: string; description: string }): Promise<CreateIssueTypeAnswer> {
  const { status, body } = await callJiraJson<unknown>('app', route`/rest/api/3/issuetype`, {
    method: 'POST',
    body: { name: input.name, description: input.description, hierarchyLevel: 0 },
  });
  if (status === 409) return { outcome: 'name-taken' };
  const parsed = issueTypeBeanSchema.safeParse(body);
  if (status !== 201 || !parsed.success) throw unexpectedJiraAnswer('create the issue type', status, body);
  return { outcome: 'created', type: parsed.data };
}

const projectBeanSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string().default(''),
  style: z.string().optional(),
  simplified: z.boolean().optional(),
});

/** The project as the viewer sees it, with its style (`classic` / `next-gen`); null when not visible. */
export async function fetchProjectInfo(actor: JiraActor, projectIdOrKey: string): Promise<ProjectInfo | null> {
  const { status, body } = await callJiraJson<unknown>(actor, route`/rest/api/3/project/${projectIdOrKey}`);
  if (status === 404) return null;
  const parsed = projectBeanSchema.safeParse(body);
  if (status !== 200 || !parsed.success) throw unexpectedJiraAnswer('read the project', status, body);
  const { id, key, name, style, simplified } = parsed.data;
  const teamManaged = style === 'next-gen' || (style === undefined && simplified === true);
  return { id, key, name, style: teamManaged ? 'team-managed' : 'company-managed' };
}

/** The issue types usable in a project (GET /rest/api/3/issuetype/project); NOT_FOUND when the caller may not see it. */
export async function fetchProjectIssueTypes(actor: JiraActor, projectId: string): Promise<IssueTypeBean[]> {
  const { status, body } = await callJiraJson<unknown>(actor, route`/rest/api/3/issuetype/project?projectId=${projectId}`);
  if (status === 404) throw cannotSeeProject();
  const parsed = z.array(issueTypeBeanSchema).safeParse(body);
  if (status !== 200 || !parsed.success) throw unexpectedJiraAnswer("list the project's issue types", status, body);
  return parsed.data;
}

const schemePageSchema = z.object({
  values: z
    .array(z.object({ issueTypeScheme: z.object({ id: z.string(), name: z.string().optional() }), projectIds: z.array(z.string()) }))
    .default([]),
});

/** The id of a company-managed project's issue type scheme (team-managed projects have none: null). */
export async function fetchProjectIssueTypeSchemeId(projectId: string): Promise<string | null> {
  const { status, body } = await callJiraJson<unknown>('app', route`/rest/api/3/issuetypescheme/project?projectId=${projectId}`);
  const parsed = schemePageSchema.safeParse(body);
  if (status !== 200 || !parsed.success) throw unexpectedJiraAnswer('read the issue type scheme', status, body);
  return parsed.data.values.find((entry) => entry.projectIds.includes(projectId))?.issueTypeScheme.id ?? null;
}

/** PUT /rest/api/3/issuetypescheme/{id}/issuetype as the app (the caller checked the user is a Jira admin). */
export async function addIssueTypeToScheme(schemeId: string, issueTypeId: string): Promise<void> {
  const { status, body } = await callJiraJson<unknown>('app', route`/rest/api/3/issuetypescheme/${schemeId}/issuetype`, {
    method: 'PUT',
    body: { issueTypeIds: [issueTypeId] },
  });
  if (status !== 204) throw unexpectedJiraAnswer('add the issue type to the project', status, body);
}
