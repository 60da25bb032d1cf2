import { route } from '@forge/api';
import { DomainError } from '../domain/errors';
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

function propertyWriteError(status: number, body: unknown): DomainError {
  if (status === 403) return new DomainError('forbidden', "You don't have permission to edit this issue.");
  if (status === 404) return new DomainError('not-found', "This issue doesn't exist or you don't have permission to view it.");
  return unexpectedJiraAnswer('save the link on the issue', status, body);
}

/** `POST /rest/api/3/issue/properties/multi` takes up to 100 issues a request. */
export const BULK_PROPERTY_ISSUES = 100;
/** How long to follow Jira's asynchronous task before answering "still writing". */
const TASK_WAIT_MS = 10_000;
const TASK_POLL_MS = [200, 400, 800, 1500];

interface TaskProgress {
  status?: string;
  message?: string;
}

const FINISHED = new Set(['COMPLETE', 'FAILED', 'CANCELLED', 'DEAD']);

/**
 * Sets one property to the same value on many issues, as the viewer, with "Bulk set issue properties
 * by issue": one request per 100 issues, then Jira's asynchronous task followed until it finishes.
 * Jira ignores issues it does not find and skips those the viewer may not edit, so callers check
 * permissions first to say why. `complete` is false when Jira was still writing when we stopped waiting.
 */
export async function bulkSetIssueProperty(
  issueIds: readonly string[],
  propertyKey: string,
  value: unknown,
): Promise<{ complete: boolean }> {
  const tasks: string[] = [];
  for (let start = 0; start < issueIds.length; start += BULK_PROPERTY_ISSUES) {
    const chunk = issueIds.slice(start, start + BULK_PROPERTY_ISSUES);
    const { status, body, location } = await callJiraJson<TaskProgress>('user', route`/rest/api/3/issue/properties/multi`, {
      method: 'POST',
      body: { issues: chunk.map((id) => ({ issueID: Number(id), properties: { [propertyKey]: value } })) },
    });
    if (status === 303 && location) tasks.push(taskIdOf(location));
    // A runtime that follows the redirect itself hands over the task's state directly.
    else if (status === 200 && body?.status) {
      if (body.status !== 'COMPLETE') throw bulkWriteFailed(body);
    } else throw propertyWriteError(status, body);
  }
  const deadline = Date.now() + TASK_WAIT_MS;
  let complete = true;
  for (const taskId of tasks) complete = (await waitForTask(taskId, deadline)) && complete;
  return { complete };
}

function taskIdOf(location: string): string {
  const id = new URL(location, 'https://jira.invalid').pathname.match(/\/rest\/api\/3\/task\/([^/]+)$/)?.[1];
  if (!id) throw new DomainError('upstream', `Jira answered with an unexpected task location (${location}).`);
  return decodeURIComponent(id);
}

/** True when the task completed, false when it was still running at `deadline`; throws when it failed. */
async function waitForTask(taskId: string, deadline: number): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    const { status, body } = await callJiraJson<TaskProgress>('user', route`/rest/api/3/task/${taskId}`);
    if (status !== 200 || !body) throw unexpectedJiraAnswer('report on saving the links', status, body);
    if (body.status === 'COMPLETE') return true;
    if (body.status && FINISHED.has(body.status)) throw bulkWriteFailed(body);
    const pause = TASK_POLL_MS[Math.min(attempt, TASK_POLL_MS.length - 1)] ?? 1000;
    if (Date.now() + pause > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

const bulkWriteFailed = (task: TaskProgress) =>
  new DomainError('upstream', `Jira could not save the links (${task.status ?? 'unknown'}${task.message ? `: ${task.message}` : ''}).`);
