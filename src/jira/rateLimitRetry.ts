import { DomainError } from '../domain/errors';
import {
  endpointKey,
  fallbackDelayMs,
  isIdempotentRead,
  parseRetryAfter,
  rateLimitClock,
  rateLimitPauses,
  scopeOfReason,
  withJitter,
} from './rateLimit';

/** How long one request may wait for Jira in total by default: well inside Forge's 25 s resolver limit. */
export const DEFAULT_RATE_LIMIT_BUDGET_MS = 8_000;
/** Sends of one read, the first included, before giving up even if time remains. */
export const MAX_ATTEMPTS = 4;
/** A `Retry-After: 0` still gets a breath, so a busy Jira is not hit in a tight loop. */
const MIN_PAUSE_MS = 200;

/** The part of a response the rate-limit handling reads (fetch's and @forge/api's `Response` both fit). */
export interface StatusAndHeaders {
  status: number;
  headers: { get(name: string): string | null };
}

export interface RateLimitedSend<R extends StatusAndHeaders> {
  /** The site the request goes to (`siteKeyOf(context)`): pauses never cross sites. */
  site: string;
  method: string;
  /** The path as sent, query included. */
  path: string;
  /** Epoch ms after which no more waiting is allowed; by default now + 8 s. */
  deadline?: number;
  /**
   * At most this much sleeping in this request, whatever the deadline (interactive calls: a couple
   * of seconds, so the page says "Jira is busy" instead of "Loading…" for the whole wait).
   */
  maxWaitMs?: number;
  send: () => Promise<R>;
}

/**
 * Sends a request, honouring pauses Jira asked for. A 429 records a pause (the whole site for the
 * hourly quota, the endpoint for a burst); reads are then retried after `Retry-After` plus jitter
 * while the deadline allows. Writes are never retried: the caller gets RATE_LIMITED with `retryAt`.
 * Returns the first non-429 response.
 */
export async function sendRespectingRateLimits<R extends StatusAndHeaders>(request: RateLimitedSend<R>): Promise<R> {
  const clock = rateLimitClock();
  const startedAt = clock.now();
  const byDeadline = request.deadline ?? startedAt + DEFAULT_RATE_LIMIT_BUDGET_MS;
  // Sleeping is the only waiting here: a wait budget is a deadline counted from the first send.
  const deadline = request.maxWaitMs === undefined ? byDeadline : Math.min(byDeadline, startedAt + request.maxWaitMs);
  const endpoint = endpointKey(request.method, request.path);
  const retryable = isIdempotentRead(request.method, request.path);

  for (let attempt = 0; ; attempt++) {
    await waitForPause(request.site, endpoint, deadline);
    const response = await request.send();
    if (response.status !== 429) return response;

    const now = clock.now();
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now) ?? fallbackDelayMs(attempt);
    const until = now + Math.max(MIN_PAUSE_MS, retryAfterMs);
    rateLimitPauses.record(request.site, endpoint, scopeOfReason(response.headers.get('RateLimit-Reason')), until, now);
    if (!retryable || attempt + 1 >= MAX_ATTEMPTS) throw rateLimitedError(until);
  }
}

/** Sleeps out a pause on this site or endpoint, or throws RATE_LIMITED at once when it outlasts the deadline. */
async function waitForPause(site: string, endpoint: string, deadline: number): Promise<void> {
  const clock = rateLimitClock();
  const now = clock.now();
  const until = rateLimitPauses.pausedUntil(site, endpoint, now);
  if (until === null) return;
  if (until > deadline) throw rateLimitedError(until);
  await clock.sleep(Math.min(withJitter(until - now, clock.random()), deadline - now));
}

export function rateLimitedError(retryAtMs: number): DomainError {
  const retryAt = new Date(retryAtMs).toISOString();
  // The server runs in UTC; `retryAt` lets the UI show the time in the viewer's own zone.
  return new DomainError('rate-limited', `Jira is busy, retrying at ${retryAt.slice(11, 19)} UTC.`, { retryAt });
}
