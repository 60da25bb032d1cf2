import { startBrowserWorkbench, type BrowserWorkbench } from './support/browserWorkbench';

/** The project page module: hosted full-page, with the project page's context, clean under Forge's CSP. */
jest.setTimeout(60_000);

let wb: BrowserWorkbench;

beforeAll(async () => {
  wb = await startBrowserWorkbench();
});

afterAll(async () => {
  await wb?.close();
});

describe('project page', () => {
  it('hosts the project page module with a projectPage context and renders without errors', async () => {
    const admin = await wb.newPage({ as: 'admin' });
    try {
      await admin.openProjectPage('ITSM');
      const frame = admin.page.frames().find((candidate) => candidate.url().includes('/apps/project-page/'));
      if (!frame) throw new Error('The project page frame is not on the page.');
      await frame.waitForFunction(() => (document.getElementById('root')?.textContent ?? '').trim().length > 0);
      const context = (await frame.evaluate(() =>
        (window as unknown as { __bridge: { callBridge(name: string): Promise<unknown> } }).__bridge.callBridge('getContext'),
      )) as Record<string, unknown>;
      expect(context).toMatchObject({ accountId: wb.users.admin, extension: { type: 'jira:projectPage', project: { key: 'ITSM' } } });
      expect(context.extension).not.toHaveProperty('issue');
      await admin.screenshot('project-page-light');
      admin.expectNoProblems();
    } finally {
      await admin.close();
    }
  });

  it("tells someone who can't browse the project that they can't view it", async () => {
    const outsider = await wb.newPage({ as: 'outsider' });
    try {
      const response = await outsider.page.goto('/projects/ITSM/process-loop');
      expect(response?.status()).toBe(404);
      await expect(outsider.page.getByRole('heading', { name: "You can't view this project" }).isVisible()).resolves.toBe(true);
      await expect(outsider.page.locator('iframe').count()).resolves.toBe(0);
    } finally {
      await outsider.close();
    }
  });
});
