import { route } from '@forge/api';
import { AppError } from '../errors/appError';
import { callJiraJson, unexpectedJiraAnswer, type JiraActor } from './jiraRequest';

/**
 * Writes an issue entity property, by default as the viewer: Jira's own edit permission decides (403). As the
 * app (triggers, web triggers: there is no user) the app's own access does.
 */
export async function writeIssueProperty(issueId: string, propertyKey: string, value: unknown, actor: JiraActor = 'user'): Promise<void> {
  const { status, body } = await callJiraJson(actor, route`/rest/api/3/issue/${issueId}/properties/${propertyKey}`, {
    method: 'PUT',
    body: value,
  });
  if (status === 200 || status === 201) return;
  throw propertyWriteError(status, body);
}

export async function deleteIssueProperty(issueId: string, propertyKey: string): Promise<void> {
  const { status, body } = await callJiraJson('user', route`/rest/api/3/issue/${issueId}/properties/${propertyKey}`, {
    method: 'DELETE',
  });
  // 404 means already gone (or not visible, which the caller checked before).
  if (status === 204 || status === 404) return;
  throw propertyWriteError(status, body);
}

function propertyWriteError(status: number, body: unknown): AppError {
  if (status === 403) return new AppError('FORBIDDEN', "You don't have permission to edit this issue.");
  if (status === 404) return new AppError('NOT_FOUND', "This issue doesn't exist or you don't have permission to view it.");
  return unexpectedJiraAnswer('save the link on the issue', status, body);
}
