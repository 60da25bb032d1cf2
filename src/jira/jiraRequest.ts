import api from '@forge/api';
import { AppError } from '../errors/appError';

/** Whose permissions a Jira call runs with. `app` only after the caller checked the user's. */
export type JiraActor = 'user' | 'app';

type Route = Parameters<ReturnType<typeof api.asUser>['requestJira']>[0];

export interface JiraJsonResponse<T> {
  status: number;
  body: T | undefined;
}

/** Sends one request to Jira and turns rate limiting into a typed error the UI can show. */
export async function requestJiraJson<T>(
  actor: JiraActor,
  path: Route,
  init: { method?: string; body?: unknown } = {},
): Promise<JiraJsonResponse<T>> {
  const requester = actor === 'user' ? api.asUser() : api.asApp();
  const response = await requester.requestJira(path, {
    method: init.method ?? 'GET',
    headers: {
      Accept: 'application/json',
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (response.status === 429) {
    const retryAfterSeconds = Number(response.headers.get('Retry-After') ?? '60');
    const retryAt = new Date(Date.now() + (Number.isFinite(retryAfterSeconds) ? retryAfterSeconds : 60) * 1000);
    throw new AppError('RATE_LIMITED', `Jira is busy; retrying at ${retryAt.toISOString()}.`, {
      retryAt: retryAt.toISOString(),
    });
  }
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as T) : undefined };
}

/** For answers other than the expected ones: keep Jira's own words, they are the most useful. */
export function unexpectedJiraAnswer(what: string, status: number, body: unknown): AppError {
  const messages = (body as { errorMessages?: unknown } | undefined)?.errorMessages;
  const detail = Array.isArray(messages) && messages.length > 0 ? `: ${messages.join(' ')}` : '';
  return new AppError('JIRA_ERROR', `Jira refused to ${what} (HTTP ${status})${detail}`);
}
