import { ISSUE_KEY_PATTERN } from '../domain/catalog/issueKey';

/**
 * What Jira told us about its rate limits, remembered per site for the life of the process.
 *
 * Jira's limits are points per hour shared by every user of the app on a site. A quota 429 means the
 * whole site is out of points: sending anything else to that site before `Retry-After` only burns
 * more. A burst 429 is about one endpoint going too fast: the rest of the site is fine. Forge reuses
 * a warm process across customers, so every pause is keyed by site and never affects another one.
 */

export interface RateLimitClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1): spreads retries so concurrent invocations don't all come back at the same instant. */
  random(): number;
}

export const systemClock: RateLimitClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

let clock: RateLimitClock = systemClock;

/** Tests replace time, sleep and randomness; call with no argument to restore the real ones. */
export function setRateLimitClock(replacement?: Partial<RateLimitClock>): void {
  clock = { ...systemClock, ...replacement };
}

export function rateLimitClock(): RateLimitClock {
  return clock;
}

export type RateLimitScope = 'site' | 'endpoint';

/**
 * `RateLimit-Reason` values starting with `jira-quota` (`jira-quota-based`, `jira-quota-global-based`,
 * `jira-quota-tenant-based`) are the hourly points quota; the others (`jira-burst-based`,
 * `jira-per-issue-on-write`, none) concern one endpoint.
 */
export function scopeOfReason(reason: string | null | undefined): RateLimitScope {
  return reason?.trim().toLowerCase().startsWith('jira-quota') ? 'site' : 'endpoint';
}

/** `Retry-After` as milliseconds from `nowMs`: seconds, or an HTTP date. Null when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | null {
  if (header == null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** When Jira gives no `Retry-After`: exponential backoff, 0.5 s, 1 s, 2 s, 4 s … */
export function fallbackDelayMs(attempt: number): number {
  return Math.min(8_000, 500 * 2 ** attempt);
}

/** Up to 30 % extra (at most 1 s) on top of a wait, so retries from many invocations spread out. */
export function withJitter(waitMs: number, random: number): number {
  return waitMs + Math.round(random * Math.min(1_000, waitMs * 0.3));
}

/** POSTs that only read: retrying them is as safe as retrying a GET. */
const READ_ONLY_POSTS = new Set([
  '/rest/api/3/search/jql',
  '/rest/api/3/search/approximate-count',
  '/rest/api/3/changelog/bulkfetch',
  '/rest/api/3/user/bulk',
  '/rest/api/3/permissions/check',
]);

export function pathWithoutQuery(pathWithQuery: string): string {
  const end = pathWithQuery.search(/[?#]/);
  return end === -1 ? pathWithQuery : pathWithQuery.slice(0, end);
}

export function isIdempotentRead(method: string, pathWithQuery: string): boolean {
  const upper = method.toUpperCase();
  if (upper === 'GET' || upper === 'HEAD') return true;
  return upper === 'POST' && READ_ONLY_POSTS.has(pathWithoutQuery(pathWithQuery));
}

/**
 * The endpoint a request belongs to, for burst limits: method and path with ids and issue keys
 * replaced, so `GET /rest/api/3/issue/10001/changelog` and `…/10002/changelog` share a pause.
 */
export function endpointKey(method: string, pathWithQuery: string): string {
  const template = pathWithoutQuery(pathWithQuery)
    .split('/')
    .map((segment) => (/^\d+$/.test(segment) || ISSUE_KEY_PATTERN.test(segment) ? '{id}' : segment))
    .join('/');
  return `${method.toUpperCase()} ${template}`;
}

/** Pauses by site and by (site, endpoint), as epoch milliseconds. Expired ones are dropped as new ones arrive. */
export class RateLimitPauses {
  private readonly sites = new Map<string, number>();
  private readonly endpoints = new Map<string, number>();

  /** The latest time before which nothing may be sent to this endpoint of this site, or null if free now. */
  pausedUntil(site: string, endpoint: string, nowMs: number): number | null {
    const until = Math.max(this.sites.get(site) ?? 0, this.endpoints.get(endpointId(site, endpoint)) ?? 0);
    return until > nowMs ? until : null;
  }

  record(site: string, endpoint: string, scope: RateLimitScope, untilMs: number, nowMs: number): void {
    this.prune(nowMs);
    const map = scope === 'site' ? this.sites : this.endpoints;
    const id = scope === 'site' ? site : endpointId(site, endpoint);
    map.set(id, Math.max(map.get(id) ?? 0, untilMs));
  }

  clear(): void {
    this.sites.clear();
    this.endpoints.clear();
  }

  private prune(nowMs: number): void {
    for (const map of [this.sites, this.endpoints]) {
      for (const [id, until] of map) if (until <= nowMs) map.delete(id);
    }
  }
}

const endpointId = (site: string, endpoint: string): string => JSON.stringify([site, endpoint]);

/** The process-wide pauses: one warm Forge process serves many sites, each keyed separately. */
export const rateLimitPauses = new RateLimitPauses();
