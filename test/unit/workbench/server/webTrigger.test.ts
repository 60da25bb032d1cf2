import { startWorkbenchServer, type WorkbenchServer } from '../../../../workbench/server';
import type { ServerPlatform } from '../../../../workbench/server/platformPort';

/** Web triggers through the server, with a stub platform: Forge's request and response shapes. */
let server: WorkbenchServer;
const calls: Array<{ functionKey: string; event: unknown }> = [];

beforeAll(async () => {
  const platform = {
    manifest: { raw: { modules: { webtrigger: [{ key: 'sync-hook', function: 'syncFn' }] }, resources: [] } },
    jira: { users: () => [], site: () => ({ cloudId: 'c', baseUrl: 'http://localhost:8080', now: '2026-01-01T00:00:00.000Z' }) },
    host: {
      invokeFunction: (functionKey: string, event: unknown) => {
        calls.push({ functionKey, event });
        return Promise.resolve({ statusCode: 202, headers: { 'x-answer': ['yes'] }, body: '{"queued":true}' });
      },
    },
  } as unknown as ServerPlatform;
  server = await startWorkbenchServer({
    port: 0,
    platform,
    siteUrl: 'dataset',
    demoDataset: () => {
      throw new Error('not used');
    },
  });
});

afterAll(async () => {
  await server?.close();
});

it('hands the function the request as Forge does and answers its statusCode, headers and body', async () => {
  const response = await fetch(`${server.url}/webtrigger/sync-hook?since=1&since=2`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"a":1}',
  });
  expect(response.status).toBe(202);
  expect(response.headers.get('x-answer')).toBe('yes');
  await expect(response.json()).resolves.toEqual({ queued: true });
  expect(calls).toEqual([
    {
      functionKey: 'syncFn',
      event: expect.objectContaining({
        method: 'POST',
        body: '{"a":1}',
        path: '/webtrigger/sync-hook',
        queryParameters: { since: ['1', '2'] },
        headers: expect.objectContaining({ 'content-type': ['application/json'] }),
      }),
    },
  ]);
});

it('answers 404 for a web trigger the manifest does not declare', async () => {
  const response = await fetch(`${server.url}/webtrigger/nope`);
  expect(response.status).toBe(404);
  await expect(response.json()).resolves.toMatchObject({ error: { message: expect.stringContaining('nope') } });
});
