import { buildDemoDataset } from '../../workbench/datasets/demoDataset';
import type { Dataset } from '../../workbench/datasets/datasetSchema';
import { createWorkbenchPlatform, type WorkbenchPlatform } from '../../workbench/platform';
import { startWorkbenchServer, type WorkbenchServer } from '../../workbench/server';
import { aProcessInput, aValueStreamInput } from '../builders/catalogBuilders';

/** `POST /workbench/automation/run` over real HTTP: an action run with its inputs and the rule actor. */
let platform: WorkbenchPlatform;
let server: WorkbenchServer;
let dataset: Dataset;

const accountOf = (role: Dataset['users'][number]['role']) => dataset.users.find((user) => user.role === role)?.accountId ?? '';

async function post(path: string, body: unknown, as?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(as ? { 'X-Workbench-Account': as } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  dataset = buildDemoDataset();
  platform = createWorkbenchPlatform({ dataFile: null, dataset });
  server = await startWorkbenchServer({ port: 0, platform });
  const admin = accountOf('admin');
  const context = { moduleKey: 'process-loop-project-page', extension: { type: 'jira:projectPage', project: { key: 'ITSM' } } };
  await post(
    '/workbench/invoke',
    {
      functionKey: 'saveValueStream',
      payload: { valueStream: aValueStreamInput({ ownerAccountId: admin }), expectedVersion: null },
      context,
    },
    admin,
  );
  await post(
    '/workbench/invoke',
    {
      functionKey: 'saveProcess',
      payload: { process: aProcessInput({ apoAccountId: accountOf('apo'), asmAccountId: accountOf('asm') }), expectedVersion: null },
      context,
    },
    admin,
  );
});

afterAll(async () => {
  await server?.close();
  platform?.close();
});

afterEach(() => expect(platform.jira.contractViolations).toEqual([]));

describe('POST /workbench/automation/run', () => {
  it('runs an action with the rule’s issue and actor, resolving {{issue.key}}', async () => {
    const response = await post('/workbench/automation/run', {
      actionKey: 'link-work-item-to-process',
      inputs: { issueKey: '{{issue.key}}', processKey: 'INC' },
      actorAccountId: accountOf('member'),
      issueKey: 'ITSM-3',
    });
    expect(response).toMatchObject({
      status: 200,
      body: { outcome: 'succeeded', inputs: { issueKey: 'ITSM-3' }, result: { issueKey: 'ITSM-3', processKey: 'INC' } },
    });
  });

  it('reports an action’s errors as a failed run', async () => {
    const response = await post('/workbench/automation/run', {
      actionKey: 'link-work-item-to-process',
      inputs: { issueKey: 'ITSM-3', processKey: 'INC' },
      actorAccountId: accountOf('viewer'),
    });
    expect(response).toMatchObject({ status: 200, body: { outcome: 'failed', errors: [expect.stringMatching(/not allowed/)] } });
  });

  it('refuses an unknown action or actor', async () => {
    expect((await post('/workbench/automation/run', { actionKey: 'nope', inputs: {}, actorAccountId: accountOf('member') })).status).toBe(
      400,
    );
    expect(
      (await post('/workbench/automation/run', { actionKey: 'link-work-item-to-process', inputs: {}, actorAccountId: 'ghost' })).status,
    ).toBe(400);
  });
});
