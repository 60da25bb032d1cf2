import api, { NeedsAuthenticationError, getAppContext, route, webTrigger } from '@forge/api';
import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import { kvs } from '@forge/kvs';
import Resolver from '@forge/resolver';
import { WORKBENCH_APP_ACCOUNT_ID } from '../../../../workbench/runtime/appHost';
import { aManifest, aRuntimeRig, type RuntimeRig } from '../../../support/runtimeFixtures';
import { MINIMAL_USERS } from '../../../support/minimalDataset';

/**
 * The host runs handlers the way Forge does; these tests call the real @forge/* libraries from
 * inside handlers and look at what reaches the (fake) Jira and the storage service.
 */
const MODULES = `  jira:projectPage:
    - key: project-page
      resource: main
      resolver:
        function: resolver
      title: Test
  trigger:
    - key: on-issue
      function: issue-trigger
      events: [avi:jira:updated:issue]
    - key: on-issue-not-self
      function: quiet-trigger
      events: [avi:jira:updated:issue]
      filter:
        ignoreSelf: true
  consumer:
    - key: work-consumer
      queue: work
      function: worker
    - key: legacy-consumer
      queue: legacy
      resolver:
        function: legacy-worker
        method: handle-event
  webtrigger:
    - key: my-hook
      function: hook
  function:
    - key: resolver
      handler: index.resolver
    - key: issue-trigger
      handler: index.issueTrigger
    - key: quiet-trigger
      handler: index.quietTrigger
    - key: worker
      handler: index.worker
    - key: legacy-worker
      handler: index.legacyWorker
    - key: hook
      handler: index.hook
`;

type Calls = Array<{ name: string; args: unknown[] }>;
/** What the `echo` resolver answers, after the trip through JSON. */
type Echo = { payload: unknown; context: unknown; at: string; appContext: { invocationId: string; remaining: number } };

function aRig(overrides: Record<string, unknown> = {}, options: { latencyMs?: number; maxEventAttempts?: number } = {}) {
  const calls: Calls = [];
  const record =
    (name: string, answer: (...args: unknown[]) => unknown = () => 'done') =>
    (...args: unknown[]) => {
      calls.push({ name, args });
      // Like an async function: an answer that throws becomes a rejection.
      return new Promise<unknown>((resolve) => resolve(answer(...args)));
    };
  const resolver = new Resolver();
  resolver.define('whoAmI', async () => {
    const asUser = await api.asUser().requestJira(route`/rest/api/3/myself`);
    const asApp = await api.asApp().requestJira(route`/rest/api/3/myself`);
    return { asUser: asUser.status, asApp: asApp.status };
  });
  resolver.define('echo', ({ payload, context }) => ({
    payload,
    context,
    at: new Date('2026-01-02T03:04:05.000Z'),
    appContext: { ...getAppContext(), remaining: getAppContext().invocationRemainingTimeInMillis() },
  }));
  resolver.define('enqueue', async ({ payload }) =>
    new Queue({ key: 'work' }).push((payload as { bodies: Array<Record<string, unknown>> }).bodies.map((body) => ({ body }))),
  );
  resolver.define('hookUrl', async () => webTrigger.getUrl('my-hook'));
  const legacy = new Resolver();
  legacy.define('handle-event', ({ payload, context }) => {
    calls.push({ name: 'legacy', args: [payload, context] });
  });
  const handlers: Record<string, unknown> = {
    'index.resolver': resolver.getDefinitions(),
    'index.issueTrigger': record('issueTrigger', () => ({ remaining: getAppContext().invocationRemainingTimeInMillis() })),
    'index.quietTrigger': record('quietTrigger'),
    'index.worker': record('worker'),
    'index.legacyWorker': legacy.getDefinitions(),
    'index.hook': record('hook', () => ({ statusCode: 204 })),
    ...overrides,
  };
  const rig = aRuntimeRig({ manifest: aManifest(MODULES), handlers, webTriggerBaseUrl: 'http://localhost:4321', ...options });
  return { ...rig, calls };
}

let rig: RuntimeRig & { calls: Calls };
afterEach(() => rig.host.close());

describe('resolvers', () => {
  it('calls the app as the invoking user through asUser and as the app through asApp', async () => {
    rig = aRig();
    const result = await rig.host.invokeResolver({ functionKey: 'whoAmI', payload: {}, accountId: MINIMAL_USERS.member, context: {} });
    expect(result).toEqual({ asUser: 200, asApp: 401 });
    expect(rig.jira.requests.map((request) => request.caller)).toEqual([
      { kind: 'user', accountId: MINIMAL_USERS.member },
      { kind: 'app' },
    ]);
  });

  it('fails asUser when the invocation has no user', async () => {
    rig = aRig();
    await expect(rig.host.invokeResolver({ functionKey: 'whoAmI', payload: {}, accountId: null, context: {} })).rejects.toBeInstanceOf(
      NeedsAuthenticationError,
    );
    expect(rig.jira.requests).toEqual([]);
  });

  it('passes payload and context the way @forge/resolver receives them, through JSON', async () => {
    rig = aRig();
    const extension = { type: 'jira:projectPage', project: { id: '10000', key: 'ITSM' } };
    const result = (await rig.host.invokeResolver({
      functionKey: 'echo',
      payload: { a: 1 },
      accountId: MINIMAL_USERS.viewer,
      context: { extension },
    })) as Echo;
    expect(result.payload).toEqual({ a: 1 });
    expect(result.context).toMatchObject({
      accountId: MINIMAL_USERS.viewer,
      cloudId: 'cloud-minimal',
      moduleKey: 'project-page',
      extension,
      installContext: 'ari:cloud:jira::site/cloud-minimal',
    });
    expect(result.at).toBe('2026-01-02T03:04:05.000Z');
    expect(result.appContext).toMatchObject({
      appAri: 'ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555',
      environmentType: 'DEVELOPMENT',
      moduleKey: 'project-page',
      invocationId: expect.any(String),
    });
    expect(result.appContext.remaining).toBeGreaterThan(24_000);
    expect(result.appContext.remaining).toBeLessThanOrEqual(25_000);
  });

  it('gives each invocation its own id', async () => {
    rig = aRig();
    const ids = await Promise.all(
      [1, 2].map(
        async () =>
          ((await rig.host.invokeResolver({ functionKey: 'echo', payload: {}, accountId: 'x', context: {} })) as Echo).appContext
            .invocationId,
      ),
    );
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('adds the configured latency to every Jira request', async () => {
    rig = aRig({}, { latencyMs: 60 });
    const started = Date.now();
    await rig.host.invokeResolver({ functionKey: 'whoAmI', payload: {}, accountId: MINIMAL_USERS.member, context: {} });
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('hands out local web trigger URLs', async () => {
    rig = aRig();
    expect(await rig.host.invokeResolver({ functionKey: 'hookUrl', payload: {}, accountId: 'x', context: {} })).toBe(
      'http://localhost:4321/webtrigger/my-hook',
    );
  });
});

describe('product events', () => {
  it('calls every listening trigger with the event and no user', async () => {
    rig = aRig();
    const event = { issue: { id: '10101', key: 'ITSM-1' }, atlassianId: MINIMAL_USERS.member };
    const results = await rig.host.deliverProductEvent('avi:jira:updated:issue', event);
    expect(results.map((result) => [result.triggerKey, result.outcome])).toEqual([
      ['on-issue', 'ok'],
      ['on-issue-not-self', 'ok'],
    ]);
    const [delivered, context] = rig.calls[0]?.args ?? [];
    expect(delivered).toEqual({ ...event, eventType: 'avi:jira:updated:issue' });
    expect(context).toMatchObject({ installContext: 'ari:cloud:jira::site/cloud-minimal' });
    const remaining = (results[0]?.result as { remaining: number }).remaining;
    expect(remaining).toBeGreaterThan(25_000);
    expect(remaining).toBeLessThanOrEqual(55_000);
    expect(await rig.host.deliverProductEvent('avi:jira:created:issue', event)).toEqual([]);
  });

  it('skips ignoreSelf triggers for events the app caused', async () => {
    rig = aRig();
    const results = await rig.host.deliverProductEvent('avi:jira:updated:issue', {
      issue: { key: 'ITSM-1' },
      atlassianId: WORKBENCH_APP_ACCOUNT_ID,
    });
    expect(results.map((result) => [result.triggerKey, result.outcome])).toEqual([
      ['on-issue', 'ok'],
      ['on-issue-not-self', 'skipped'],
    ]);
    expect(rig.calls.map((call) => call.name)).toEqual(['issueTrigger']);
  });

  it('fails asUser inside a trigger', async () => {
    rig = aRig({ 'index.issueTrigger': async () => api.asUser().requestJira(route`/rest/api/3/myself`) });
    const [result] = await rig.host.deliverProductEvent('avi:jira:updated:issue', { atlassianId: MINIMAL_USERS.member });
    expect(result).toMatchObject({ outcome: 'error', error: expect.stringContaining('Authentication') });
  });
});

describe('async events', () => {
  it('delivers pushed events to the queue consumer when drained', async () => {
    rig = aRig();
    const pushed = (await rig.host.invokeResolver({
      functionKey: 'enqueue',
      payload: { bodies: [{ n: 1 }, { n: 2 }] },
      accountId: 'x',
      context: {},
    })) as { jobId: string };
    expect(rig.calls).toEqual([]);
    await rig.host.drainQueues();
    const events = rig.calls.filter((call) => call.name === 'worker').map((call) => call.args[0]);
    expect(events).toEqual([
      expect.objectContaining({ body: { n: 1 }, queueName: 'work', jobId: pushed.jobId, eventId: expect.any(String) }),
      expect.objectContaining({ body: { n: 2 }, queueName: 'work', jobId: pushed.jobId }),
    ]);
    expect(rig.host.pendingCount()).toBe(0);
  });

  it('gives the resolver-form consumer the body as payload', async () => {
    rig = aRig();
    await new Queue({ key: 'legacy' }).push({ body: { hello: 'world' } });
    await rig.host.drainQueues();
    expect(rig.calls.find((call) => call.name === 'legacy')?.args[0]).toEqual({ hello: 'world' });
  });

  it('re-delivers an event whose handler returns InvocationError, with its retry context', async () => {
    let attempts = 0;
    rig = aRig({
      'index.worker': (event: { retryContext?: unknown }) => {
        attempts += 1;
        rig.calls.push({ name: 'worker', args: [event] });
        const retry = { retryAfter: 30, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED, retryData: { page: 2 } };
        return Promise.resolve(attempts === 1 ? new InvocationError(retry) : undefined);
      },
    });
    await new Queue({ key: 'work' }).push({ body: { n: 1 } });
    const started = Date.now();
    await rig.host.drainQueues();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(rig.host.queueAttempts.map((attempt) => [attempt.attempt, attempt.outcome])).toEqual([
      [1, 'retry'],
      [2, 'ok'],
    ]);
    expect(rig.calls[1]?.args[0]).toMatchObject({
      retryContext: { retryCount: 1, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { page: 2 } },
    });
  });

  it('stops retrying after the attempt limit', async () => {
    rig = aRig({ 'index.worker': () => Promise.resolve(new InvocationError()) }, { maxEventAttempts: 3 });
    await new Queue({ key: 'work' }).push({ body: { n: 1 } });
    await rig.host.drainQueues();
    expect(rig.host.queueAttempts.map((attempt) => attempt.outcome)).toEqual(['retry', 'retry', 'dropped']);
  });

  it('refuses a push to a queue no consumer reads', async () => {
    rig = aRig();
    await expect(new Queue({ key: 'nobody' }).push({ body: {} })).rejects.toThrow(/nobody/);
  });

  it('delivers on its own in the background', async () => {
    rig = aRig();
    rig.host.startBackgroundDraining();
    await new Queue({ key: 'work' }).push({ body: { n: 1 } });
    for (let i = 0; i < 50 && rig.calls.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(rig.calls.map((call) => call.name)).toEqual(['worker']);
  });
});

describe('globals', () => {
  it('serve the older @forge/api nested under @forge/kvs too', async () => {
    rig = aRig();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a nested copy of the package, by its path
    const nested = require('@forge/kvs/node_modules/@forge/api') as typeof import('@forge/api');
    const response = await nested.asApp().requestJira(nested.route`/rest/api/3/myself`);
    expect(response.status).toBe(401);
    expect(rig.jira.requests).toHaveLength(1);
  });

  it('follow the newest platform, and the one re-activated', async () => {
    const first = aRig();
    rig = aRig();
    await kvs.set('where', 'second');
    expect(rig.store.get('kvs', 'where')).toMatchObject({ value: 'second' });
    expect(first.store.size('kvs')).toBe(0);
    first.host.activate();
    await kvs.set('where', 'first');
    expect(first.store.get('kvs', 'where')).toMatchObject({ value: 'first' });
    first.host.close();
    rig.host.activate();
  });

  it('invokes web trigger functions without a user', async () => {
    rig = aRig();
    const result = await rig.host.invokeFunction('hook', { method: 'POST', body: '{}' }, {});
    expect(result).toEqual({ statusCode: 204 });
    expect(rig.calls[0]?.args[0]).toEqual({ method: 'POST', body: '{}' });
  });
});
