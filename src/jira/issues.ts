import { route } from '@forge/api';
import { requestJiraJson, unexpectedJiraAnswer, type JiraActor } from './jiraRequest';

export interface IssueSummary {
  id: string;
  key: string;
  summary: string;
}

interface IssueBean {
  id: string;
  key: string;
  fields: { summary?: string };
}

/** One issue's key and summary, or null when Jira says the actor cannot see it (404). */
export async function fetchIssueSummary(actor: JiraActor, issueIdOrKey: string): Promise<IssueSummary | null> {
  const { status, body } = await requestJiraJson<IssueBean>(
    actor,
    route`/rest/api/3/issue/${issueIdOrKey}?fields=summary`,
  );
  if (status === 404) return null;
  if (status !== 200 || !body) throw unexpectedJiraAnswer('read the issue', status, body);
  return { id: body.id, key: body.key, summary: body.fields.summary ?? '' };
}
