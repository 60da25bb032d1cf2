import { anImprovementProperty, aSprintReviewInput } from '../builders/improvementBuilders';
import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';
import { seedIncidentProcess } from '../support/improvementSeed';
import { signRequest } from '../../src/webtrigger/signature';
import { LONG_AGO } from '../builders/datasetBuilders';

/**
 * Findings of the security review, each through the emulated platform: data a user can forge
 * (issue entity properties), payload keys that reach storage, and what an export may contain.
 */
let wb: TestWorkbench;

const ITSM_PAGE = { extension: { type: 'jira:projectPage', project: { id: '10000', key: 'ITSM', type: 'software' } } };
const OPS_PAGE = { extension: { type: 'jira:projectPage', project: { id: '10001', key: 'OPS', type: 'software' } } };
const ACTIVE_ITSM_SPRINT = 17;

beforeEach(async () => {
  wb = await createTestWorkbench();
  await seedIncidentProcess(wb);
});
afterEach(() => {
  wb.expectNoContractViolations();
  wb.close();
});

async function jira(accountId: string | null, method: string, pathWithQuery: string, body?: unknown) {
  const response = await wb.jira.handle({
    method,
    pathWithQuery,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    caller: accountId ? { kind: 'user', accountId } : { kind: 'app' },
  });
  return { status: response.status, body: response.body ? JSON.parse(response.body) : undefined };
}

async function issuePanelContext(key: string) {
  const { body } = await jira(null, 'GET', `/rest/api/3/issue/${key}?fields=project`);
  return {
    extension: {
      type: 'jira:issuePanel',
      issue: { id: body.id, key: body.key },
      project: { id: body.fields.project.id, key: body.fields.project.key, type: 'software' },
    },
  };
}

/** What any user who may edit the issue can do with Jira's REST API, without the app. */
async function forgeProperty(key: string, propertyKey: string, value: unknown) {
  expect((await jira(wb.users.member, 'PUT', `/rest/api/3/issue/${key}/properties/${propertyKey}`, value)).status).toBeLessThan(300);
}

const linkWrites = () =>
  wb.jira.requestLog.filter((entry) => entry.method === 'PUT' && entry.path.endsWith('/properties/process-loop-link')).length;

describe('issue properties written outside the app', () => {
  it('an improvement property with a process key that is no key breaks neither the backlog nor the issue panel', async () => {
    await forgeProperty('ITSM-3', 'process-loop-improvement', anImprovementProperty({ processKey: 'A/B' }));
    expect(await wb.invoke(wb.users.viewer, 'getProcessBacklog', {}, ITSM_PAGE)).toMatchObject({ ok: true });
    expect(await wb.invoke(wb.users.viewer, 'getIssueImprovement', {}, await issuePanelContext('ITSM-3'))).toMatchObject({
      ok: true,
      data: { improvement: null },
    });
  });

  it('a process link naming "constructor" does not break the catalog’s open-work counts', async () => {
    await forgeProperty('ITSM-3', 'process-loop-link', {
      schemaVersion: 1,
      processKey: 'constructor',
      valueStreamKey: null,
      stageId: null,
      stageName: null,
      linkedBy: wb.users.member,
      linkedAt: LONG_AGO,
    });
    const catalog = await wb.invoke(wb.users.viewer, 'getCatalog', {}, ITSM_PAGE);
    expect(catalog).toMatchObject({ ok: true });
    expect(Object.keys((catalog as { data: { openIssueCounts: Record<string, number> } }).data.openIssueCounts)).not.toContain(
      'constructor',
    );
  });
});

describe('process keys from payloads', () => {
  it('the issue panel refuses a process key that is no key with INVALID_INPUT, writing nothing', async () => {
    const result = await wb.invoke(wb.users.member, 'linkIssueToProcess', { processKey: 'A/B' }, await issuePanelContext('ITSM-3'));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { processKey: expect.any(String) } } });
    expect(linkWrites()).toBe(0);
  });

  it('the web trigger answers a signed request with such a key with a 400, writing nothing', async () => {
    const rotated = (await wb.invoke(wb.users.admin, 'rotateWebTriggerSecret', {})) as { data: { secret: string } };
    const body = JSON.stringify({ action: 'link-issue', issueKey: 'ITSM-3', processKey: 'IN/C' });
    const timestamp = Math.floor(Date.now() / 1000);
    const response = (await wb.host.invokeFunction('automation-webhook', {
      method: 'POST',
      path: '/',
      body,
      headers: {
        'x-process-loop-timestamp': [String(timestamp)],
        'x-process-loop-signature': [`sha256=${signRequest(rotated.data.secret, timestamp, body)}`],
      },
    })) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).message).toMatch(/processKey/);
    expect(linkWrites()).toBe(0);
  });
});

describe('the sprint review export', () => {
  beforeEach(async () => {
    expect(
      await wb.invoke(
        wb.users.apo,
        'saveSprintReview',
        aSprintReviewInput({ sprintId: ACTIVE_ITSM_SPRINT, achieved: 'Confidential ITSM result' }),
        ITSM_PAGE,
      ),
    ).toMatchObject({
      ok: true,
    });
  });

  const exportFrom = async (accountId: string, context: Record<string, unknown>) => {
    const result = await wb.invoke(accountId, 'exportProcessReviewsCsv', { processKey: 'INC' }, context);
    expect(result).toMatchObject({ ok: true });
    return (result as { data: { csv: string } }).data.csv;
  };

  it('leaves out reviews of sprints the viewer cannot see', async () => {
    // The outsider browses OPS only: ITSM's sprints are not theirs to see.
    expect(await exportFrom(wb.users.outsider, OPS_PAGE)).not.toContain('Confidential ITSM result');
  });

  it('keeps reviews of another project’s sprints the viewer can see', async () => {
    expect(await exportFrom(wb.users.member, OPS_PAGE)).toContain('Confidential ITSM result');
    expect(await exportFrom(wb.users.viewer, ITSM_PAGE)).toContain('Confidential ITSM result');
  });
});

describe('payloads that are not objects', () => {
  it.each([false, 0, '', 'x', [], null])('are refused (%p) before any handler runs, changing nothing', async (payload) => {
    const answer = await wb.invoke(wb.users.admin, 'rotateWebTriggerSecret', payload, ITSM_PAGE);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { '(payload)': expect.any(String) } } });
    const settings = await wb.invoke(wb.users.admin, 'getAutomationSettings', {}, ITSM_PAGE);
    expect(settings).toMatchObject({ ok: true, data: { webTrigger: { secret: null, rotatedAt: null } } });
  });

  it('an absent payload still reads as an empty one', async () => {
    expect(await wb.invoke(wb.users.admin, 'getAutomationSettings', undefined, ITSM_PAGE)).toMatchObject({ ok: true });
  });
});
