import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildDemoDataset } from '../../workbench/datasets/demoDataset';
import { createWorkbenchPlatform, type WorkbenchPlatform } from '../../workbench/platform';
import { startWorkbenchServer, type WorkbenchServer } from '../../workbench/server';

/**
 * `npm start` keeps the Jira data on disk, with the baseUrl of the port it first ran on. The site URL
 * (avatars, self links, the resolver context's siteUrl, web trigger URLs) follows the port it serves on now.
 */
const STALE_SITE = 'http://localhost:18082';
const dataset = buildDemoDataset();
const admin = dataset.users.find((user) => user.role === 'admin')!.accountId;
let dir: string;
const running: Array<{ platform: WorkbenchPlatform; server: WorkbenchServer }> = [];

async function start(file: string) {
  const platform = createWorkbenchPlatform({ dataFile: file, dataset: { ...dataset, site: { ...dataset.site, baseUrl: STALE_SITE } } });
  const server = await startWorkbenchServer({ port: 0, platform, siteUrl: (port) => `http://localhost:${port}` });
  running.push({ platform, server });
  return { platform, server, site: `http://localhost:${server.port}` };
}

async function stop() {
  for (const { platform, server } of running.splice(0)) {
    await server.close();
    platform.close();
  }
}

async function call(server: WorkbenchServer, method: string, route: string, body?: unknown) {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { 'X-Workbench-Account': admin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await response.json()) as Record<string, unknown>;
}

const avatarOf = async (server: WorkbenchServer) =>
  ((await call(server, 'GET', `/rest/api/3/myself`)).avatarUrls as Record<string, string>)['48x48'];

const webTriggerUrlOf = async (server: WorkbenchServer) => {
  const context = { moduleKey: 'process-loop-project-page', extension: { type: 'jira:projectPage', project: { key: 'ITSM' } } };
  const answer = await call(server, 'POST', '/workbench/invoke', { functionKey: 'rotateWebTriggerSecret', payload: {}, context });
  return (answer as { data: { url: string } }).data.url;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-site-url-'));
});

afterEach(async () => {
  await stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Each test builds the demo on a durable store, and a reset plays the demo story: seconds, not milliseconds.
jest.setTimeout(60_000);

describe('the workbench site URL', () => {
  it('follows the port the server listens on, not the baseUrl stored with the data', async () => {
    const { platform, server, site } = await start(path.join(dir, 'workbench.log'));
    expect(platform.jira.site().baseUrl).toBe(site);
    expect(await avatarOf(server)).toMatch(new RegExp(`^${site}/secure/useravatar\\?`));
    expect(await webTriggerUrlOf(server)).toBe(`${site}/webtrigger/process-loop-automation-webhook`);
    const page = await (await fetch(`${server.url}/projects/ITSM/process-loop`, { headers: { 'X-Workbench-Account': admin } })).text();
    // The module frame carries the context the bridge answers in data-context (HTML-escaped JSON).
    const attribute = /data-context="([^"]+)"/.exec(page)?.[1] ?? '{}';
    const contextJson = attribute
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(JSON.parse(contextJson)).toMatchObject({ siteUrl: site });
    expect(page).not.toContain(STALE_SITE);
  });

  it('follows a new port after a restart on the same data, and after a reset', async () => {
    const file = path.join(dir, 'workbench.log');
    const first = await start(file);
    const firstAvatar = await avatarOf(first.server);
    await stop();
    const second = await start(file);
    expect(second.site).not.toBe(first.site);
    expect(await avatarOf(second.server)).toBe(firstAvatar?.replace(first.site, second.site));
    expect((await call(second.server, 'POST', '/workbench/reset')).error).toBeUndefined();
    expect(second.platform.jira.site().baseUrl).toBe(second.site);
    expect(await avatarOf(second.server)).toMatch(new RegExp(`^${second.site}/`));
  });
});
