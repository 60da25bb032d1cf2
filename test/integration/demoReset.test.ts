import { buildDemoDataset } from '../../workbench/datasets/demoDataset';
import { createWorkbenchPlatform, type WorkbenchPlatform } from '../../workbench/platform';
import { startWorkbenchServer, type WorkbenchServer } from '../../workbench/server';

/**
 * `POST /workbench/reset` over HTTP gives the demo as a fresh `npm start` does (dataset and story), the
 * start page's tour links switch the acting user, and `{name: 'demo'}` seeds stay Jira-only.
 */
jest.setTimeout(60_000);

let platform: WorkbenchPlatform;
let server: WorkbenchServer;

beforeAll(async () => {
  platform = createWorkbenchPlatform({ dataFile: null, dataset: buildDemoDataset() });
  server = await startWorkbenchServer({ port: 0, platform });
});

afterAll(async () => {
  await server?.close();
  platform?.close();
});

async function catalogSize(): Promise<number> {
  const response = await fetch(`${server.url}/workbench/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Workbench-Account': 'acc-member-liam' },
    body: JSON.stringify({
      functionKey: 'getCatalog',
      payload: {},
      context: { moduleKey: 'process-loop-project-page', extension: { type: 'jira:projectPage', project: { key: 'ITSM' } } },
    }),
  });
  const answer = (await response.json()) as { ok: boolean; data: { processes: unknown[] } };
  return answer.data.processes.length;
}

describe('the demo over the workbench API', () => {
  it('resets to the dataset with its story played', async () => {
    await expect(catalogSize()).resolves.toBe(0);
    const reset = await fetch(`${server.url}/workbench/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    const body = (await reset.json()) as { storage: string; story: { processes: number; frozenSprintIds: number[] } };
    expect(body.storage).toBe('cleared');
    expect(body.story.processes).toBeGreaterThanOrEqual(8);
    expect(body.story.frozenSprintIds).toHaveLength(6);
    await expect(catalogSize()).resolves.toBe(body.story.processes);
  });

  it('switches the acting user with ?as= and names the confirmed improvement story in the tour', async () => {
    const page = await fetch(`${server.url}/?as=acc-apo-priya`, { headers: { accept: 'text/html', cookie: 'wb-account=acc-member-liam' } });
    expect(page.headers.get('set-cookie')).toContain('wb-account=acc-apo-priya');
    const html = await page.text();
    expect(html).toMatch(/<option value="acc-apo-priya" selected>/);
    const improvementStep =
      /href="\/browse\/ITSM-\d+\?as=acc-apo-priya">ITSM-\d+<\/a> · <a href="\/projects\/ITSM\/process-loop\?as=acc-apo-priya">/;
    expect(html).toMatch(improvementStep);
    // The step on the CHG story whose outcome was rewritten through Jira's REST API, as its APO.
    expect(html).toContain('Changed outside Process Loop');
    expect(html).toMatch(/href="\/browse\/ITSM-\d+\?as=acc-apo-marcus">ITSM-\d+<\/a>/);
    // Someone the site does not know is ignored, as a stale cookie is.
    const unknown = await fetch(`${server.url}/?as=acc-nobody`, { headers: { accept: 'text/html', cookie: 'wb-account=acc-member-liam' } });
    expect(await unknown.text()).toMatch(/<option value="acc-member-liam" selected>/);
  });

  it('keeps the app storage when only the Jira data is seeded again', async () => {
    const before = await catalogSize();
    const seed = await fetch(`${server.url}/workbench/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'demo' }),
    });
    expect(seed.status).toBe(200);
    expect(before).toBeGreaterThan(0);
    await expect(catalogSize()).resolves.toBe(before);
  });
});
