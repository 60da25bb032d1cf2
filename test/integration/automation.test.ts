import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';
import frozenV1 from '../unit/useCases/sprintHealth/fixtures/frozenResultV1.json';
import { aProcessInput, aValueStreamInput } from '../builders/catalogBuilders';
import { runActionAsRule } from '../../workbench/automation/runAction';
import { signRequest } from '../../src/webtrigger/signature';
import type { JiraStandIn } from '../../workbench/jira/jiraStandIn';
import type { StoredIssue } from '../../workbench/jira/jiraState';
import { issuePropertyAsApp } from '../support/issueProperties';

/**
 * Automation through the emulated platform: the inheritance trigger, the three actions
 * run as a rule would run them, and the signed web trigger.
 */
let wb: TestWorkbench;
const STORY = '10001';
const EPIC = '10000';

beforeEach(async () => {
  wb = await createTestWorkbench();
  await seedCatalog();
});
afterEach(() => {
  wb.expectNoContractViolations();
  wb.close();
});

async function seedCatalog() {
  const { admin, apo, asm } = wb.users;
  await wb.invoke(admin, 'saveValueStream', { valueStream: aValueStreamInput({ ownerAccountId: admin }), expectedVersion: null });
  for (const process of [
    aProcessInput({ key: 'INC', apoAccountId: apo, asmAccountId: asm }),
    aProcessInput({ key: 'CHG', name: 'Change enablement', apoAccountId: apo, asmAccountId: asm, stageId: 'detect' }),
    aProcessInput({ key: 'NET', name: 'Network operations', apoAccountId: apo, asmAccountId: asm, stageId: null, valueStreamKey: null }),
  ]) {
    expect(await wb.invoke(admin, 'saveProcess', { process, expectedVersion: null })).toMatchObject({ ok: true });
  }
}

/** The default platform's Jira is the stand-in, which can also create and change issues directly. */
const standIn = () => wb.jira;

function anIssue(overrides: Partial<Parameters<JiraStandIn['createIssue']>[0]> = {}): StoredIssue {
  return standIn().createIssue({
    projectKey: 'ITSM',
    issueTypeId: STORY,
    summary: 'Printer on fire',
    reporterAccountId: wb.users.member,
    ...overrides,
  });
}

const createdEvent = (issue: StoredIssue) => ({
  issue: { id: issue.id, key: issue.key, fields: { summary: issue.summary } },
  atlassianId: issue.reporterAccountId,
});
const parentChangedEvent = (issue: StoredIssue, from: string | null, to: string) => ({
  issue: { id: issue.id, key: issue.key },
  atlassianId: wb.users.member,
  changelog: { items: [{ field: 'IssueParentAssociation', fieldId: 'parent', from, to }] },
});

const linkOf = (key: string) => issuePropertyAsApp(wb, key, 'process-loop-link');

async function linkAsPerson(key: string, processKey: string) {
  const response = await wb.jira.handle({
    method: 'GET',
    pathWithQuery: `/rest/api/3/issue/${key}?fields=project`,
    headers: {},
    caller: { kind: 'app' },
  });
  const bean = JSON.parse(response.body) as { id: string; key: string; fields: { project: { id: string; key: string } } };
  const context = {
    extension: {
      type: 'jira:issuePanel',
      issue: { id: bean.id, key: bean.key },
      project: { id: bean.fields.project.id, key: bean.fields.project.key, type: 'software' },
    },
  };
  expect(await wb.invoke(wb.users.member, 'linkIssueToProcess', { processKey }, context)).toMatchObject({ ok: true });
}

/** The inheritance trigger's delivery (other features listen to the same events). */
const inheritance = (results: Awaited<ReturnType<TestWorkbench['deliverEvent']>>) =>
  results.find((result) => result.triggerKey === 'process-loop-issue-inheritance');

const propertyWrites = () =>
  wb.jira.requestLog.filter((entry) => entry.method === 'PUT' && entry.path.endsWith('/properties/process-loop-link')).length;

describe('issue created / parent changed: inheritance and auto-link rules', () => {
  it('inherits the epic’s process link, recorded as set by the app', async () => {
    const epic = anIssue({ issueTypeId: EPIC, summary: 'Q3 outages' });
    await linkAsPerson(epic.key, 'CHG');
    const story = anIssue({ parentKey: epic.key });
    const results = await wb.deliverEvent('avi:jira:created:issue', createdEvent(story));
    expect(inheritance(results)).toMatchObject({ outcome: 'ok', result: { outcome: 'linked' } });
    expect(await linkOf(story.key)).toMatchObject({
      processKey: 'CHG',
      stageName: 'Detect',
      source: 'inherited',
      linkedBy: 'process-loop-app',
    });
  });

  it('applies the first matching auto-link rule when there is no parent link', async () => {
    const saved = await wb.invoke(wb.users.admin, 'saveAutoLinkRules', {
      rules: [
        { id: 'net', kind: 'component', value: 'Network', processKey: 'NET' },
        { id: 'outage', kind: 'label', value: 'outage', processKey: 'INC' },
      ],
      expectedVersion: 0,
    });
    expect(saved).toMatchObject({ ok: true, data: { outcome: 'saved', autoLinkRules: { version: 1 } } });
    const both = anIssue({ components: ['Network'], labels: ['outage'] });
    const labelOnly = anIssue({ labels: ['outage'] });
    const neither = anIssue();
    for (const issue of [both, labelOnly, neither]) await wb.deliverEvent('avi:jira:created:issue', createdEvent(issue));
    expect(await linkOf(both.key)).toMatchObject({ processKey: 'NET', source: 'auto-rule' });
    expect(await linkOf(labelOnly.key)).toMatchObject({ processKey: 'INC', source: 'auto-rule' });
    expect(await linkOf(neither.key)).toBeUndefined();
  });

  it('lets only Jira admins change the rules', async () => {
    const result = await wb.invoke(wb.users.apo, 'saveAutoLinkRules', {
      rules: [{ id: 'x', kind: 'label', value: 'x', processKey: 'INC' }],
      expectedVersion: 0,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('never overwrites a link a person set when the parent changes', async () => {
    const epic = anIssue({ issueTypeId: EPIC });
    await linkAsPerson(epic.key, 'INC');
    const story = anIssue();
    await linkAsPerson(story.key, 'NET');
    standIn().applyIssueUpdate(story.key, { parentKey: epic.key }, { authorAccountId: wb.users.member, at: new Date() });
    const result = inheritance(await wb.deliverEvent('avi:jira:updated:issue', parentChangedEvent(story, null, epic.id)));
    expect(result?.result).toMatchObject({ outcome: 'kept', reason: 'set-by-person' });
    expect(await linkOf(story.key)).toMatchObject({ processKey: 'NET', linkedBy: wb.users.member, source: 'person' });
  });

  it('never overwrites a person’s link rewritten through the REST API to look inherited', async () => {
    const epic = anIssue({ issueTypeId: EPIC });
    await linkAsPerson(epic.key, 'INC');
    const story = anIssue();
    await linkAsPerson(story.key, 'NET');
    const forged = { ...(await linkOf(story.key)), source: 'inherited' };
    const put = await wb.jira.handle({
      method: 'PUT',
      pathWithQuery: `/rest/api/3/issue/${story.key}/properties/process-loop-link`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(forged),
      caller: { kind: 'user', accountId: wb.users.member },
    });
    expect(put.status).toBe(200);
    standIn().applyIssueUpdate(story.key, { parentKey: epic.key }, { authorAccountId: wb.users.member, at: new Date() });
    const result = inheritance(await wb.deliverEvent('avi:jira:updated:issue', parentChangedEvent(story, null, epic.id)));
    expect(result?.result).toMatchObject({ outcome: 'kept', reason: 'set-by-person' });
    expect(await linkOf(story.key)).toMatchObject({ processKey: 'NET', source: 'inherited' });
  });

  it('follows the new parent when an inherited link’s issue moves', async () => {
    const [incEpic, chgEpic] = [anIssue({ issueTypeId: EPIC }), anIssue({ issueTypeId: EPIC })];
    await linkAsPerson(incEpic.key, 'INC');
    await linkAsPerson(chgEpic.key, 'CHG');
    const story = anIssue({ parentKey: incEpic.key });
    await wb.deliverEvent('avi:jira:created:issue', createdEvent(story));
    standIn().applyIssueUpdate(story.key, { parentKey: chgEpic.key }, { authorAccountId: wb.users.member, at: new Date() });
    await wb.deliverEvent('avi:jira:updated:issue', parentChangedEvent(story, incEpic.id, chgEpic.id));
    expect(await linkOf(story.key)).toMatchObject({ processKey: 'CHG', source: 'inherited' });
  });

  it('ignores updates that did not change the parent', async () => {
    const story = anIssue({ labels: ['outage'] });
    const result = inheritance(
      await wb.deliverEvent('avi:jira:updated:issue', {
        issue: { id: story.id, key: story.key },
        changelog: { items: [{ field: 'summary', fieldId: 'summary' }] },
      }),
    );
    expect(result?.result).toEqual({ outcome: 'ignored', reason: 'parent-unchanged' });
  });

  it('has one effect when the same event arrives twice', async () => {
    const epic = anIssue({ issueTypeId: EPIC });
    await linkAsPerson(epic.key, 'INC');
    const story = anIssue({ parentKey: epic.key });
    const before = propertyWrites();
    await wb.deliverEvent('avi:jira:created:issue', createdEvent(story));
    const first = await linkOf(story.key);
    const again = inheritance(await wb.deliverEvent('avi:jira:created:issue', createdEvent(story)));
    expect(again?.result).toMatchObject({ outcome: 'kept', reason: 'unchanged' });
    expect(propertyWrites() - before).toBe(1);
    expect(await linkOf(story.key)).toEqual(first);
  });

  it('is not woken by the app’s own writes (ignoreSelf)', async () => {
    const story = anIssue();
    const results = await wb.deliverEvent('avi:jira:updated:issue', parentChangedEvent(story, null, '1'), { byApp: true });
    expect(results).toContainEqual(expect.objectContaining({ triggerKey: 'process-loop-issue-inheritance', outcome: 'skipped' }));
  });

  it('asks Forge to retry later on a Jira 429, and links on the retry', async () => {
    const epic = anIssue({ issueTypeId: EPIC });
    await linkAsPerson(epic.key, 'INC');
    const story = anIssue({ parentKey: epic.key });
    wb.jira.setRateLimits([
      { pathPrefix: `/rest/api/3/issue/${story.id}/properties`, count: 1, retryAfterSeconds: 1, reason: 'jira-burst-based' },
    ]);
    const first = inheritance(await wb.deliverEvent('avi:jira:created:issue', createdEvent(story)));
    expect(first).toMatchObject({
      outcome: 'retry',
      result: { _retry: true, retryOptions: { retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED' } },
    });
    expect(await linkOf(story.key)).toBeUndefined();
    await wb.drainQueues();
    expect(await linkOf(story.key)).toMatchObject({ processKey: 'INC', source: 'inherited' });
  });
});

describe('automation actions, run as a rule runs them', () => {
  const run = (actionKey: string, inputs: Record<string, unknown>, actorAccountId: string, issueKey?: string) =>
    runActionAsRule(wb.host, { actionKey, inputs, actorAccountId, ...(issueKey ? { issueKey } : {}) });

  it('links the rule’s work item as the rule actor', async () => {
    const result = await run(
      'link-work-item-to-process',
      { issueKey: '{{issue.key}}', processKey: 'inc', stageId: 'detect' },
      wb.users.member,
      'ITSM-1',
    );
    expect(result).toMatchObject({
      outcome: 'succeeded',
      result: { issueKey: 'ITSM-1', processKey: 'INC', stageName: 'Detect', changed: true },
    });
    expect(await linkOf('ITSM-1')).toMatchObject({ processKey: 'INC', stageId: 'detect', linkedBy: wb.users.member, source: 'automation' });
  });

  it.each([
    ['a bad process key', { issueKey: 'ITSM-1', processKey: '1' }, /processKey/],
    ['a missing issue key', { processKey: 'INC' }, /issueKey/],
    ['an unknown process', { issueKey: 'ITSM-1', processKey: 'NOPE' }, /no process with key NOPE/],
    ['a stage outside the stream', { issueKey: 'ITSM-1', processKey: 'INC', stageId: 'nowhere' }, /stage/],
  ])('stops the rule on %s with a message, and writes nothing', async (_what, inputs, message) => {
    const result = await run('link-work-item-to-process', inputs, wb.users.member);
    expect(result.outcome).toBe('failed');
    expect(result.errors.join(' ')).toMatch(message);
    expect(result.errors[0]).toMatch(/^Link work item to process: /);
    expect(await linkOf('ITSM-1')).toBeUndefined();
  });

  it('stops the rule when the actor may not edit the issue', async () => {
    const result = await run('link-work-item-to-process', { issueKey: 'ITSM-1', processKey: 'INC' }, wb.users.viewer);
    expect(result.outcome).toBe('failed');
    expect(result.errors[0]).toMatch(/not allowed/);
    expect(await linkOf('ITSM-1')).toBeUndefined();
  });

  it('stops the rule when the actor cannot see the issue at all', async () => {
    const result = await run('link-work-item-to-process', { issueKey: 'ITSM-1', processKey: 'INC' }, wb.users.outsider);
    expect(result.outcome).toBe('failed');
    expect(result.errors[0]).toMatch(/ITSM-1/);
  });

  it('creates an improvement story and outputs its key for later steps', async () => {
    const result = await run(
      'create-process-improvement-story',
      {
        projectKey: '{{project.key}}',
        processKey: 'INC',
        summary: 'a runbook per service',
        hypothesis: 'runbooks shorten restores',
        measure: 'MTTR',
        kpiId: 'mttr',
        baseline: '6',
        target: 4,
      },
      wb.users.member,
      'ITSM-1',
    );
    expect(result).toMatchObject({ outcome: 'succeeded', result: { issueKey: expect.stringMatching(/^ITSM-\d+$/) } });
    const key = (result.result as { issueKey: string }).issueKey;
    expect(await linkOf(key)).toMatchObject({ processKey: 'INC' });
  });

  it.each([
    ['a blank summary', { summary: '  ', hypothesis: 'x' }, /summary: "I want" is required/],
    [
      'a baseline that is not a number',
      { summary: 's', hypothesis: 'x', measure: 'MTTR', baseline: 'lots', target: 4 },
      /baseline: The baseline must be a number/,
    ],
    ['a measure with a baseline but no target', { summary: 's', hypothesis: 'x', measure: 'MTTR', baseline: 5 }, /target: Give both/],
  ])('refuses a story with %s before creating anything', async (_what, inputs, message) => {
    const creates = () => wb.jira.requestLog.filter((entry) => entry.method === 'POST' && entry.path === '/rest/api/3/issue').length;
    const before = creates();
    const result = await run('create-process-improvement-story', { projectKey: 'ITSM', processKey: 'INC', ...inputs }, wb.users.member);
    expect(result.outcome).toBe('failed');
    expect(result.errors[0]).toMatch(message);
    expect(creates()).toBe(before);
  });

  it('refuses a story when the actor may not create issues there', async () => {
    const result = await run(
      'create-process-improvement-story',
      { projectKey: 'ITSM', processKey: 'INC', summary: 'x', hypothesis: 'y' },
      wb.users.viewer,
    );
    expect(result.outcome).toBe('failed');
    expect(result.errors[0]).toMatch(/Create process improvement story: /);
  });

  it('rejects a KPI reading for a KPI the process does not have', async () => {
    const result = await run('record-kpi-reading', { projectKey: 'ITSM', processKey: 'INC', kpi: 'Happiness', value: '3' }, wb.users.apo);
    expect(result.outcome).toBe('failed');
    expect(result.errors[0]).toMatch(/no KPI "Happiness".*Mean time to restore/);
  });

  it('rejects a KPI reading that is not a number', async () => {
    const result = await run('record-kpi-reading', { projectKey: 'ITSM', processKey: 'INC', kpi: 'mttr', value: 'fast' }, wb.users.apo);
    expect(result.outcome).toBe('failed');
    expect(result.errors[0]).toMatch(/value: The value must be a number/);
  });

  it('records a KPI reading in the active sprint’s review as the APO, once', async () => {
    const result = await run(
      'record-kpi-reading',
      { projectKey: 'ITSM', processKey: 'INC', kpi: 'Mean time to restore', value: '3.5' },
      wb.users.apo,
    );
    expect(result).toMatchObject({ outcome: 'succeeded', result: { kpiId: 'mttr', value: 3.5, changed: true } });
    const sprintId = (result.result as { sprintId: number }).sprintId;
    const again = await run(
      'record-kpi-reading',
      { projectKey: 'ITSM', processKey: 'INC', kpi: 'mttr', value: 3.5, sprintId: String(sprintId) },
      wb.users.apo,
    );
    expect(again).toMatchObject({ outcome: 'succeeded', result: { changed: false } });
  });

  it('refuses a KPI reading from someone who may not edit the review', async () => {
    const result = await run('record-kpi-reading', { projectKey: 'ITSM', processKey: 'INC', kpi: 'mttr', value: 2 }, wb.users.member);
    expect(result.outcome).toBe('failed');
    expect(result.errors[0]).toMatch(/not allowed/);
  });

  it('validates form inputs through the resolver the configuration form calls', async () => {
    const form = { moduleKey: 'record-kpi-reading' };
    const result = await wb.invoke(
      wb.users.admin,
      'validateAutomationInputs',
      { actionKey: 'record-kpi-reading', inputs: { processKey: 'INC', kpi: 'mttr', value: 'x', projectKey: 'ITSM' } },
      form,
    );
    expect(result).toMatchObject({ ok: true, data: { valid: false, fields: { value: expect.stringMatching(/number/) } } });
  });

  it('keeps each surface to its own keys: the configuration form cannot rotate the secret, the issue panel cannot save rules', async () => {
    const rotate = wb.invoke(wb.users.admin, 'rotateWebTriggerSecret', {}, { moduleKey: 'record-kpi-reading' });
    await expect(rotate).rejects.toThrow(/rotateWebTriggerSecret/);
    const panel = { moduleKey: 'process-loop-issue-panel', extension: { type: 'jira:issuePanel', issue: { id: '10001', key: 'ITSM-1' } } };
    await expect(wb.invoke(wb.users.admin, 'saveAutoLinkRules', { rules: [], expectedVersion: 0 }, panel)).rejects.toThrow(
      /saveAutoLinkRules/,
    );
    const settings = await wb.invoke(wb.users.admin, 'getAutomationSettings', {});
    expect(settings).toMatchObject({ ok: true, data: { webTrigger: { rotatedAt: null }, autoLinkRules: { version: 0 } } });
  });
});

describe('the automation web trigger', () => {
  const call = (body: string, headers: Record<string, string> = {}) =>
    wb.host.invokeFunction('automation-webhook', {
      method: 'POST',
      path: '/',
      body,
      headers: Object.fromEntries(
        Object.entries({ 'content-type': 'application/json', ...headers }).map(([name, value]) => [name, [value]]),
      ),
    }) as Promise<{ statusCode: number; body: string }>;
  const signedHeaders = (secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) => ({
    'x-process-loop-timestamp': String(timestamp),
    'x-process-loop-signature': `sha256=${signRequest(secret, timestamp, body)}`,
  });
  const linkBody = JSON.stringify({ action: 'link-issue', issueKey: 'ITSM-2', processKey: 'INC' });

  async function rotate(): Promise<string> {
    const result = (await wb.invoke(wb.users.admin, 'rotateWebTriggerSecret', {})) as { ok: true; data: { secret: string; url: string } };
    expect(result).toMatchObject({
      ok: true,
      data: {
        secret: expect.stringMatching(/^[0-9a-f]{64}$/),
        url: expect.stringContaining('/webtrigger/process-loop-automation-webhook'),
      },
    });
    return result.data.secret;
  }

  it('links an issue for a correctly signed request', async () => {
    const secret = await rotate();
    const response = await call(linkBody, signedHeaders(secret, linkBody));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ issueKey: 'ITSM-2', processKey: 'INC', changed: true });
    expect(await linkOf('ITSM-2')).toMatchObject({ processKey: 'INC', source: 'automation' });
  });

  it('answers a process’s latest health (none stored yet: null)', async () => {
    const secret = await rotate();
    const body = JSON.stringify({ action: 'process-health', processKey: 'INC', boardId: 1 });
    const response = await call(body, signedHeaders(secret, body));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ processKey: 'INC', sprint: null, health: null, incompleteData: null });
  });

  it('says whether the latest score rested on incomplete data, also for a trend point stored before that was kept', async () => {
    const secret = await rotate();
    const body = JSON.stringify({ action: 'process-health', processKey: 'INC', boardId: 1 });
    // Each signature is accepted once: every ask is signed at another second.
    let asked = 0;
    const latest = async () => {
      asked += 1;
      const headers = signedHeaders(secret, body, Math.floor(Date.now() / 1000) - asked);
      return JSON.parse((await call(body, headers)).body) as Record<string, unknown>;
    };
    const point = (sprintId: number, extra: object) => ({
      sprintId,
      sprintName: `Sprint ${sprintId}`,
      completeDate: null,
      scores: { INC: { score: 70, band: 'amber' } },
      ...extra,
    });
    const storeRaw = (key: string, value: unknown) => expect(wb.kvs.handle('/api/v1/set', { key, value }).status).toBeLessThan(300);

    storeRaw('sprint-health:trend:1:000000000000001:21', point(21, { incompleteData: ['INC'] }));
    expect(await latest()).toMatchObject({ sprint: { id: 21 }, health: { score: 70 }, incompleteData: true });
    storeRaw('sprint-health:trend:1:000000000000002:22', point(22, { incompleteData: ['CHG'] }));
    expect(await latest()).toMatchObject({ sprint: { id: 22 }, incompleteData: false });

    // Written by an earlier version: without its frozen result it is not known; with it, the frozen row tells.
    const legacySprint = frozenV1.head.meta.sprint.id;
    storeRaw(`sprint-health:trend:1:000000000000003:${legacySprint}`, point(legacySprint, {}));
    expect(await latest()).toMatchObject({ sprint: { id: legacySprint }, incompleteData: null });
    const asInc = (item: unknown) => (Array.isArray(item) ? item : { row: { ...(item as { row: object }).row, processKey: 'INC' } });
    storeRaw(frozenV1.chunkKey, frozenV1.chunk.map(asInc));
    storeRaw(frozenV1.key, frozenV1.head);
    expect(await latest()).toMatchObject({ sprint: { id: legacySprint }, incompleteData: true });
  });

  it.each([
    ['no signature', () => ({})],
    ['a signature made with another secret', () => signedHeaders('f'.repeat(64), linkBody)],
    ['a stale timestamp', (secret: string) => signedHeaders(secret, linkBody, Math.floor(Date.now() / 1000) - 600)],
    ['a signature over another body', (secret: string) => signedHeaders(secret, linkBody.replace('INC', 'CHG'))],
  ])('rejects %s with a bare 401 and changes nothing', async (_what, headersFor) => {
    const secret = await rotate();
    const response = await call(linkBody, headersFor(secret));
    expect(response).toMatchObject({ statusCode: 401, body: '{"error":"unauthorized"}' });
    expect(await linkOf('ITSM-2')).toBeUndefined();
  });

  it('rejects a replayed request', async () => {
    const secret = await rotate();
    const headers = signedHeaders(secret, linkBody);
    expect((await call(linkBody, headers)).statusCode).toBe(200);
    await linkAsPerson('ITSM-2', 'CHG');
    const replay = await call(linkBody, headers);
    expect(replay).toMatchObject({ statusCode: 401, body: '{"error":"unauthorized"}' });
    expect(await linkOf('ITSM-2')).toMatchObject({ processKey: 'CHG' });
  });

  it('rejects everything before a secret exists, and old signatures after a rotation', async () => {
    expect((await call(linkBody, signedHeaders('0'.repeat(64), linkBody))).statusCode).toBe(401);
    const old = await rotate();
    await rotate();
    expect((await call(linkBody, signedHeaders(old, linkBody))).statusCode).toBe(401);
    expect(await linkOf('ITSM-2')).toBeUndefined();
  });

  it('rejects oversized bodies unread, and invalid bodies of signed requests with a 400', async () => {
    const secret = await rotate();
    const big = JSON.stringify({ action: 'link-issue', issueKey: 'ITSM-2', processKey: 'INC', pad: 'x'.repeat(9000) });
    expect((await call(big, signedHeaders(secret, big))).statusCode).toBe(401);
    const bad = JSON.stringify({ action: 'link-issue', issueKey: 'not a key', processKey: 'INC' });
    const response = await call(bad, signedHeaders(secret, bad));
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).message).toMatch(/issueKey/);
  });

  it('shows the secret to Jira admins only, and lets only them rotate it', async () => {
    await rotate();
    expect(await wb.invoke(wb.users.member, 'getAutomationSettings', {})).toMatchObject({
      ok: true,
      data: { isJiraAdmin: false, webTrigger: { secret: null, rotatedBy: wb.users.admin } },
    });
    expect(await wb.invoke(wb.users.admin, 'getAutomationSettings', {})).toMatchObject({
      ok: true,
      data: { isJiraAdmin: true, webTrigger: { secret: expect.any(String) } },
    });
    expect(await wb.invoke(wb.users.apo, 'rotateWebTriggerSecret', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
