import { setRateLimitClock, rateLimitPauses } from '../../../src/jira/rateLimit';

/** The globals the real `@forge/api` reads at its lowest boundary. */
export type ForgeGlobals = typeof globalThis & { __forge_fetch__?: unknown; __forge_runtime__?: unknown };

/** One request as it left the app through `global.__forge_fetch__`. */
export interface RecordedRequest {
  provider: 'user' | 'app';
  method: string;
  /** Path with the query, as sent. */
  pathWithQuery: string;
  path: string;
  query: URLSearchParams;
  body: RecordedBody | undefined;
  site: string;
}

/** The JSON bodies the tested clients send (enhanced search, bulk changelogs), as far as the tests read them. */
export interface RecordedBody {
  jql?: string;
  fields?: string[];
  properties?: string[];
  maxResults?: number;
  nextPageToken?: string;
  issueIdsOrKeys?: string[];
  fieldIds?: string[];
}

export interface FakeAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type FakeHandler = (request: RecordedRequest) => FakeAnswer | Promise<FakeAnswer>;

/**
 * A stand-in for the Forge platform at its lowest boundary: the real `@forge/api` sends through
 * `global.__forge_fetch__`, which this answers with `handler`. `currentSite()` tags each recorded
 * request so tests can tell sites apart.
 */
export function installFakeJira(handler: FakeHandler, currentSite: () => string = () => 'site:a') {
  const requests: RecordedRequest[] = [];
  (globalThis as ForgeGlobals).__forge_fetch__ = async (meta: { provider: 'user' | 'app' }, pathWithQuery: string, init: RequestInit) => {
    const url = new URL(pathWithQuery, 'https://jira.test');
    const request: RecordedRequest = {
      provider: meta.provider,
      method: init.method ?? 'GET',
      pathWithQuery,
      path: url.pathname,
      query: url.searchParams,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as RecordedBody) : undefined,
      site: currentSite(),
    };
    requests.push(request);
    const answer = await handler(request);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'Content-Type': 'application/json', ...answer.headers },
    });
  };
  return {
    requests,
    uninstall: () => delete (globalThis as ForgeGlobals).__forge_fetch__,
  };
}

/** Time that moves only when the code under test sleeps; every sleep is recorded. */
export function installFakeClock(start = Date.parse('2025-03-04T09:00:00.000Z'), random = 0.5) {
  const clock = { now: start, sleeps: [] as number[] };
  setRateLimitClock({
    now: () => clock.now,
    sleep: (ms) => {
      clock.sleeps.push(ms);
      clock.now += ms;
      return Promise.resolve();
    },
    random: () => random,
  });
  return clock;
}

export function resetRateLimits(): void {
  rateLimitPauses.clear();
  setRateLimitClock();
}

export const tooManyRequests = (retryAfterSeconds: number | null, reason?: string): FakeAnswer => ({
  status: 429,
  body: { errorMessages: ['Rate limit exceeded.'] },
  headers: {
    ...(retryAfterSeconds === null ? {} : { 'Retry-After': String(retryAfterSeconds) }),
    ...(reason ? { 'RateLimit-Reason': reason } : {}),
  },
});
