import { buildDemoDataset } from '../../workbench/datasets/demoDataset';
import type { Dataset } from '../../workbench/datasets/datasetSchema';
import { createWorkbenchPlatform, type WorkbenchPlatform } from '../../workbench/platform';
import { startWorkbenchServer, type WorkbenchServer } from '../../workbench/server';

/** The workbench's HTTP API, over real HTTP: users, seeding, acting users, invoke, request log. */
let platform: WorkbenchPlatform;
let server: WorkbenchServer;
let dataset: Dataset;

function accountOf(role: Dataset['users'][number]['role']): string {
  const user = dataset.users.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`The demo dataset has no ${role}.`);
  return user.accountId;
}

async function call(method: string, path: string, options: { as?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(options.as ? { 'X-Workbench-Account': options.as } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

const panelContext = (issue: { key?: string; id?: string }) => ({
  moduleKey: 'process-loop-issue-panel',
  extension: { type: 'jira:issuePanel', issue },
});

beforeAll(async () => {
  dataset = buildDemoDataset();
  platform = createWorkbenchPlatform({ dataFile: null, dataset });
  server = await startWorkbenchServer({ port: 0, platform });
});

afterAll(async () => {
  await server?.close();
  platform?.close();
});

describe('workbench HTTP API', () => {
  it('lists the users with their roles', async () => {
    const { status, body } = await call('GET', '/workbench/users');
    expect(status).toBe(200);
    const roles = new Set((body as Array<{ role: string }>).map((user) => user.role));
    expect([...roles].sort()).toEqual(['admin', 'apo', 'asm', 'member', 'outsider', 'viewer']);
    expect(body).toEqual(expect.arrayContaining([{ accountId: accountOf('outsider'), displayName: expect.any(String), role: 'outsider' }]));
  });

  it('rejects a bad dataset with the path of the bad field, and keeps the data it had', async () => {
    const [first, ...rest] = dataset.issues;
    const broken = { ...dataset, issues: [{ ...first, statusId: '99999' }, ...rest] };
    const { status, body } = await call('POST', '/workbench/seed', { body: { dataset: broken } });
    expect(status).toBe(400);
    expect((body as { error: { problems: Array<{ path: string }> } }).error.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'issues.0.statusId' })]),
    );
    expect((await call('GET', '/rest/api/3/issue/ITSM-1', { as: accountOf('member') })).status).toBe(200);
  });

  it('answers Jira as the user named by X-Workbench-Account (anonymous: 401)', async () => {
    const member = await call('GET', '/rest/api/3/issue/ITSM-1?fields=summary', { as: accountOf('member') });
    expect(member.status).toBe(200);
    expect(member.body).toMatchObject({ key: 'ITSM-1', fields: { summary: expect.any(String) } });
    expect((await call('GET', '/rest/api/3/issue/ITSM-1', { as: accountOf('outsider') })).status).toBe(404);
    expect((await call('GET', '/rest/api/3/issue/ITSM-1')).status).toBe(401);
    expect((await call('GET', '/rest/api/3/myself', { as: 'no-such-account' })).status).toBe(400);
  });

  it('invokes resolvers with the context the host builds from Jira, not the one the caller claims', async () => {
    const { status, body } = await call('POST', '/workbench/invoke', {
      as: accountOf('member'),
      body: { functionKey: 'getIssueProcessPanel', payload: {}, context: panelContext({ key: 'ITSM-1', id: '99999' }) },
    });
    expect(status).toBe(200);
    const real = dataset.issues.find((issue) => issue.key === 'ITSM-1');
    expect(body).toMatchObject({ ok: true, data: { issue: { key: 'ITSM-1', id: real?.id } } });

    const missing = await call('POST', '/workbench/invoke', {
      as: accountOf('member'),
      body: { functionKey: 'getIssueProcessPanel', payload: {}, context: panelContext({ key: 'ITSM-9999' }) },
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { path: 'context.extension.issue' } });
  });

  it('counts Jira requests and rate-limit points, and answers 400/404 clearly', async () => {
    await call('DELETE', '/workbench/requests');
    await call('GET', '/rest/api/3/issue/ITSM-1', { as: accountOf('member') });
    const log = await call('GET', '/workbench/requests');
    expect(log.body).toMatchObject({ totals: { requests: 1, returnedObjects: 1, rateLimitPoints: 2 } });

    expect(await call('POST', '/workbench/events', { body: '{not json' })).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('JSON') } },
    });
    expect(await call('POST', '/workbench/events', { body: { event: {} } })).toMatchObject({
      status: 400,
      body: { error: { problems: [expect.objectContaining({ path: 'eventType' })] } },
    });
    expect(await call('GET', '/workbench/nothing-here')).toMatchObject({ status: 404, body: { error: { message: expect.any(String) } } });
  });
  it('answers 400 naming a function key the module does not expose', async () => {
    const { status, body } = await call('POST', '/workbench/invoke', {
      as: accountOf('admin'),
      body: { functionKey: 'rotateWebTriggerSecret', payload: {}, context: panelContext({ key: 'ITSM-1' }) },
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { message: expect.stringContaining('"rotateWebTriggerSecret"'), path: 'functionKey' } });
  });

  it("keeps its own context look-ups out of the app's rate limits and request log", async () => {
    await call('DELETE', '/workbench/requests');
    const limits = { rules: [{ pathPrefix: '/rest/api/3/', count: 1000, retryAfterSeconds: 30, reason: 'jira-quota-based' }] };
    expect((await call('POST', '/workbench/rate-limits', { body: limits })).status).toBe(200);
    try {
      const { status, body } = await call('POST', '/workbench/invoke', {
        as: accountOf('member'),
        body: { functionKey: 'getIssueProcessPanel', payload: {}, context: panelContext({ key: 'ITSM-1' }) },
      });
      // The context was built (no "there is no issue ITSM-1"); the app's own Jira call is the one rate limited.
      expect(status).toBe(200);
      expect(body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
      const log = (await call('GET', '/workbench/requests')).body as { requests: Array<{ status: number }> };
      expect(log.requests.length).toBeGreaterThan(0);
      expect(log.requests.every((entry) => entry.status === 429)).toBe(true);
    } finally {
      await call('POST', '/workbench/rate-limits', { body: { rules: [] } });
    }
  });

  // Last: it deletes an issue of the shared dataset.
  it('deletes an issue as the acting user and delivers Jira’s issue-deleted event to the app', async () => {
    const issue = dataset.issues[dataset.issues.length - 1]!;
    const { status, body } = await call('POST', `/workbench/issues/${issue.key}/delete`, { as: accountOf('admin') });
    expect(status).toBe(200);
    expect(body).toEqual({
      deleted: issue.key,
      deliveries: [
        expect.objectContaining({ triggerKey: 'process-loop-issue-deleted', result: { outcome: 'forgotten', issueId: issue.id } }),
      ],
    });
    expect((await call('GET', `/rest/api/3/issue/${issue.key}`, { as: accountOf('admin') })).status).toBe(404);
    expect(await call('POST', `/workbench/issues/${issue.key}/delete`, { as: accountOf('admin') })).toMatchObject({ status: 404 });
  });
});
