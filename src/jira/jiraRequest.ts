import api from '@forge/api';
import { DomainError } from '../domain/errors';
import { sendRespectingRateLimits } from './rateLimitRetry';
import { siteOfRunningInvocation } from './runningSite';

/** Whose permissions a Jira call runs with. `app` only after the caller checked the user's. */
export type JiraActor = 'user' | 'app';

type Route = Parameters<ReturnType<typeof api.asUser>['requestJira']>[0];

export interface JiraJsonResponse<T> {
  status: number;
  body: T | undefined;
  /** The `Location` header: where an asynchronous operation's task (303) can be followed. */
  location?: string | null;
}

export interface JiraRequestInit {
  method?: string;
  body?: unknown;
  /**
   * The site the call is for (`siteKeyOf(context)`); rate-limit pauses are kept per site. Without
   * it the Forge installation of the running invocation is used.
   */
  site?: string;
  /** Epoch ms after which no more waiting on rate limits is allowed (default: 8 s from now). */
  deadline?: number;
  /** At most this much waiting on rate limits in one request (interactive calls keep it short). */
  maxWaitMs?: number;
}

/** Who, on which site, and until when: what every Jira adapter call needs to know. */
export interface JiraCall {
  actor: JiraActor;
  site: string;
  deadline?: number;
  /**
   * Longest rate-limit wait of one request. A resolver the page waits on keeps it short and answers
   * RATE_LIMITED with `retryAt` beyond it (the page retries by itself); background jobs leave it unset.
   */
  maxWaitMs?: number;
  /** The signed-in user, for caches of what only they may see; without it such answers are not cached. */
  accountId?: string;
}

/** Sends one request to Jira, waiting out or retrying rate limits (reads only) and turning them into RATE_LIMITED. */
export async function callJiraJson<T>(actor: JiraActor, path: Route, init: JiraRequestInit = {}): Promise<JiraJsonResponse<T>> {
  const requester = actor === 'user' ? api.asUser() : api.asApp();
  const method = init.method ?? 'GET';
  const response = await sendRespectingRateLimits({
    site: init.site ?? siteOfRunningInvocation(),
    method,
    path: path.value,
    ...(init.deadline === undefined ? {} : { deadline: init.deadline }),
    ...(init.maxWaitMs === undefined ? {} : { maxWaitMs: init.maxWaitMs }),
    send: () =>
      requester.requestJira(path, {
        method,
        headers: {
          Accept: 'application/json',
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }),
  });
  const text = await response.text();
  const location = response.headers.get('location');
  return { status: response.status, body: text ? (JSON.parse(text) as T) : undefined, ...(location ? { location } : {}) };
}

/** `callJiraJson` for one `JiraCall`: its actor, site and deadline. */
export function callJira<T>(
  call: JiraCall,
  path: Route,
  init: Omit<JiraRequestInit, 'site' | 'deadline' | 'maxWaitMs'> = {},
): Promise<JiraJsonResponse<T>> {
  return callJiraJson<T>(call.actor, path, {
    ...init,
    site: call.site,
    ...(call.deadline === undefined ? {} : { deadline: call.deadline }),
    ...(call.maxWaitMs === undefined ? {} : { maxWaitMs: call.maxWaitMs }),
  });
}

/** For answers other than the expected ones: keep Jira's own words, they are the most useful. */
export function unexpectedJiraAnswer(what: string, status: number, body: unknown): DomainError {
  const messages = (body as { errorMessages?: unknown } | undefined)?.errorMessages;
  const detail = Array.isArray(messages) && messages.length > 0 ? `: ${messages.join(' ')}` : '';
  return new DomainError('upstream', `Jira refused to ${what} (HTTP ${status})${detail}`);
}
