import { route } from '@forge/api';
import { DomainError } from '../../../src/domain/errors';
import { callJiraJson } from '../../../src/jira/jiraRequest';
import { endpointKey, isIdempotentRead, parseRetryAfter, scopeOfReason } from '../../../src/jira/rateLimit';
import { installFakeClock, installFakeJira, resetRateLimits, tooManyRequests, type FakeAnswer, type ForgeGlobals } from './fakeJira';

const SITE_A = 'site:aaaa';
const SITE_B = 'site:bbbb';

afterEach(() => resetRateLimits());

async function rateLimitedError(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'rate-limited') return error;
    throw error;
  }
  throw new Error('expected RATE_LIMITED');
}

/** Answers each path from its own queue of answers; 200 `{}` once a queue is empty. */
function scripted(script: Record<string, FakeAnswer[]>) {
  return installFakeJira((request) => script[`${request.method} ${request.path}`]?.shift() ?? { body: { ok: request.path } });
}

describe('reading Jira rate-limit answers', () => {
  it('treats quota reasons as site-wide and everything else as one endpoint', () => {
    expect(scopeOfReason('jira-quota-based')).toBe('site');
    expect(scopeOfReason('jira-quota-tenant-based')).toBe('site');
    expect(scopeOfReason('jira-burst-based')).toBe('endpoint');
    expect(scopeOfReason('jira-per-issue-on-write')).toBe('endpoint');
    expect(scopeOfReason(null)).toBe('endpoint');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-03-04T09:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Tue, 04 Mar 2025 09:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('knows which requests are reads, and groups paths by endpoint', () => {
    expect(isIdempotentRead('GET', '/rest/api/3/issue/1')).toBe(true);
    expect(isIdempotentRead('POST', '/rest/api/3/search/jql')).toBe(true);
    expect(isIdempotentRead('POST', '/rest/api/3/changelog/bulkfetch')).toBe(true);
    expect(isIdempotentRead('POST', '/rest/api/3/issue')).toBe(false);
    expect(isIdempotentRead('PUT', '/rest/api/3/issue/1/properties/x')).toBe(false);
    expect(endpointKey('get', '/rest/api/3/issue/10001/changelog?startAt=0')).toBe(
      endpointKey('GET', '/rest/api/3/issue/TEAM-4/changelog'),
    );
    expect(endpointKey('GET', '/rest/api/3/issue/1')).not.toBe(endpointKey('GET', '/rest/api/3/field'));
  });
});

describe('callJiraJson under rate limits', () => {
  it('retries a read after Retry-After (plus jitter) and returns the answer', async () => {
    const clock = installFakeClock();
    const jira = scripted({ 'GET /rest/api/3/field': [tooManyRequests(2, 'jira-burst-based')] });

    const answer = await callJiraJson('user', route`/rest/api/3/field`, { site: SITE_A });

    expect(answer).toEqual({ status: 200, body: { ok: '/rest/api/3/field' } });
    expect(jira.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(2000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(3000);
  });

  it('backs off exponentially when Jira gives no Retry-After', async () => {
    const clock = installFakeClock(undefined, 0);
    scripted({ 'GET /rest/api/3/field': [tooManyRequests(null), tooManyRequests(null)] });

    await callJiraJson('user', route`/rest/api/3/field`, { site: SITE_A });

    expect(clock.sleeps).toEqual([500, 1000]);
  });

  it('retries read-only POSTs such as the enhanced search', async () => {
    installFakeClock();
    const jira = scripted({ 'POST /rest/api/3/search/jql': [tooManyRequests(1, 'jira-burst-based')] });

    const answer = await callJiraJson('user', route`/rest/api/3/search/jql`, { method: 'POST', body: { jql: 'sprint = 1' }, site: SITE_A });

    expect(answer.status).toBe(200);
    expect(jira.requests.map((request) => request.method)).toEqual(['POST', 'POST']);
  });

  it('never retries a write: one request, then RATE_LIMITED with retryAt', async () => {
    const clock = installFakeClock();
    const start = clock.now;
    const jira = scripted({ 'PUT /rest/api/3/issue/10001/properties/process-loop-link': [tooManyRequests(2, 'jira-burst-based')] });

    const error = await rateLimitedError(
      callJiraJson('user', route`/rest/api/3/issue/10001/properties/process-loop-link`, { method: 'PUT', body: { a: 1 }, site: SITE_A }),
    );

    expect(jira.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(error.details.retryAt).toBe(new Date(start + 2000).toISOString());
    expect(error.message).toBe('Jira is busy, retrying at 09:00:02 UTC.');
  });

  it('does not retry a POST that writes', async () => {
    installFakeClock();
    const jira = scripted({ 'POST /rest/api/3/issue': [tooManyRequests(1, 'jira-burst-based')] });

    await rateLimitedError(callJiraJson('user', route`/rest/api/3/issue`, { method: 'POST', body: {}, site: SITE_A }));

    expect(jira.requests).toHaveLength(1);
  });

  it('gives up at once, without sleeping, when Retry-After outlasts the budget', async () => {
    const clock = installFakeClock();
    const start = clock.now;
    const jira = scripted({ 'GET /rest/api/3/field': [tooManyRequests(30, 'jira-quota-based')] });

    const error = await rateLimitedError(callJiraJson('user', route`/rest/api/3/field`, { site: SITE_A }));

    expect(jira.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(error.details.retryAt).toBe(new Date(start + 30_000).toISOString());
  });

  it('stops retrying when repeated waits would pass the 8 s budget', async () => {
    const clock = installFakeClock(undefined, 0);
    const start = clock.now;
    const jira = scripted({ 'GET /rest/api/3/field': Array.from({ length: 10 }, () => tooManyRequests(3, 'jira-burst-based')) });

    const error = await rateLimitedError(callJiraJson('user', route`/rest/api/3/field`, { site: SITE_A }));

    // Sends at 0 s, 3 s, 6 s; the next wait would end at 9 s, past the budget.
    expect(jira.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([3000, 3000]);
    expect(clock.now - start).toBeLessThanOrEqual(8000);
    expect(error.details.retryAt).toBe(new Date(start + 9000).toISOString());
  });

  it('honours a caller deadline shorter than the default budget', async () => {
    const clock = installFakeClock();
    const jira = scripted({ 'GET /rest/api/3/field': [tooManyRequests(2, 'jira-burst-based')] });

    await rateLimitedError(callJiraJson('user', route`/rest/api/3/field`, { site: SITE_A, deadline: clock.now + 1000 }));

    expect(jira.requests).toHaveLength(1);
  });

  it('with a short wait budget (interactive calls), answers RATE_LIMITED at once for a long Retry-After', async () => {
    const clock = installFakeClock();
    const start = clock.now;
    const jira = scripted({ 'POST /rest/api/3/search/jql': [tooManyRequests(10, 'jira-burst-based')] });

    const error = await rateLimitedError(
      callJiraJson('app', route`/rest/api/3/search/jql`, {
        method: 'POST',
        body: { jql: 'sprint = 1' },
        site: SITE_A,
        deadline: start + 18_000,
        maxWaitMs: 2000,
      }),
    );

    expect(jira.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(error.details.retryAt).toBe(new Date(start + 10_000).toISOString());
  });

  it('with a short wait budget, still retries a short Retry-After transparently', async () => {
    const clock = installFakeClock(undefined, 0);
    const jira = scripted({ 'POST /rest/api/3/search/jql': [tooManyRequests(1, 'jira-burst-based')] });

    const answer = await callJiraJson('app', route`/rest/api/3/search/jql`, {
      method: 'POST',
      body: { jql: 'sprint = 1' },
      site: SITE_A,
      maxWaitMs: 2000,
    });

    expect(answer.status).toBe(200);
    expect(jira.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('without a wait budget (background jobs), waits a long Retry-After out within the deadline', async () => {
    const clock = installFakeClock(undefined, 0);
    const jira = scripted({ 'POST /rest/api/3/search/jql': [tooManyRequests(10, 'jira-burst-based')] });

    const answer = await callJiraJson('app', route`/rest/api/3/search/jql`, {
      method: 'POST',
      body: { jql: 'sprint = 1' },
      site: SITE_A,
      deadline: clock.now + 120_000,
    });

    expect(answer.status).toBe(200);
    expect(jira.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([10_000]);
  });

  it('after a quota 429, pauses every endpoint of that site but not another site', async () => {
    const clock = installFakeClock();
    const start = clock.now;
    const jira = scripted({ 'GET /rest/api/3/field': [tooManyRequests(20, 'jira-quota-based')] });
    await rateLimitedError(callJiraJson('user', route`/rest/api/3/field`, { site: SITE_A }));

    // Another endpoint on the same site: not even sent, the site is out of points.
    const error = await rateLimitedError(callJiraJson('app', route`/rest/api/3/myself`, { site: SITE_A }));
    expect(error.details.retryAt).toBe(new Date(start + 20_000).toISOString());
    expect(jira.requests).toHaveLength(1);

    // The other site is untouched: sent at once, no waiting.
    const other = await callJiraJson('user', route`/rest/api/3/myself`, { site: SITE_B });
    expect(other.status).toBe(200);
    expect(jira.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([]);
  });

  it('waits out a short site pause before sending, instead of failing', async () => {
    const clock = installFakeClock(undefined, 0);
    const start = clock.now;
    scripted({ 'PUT /rest/api/3/issue/1/properties/p': [tooManyRequests(4, 'jira-quota-based')] });
    await rateLimitedError(callJiraJson('user', route`/rest/api/3/issue/1/properties/p`, { method: 'PUT', body: {}, site: SITE_A }));

    const answer = await callJiraJson('user', route`/rest/api/3/myself`, { site: SITE_A });

    expect(answer.status).toBe(200);
    expect(clock.now - start).toBe(4000);
  });

  it('after a burst 429, slows only that endpoint of that site', async () => {
    const clock = installFakeClock(undefined, 0);
    const jira = scripted({ 'POST /rest/api/3/issue': [tooManyRequests(5, 'jira-burst-based')] });
    await rateLimitedError(callJiraJson('user', route`/rest/api/3/issue`, { method: 'POST', body: {}, site: SITE_A }));

    // A different endpoint of the same site goes straight through.
    await callJiraJson('user', route`/rest/api/3/myself`, { site: SITE_A });
    expect(clock.sleeps).toEqual([]);

    // The same endpoint on another site is not slowed either.
    await callJiraJson('user', route`/rest/api/3/issue`, { method: 'POST', body: {}, site: SITE_B });
    expect(clock.sleeps).toEqual([]);

    // The same endpoint waits for the pause first.
    await callJiraJson('user', route`/rest/api/3/issue`, { method: 'POST', body: {}, site: SITE_A });
    expect(clock.sleeps).toEqual([5000]);
    expect(jira.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /rest/api/3/issue',
      'GET /rest/api/3/myself',
      'POST /rest/api/3/issue',
      'POST /rest/api/3/issue',
    ]);
  });

  it('keeps other answers as they were: status and body reach the caller', async () => {
    installFakeJira(() => ({ status: 404, body: { errorMessages: ['Issue does not exist'] } }));

    const answer = await callJiraJson('user', route`/rest/api/3/issue/${'TEAM-1'}`, { site: SITE_A });

    expect(answer).toEqual({ status: 404, body: { errorMessages: ['Issue does not exist'] } });
  });

  it('keys older callers, which pass no site, by the invocation’s site so they share its pauses', async () => {
    installFakeClock();
    (globalThis as ForgeGlobals).__forge_runtime__ = {
      appContext: { appId: 'app', environmentId: 'env', installationId: 'inst-1', installation: { contexts: [{ cloudId: 'c-9' }] } },
      lambdaContext: { getRemainingTimeInMillis: () => 20_000 },
    };
    try {
      const jira = scripted({ 'GET /rest/api/3/field': [tooManyRequests(30, 'jira-quota-based')] });
      await rateLimitedError(callJiraJson('user', route`/rest/api/3/field`, { site: 'site:c-9' }));

      await rateLimitedError(callJiraJson('user', route`/rest/api/3/myself`));
      expect(jira.requests).toHaveLength(1);
    } finally {
      delete (globalThis as ForgeGlobals).__forge_runtime__;
    }
  });
});
