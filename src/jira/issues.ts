import { route } from '@forge/api';
import { callJiraJson, unexpectedJiraAnswer, type JiraActor } from './jiraRequest';

export interface IssueSummary {
  id: string;
  key: string;
  summary: string;
  projectKey: string | null;
  /** Entity properties asked for, by key (absent keys are missing). */
  properties: Record<string, unknown>;
}

interface IssueBean {
  id: string;
  key: string;
  fields?: { summary?: string; project?: { key?: string } };
  properties?: Record<string, unknown>;
}

export const toIssueSummary = (bean: IssueBean): IssueSummary => ({
  id: bean.id,
  key: bean.key,
  summary: bean.fields?.summary ?? '',
  projectKey: bean.fields?.project?.key ?? null,
  properties: bean.properties ?? {},
});

/**
 * One issue's key, summary and the named entity properties in a single request, or null when
 * Jira says the actor cannot see it (404).
 */
export async function fetchIssueSummary(
  actor: JiraActor,
  issueIdOrKey: string,
  propertyKeys: readonly string[] = [],
): Promise<IssueSummary | null> {
  const path = propertyKeys.length
    ? route`/rest/api/3/issue/${issueIdOrKey}?fields=summary,project&properties=${propertyKeys.join(',')}`
    : route`/rest/api/3/issue/${issueIdOrKey}?fields=summary,project`;
  const { status, body } = await callJiraJson<IssueBean>(actor, path);
  if (status === 404) return null;
  if (status !== 200 || !body) throw unexpectedJiraAnswer('read the issue', status, body);
  return toIssueSummary(body);
}
