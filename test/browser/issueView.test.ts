import type { Frame } from 'playwright-core';
import { luminance, startBrowserWorkbench, type BrowserWorkbench, type WorkbenchPage } from './support/browserWorkbench';

/**
 * The issue view as people see it: Jira's host page rendered as the acting user, the Process Loop
 * panel in its Custom UI frame behind Forge's CSP, the bridge, and light/dark theming.
 */
jest.setTimeout(60_000);

let wb: BrowserWorkbench;
let member: WorkbenchPage;

beforeAll(async () => {
  wb = await startBrowserWorkbench();
  member = await wb.newPage({ as: 'member' });
  await member.openIssue('ITSM-1');
});

afterAll(async () => {
  await wb?.close();
});

function panelFrame(page: WorkbenchPage): Frame {
  const frame = page.page.frames().find((candidate) => candidate.url().includes('/apps/issue-panel/'));
  if (!frame) throw new Error('The issue panel frame is not on the page.');
  return frame;
}

describe('issue view as a project member', () => {
  it('shows the issue and renders the Process Loop panel inside its frame, without errors', async () => {
    const { page } = member;
    await expect(page.getByTestId('issue-summary').textContent()).resolves.toBe('Self-service password reset for contractors');
    await expect(page.getByTestId('issue-key').textContent()).resolves.toBe('ITSM-1');
    await expect(page.getByTestId('issue-status').isVisible()).resolves.toBe(true);

    const panel = member.appFrame().getByTestId('process-panel');
    await panel.waitFor({ state: 'visible' });
    // The host sizes the frame to its content, as Jira does.
    await page.waitForFunction(
      () => (document.querySelector('iframe[data-forge-frame]') as HTMLIFrameElement).getBoundingClientRect().height > 40,
    );
    await member.screenshot('issue-view-light');
    member.expectNoProblems();
  });

  it('answers getContext from the host with Forge’s shape for an issue panel', async () => {
    const context = (await panelFrame(member).evaluate(() => window.__bridge.callBridge('getContext'))) as Record<string, unknown>;
    expect(context).toMatchObject({
      accountId: wb.users.member,
      moduleKey: 'process-loop-issue-panel',
      locale: 'en-US',
      theme: { colorMode: 'light' },
      extension: {
        type: 'jira:issuePanel',
        issue: { key: 'ITSM-1', type: expect.any(String) },
        project: { key: 'ITSM', type: 'software' },
      },
    });
    expect(context.cloudId).toEqual(expect.any(String));
    expect(context.localId).toEqual(expect.any(String));
  });

  it('proxies requestJira (fetchProduct) as the acting user and rejects calls it does not know', async () => {
    const frame = panelFrame(member);
    const answer = (await frame.evaluate(() =>
      window.__bridge.callBridge('fetchProduct', {
        product: 'jira',
        restPath: '/rest/api/3/myself',
        fetchRequestInit: { method: 'GET', headers: [['accept', 'application/json']] },
      }),
    )) as { status: number; body: string; headers: Record<string, string> };
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ accountId: wb.users.member });
    await expect(frame.evaluate(() => window.__bridge.callBridge('noSuchCall'))).rejects.toThrow(/does not support "noSuchCall"/);
  });
});

describe('host services of the bridge', () => {
  it('shows and closes flags in the host, and answers frame id, ready and refresh', async () => {
    const frame = panelFrame(member);
    await frame.evaluate(() =>
      window.__bridge.callBridge('showFlag', {
        id: 'saved',
        title: 'Link saved',
        description: 'ITSM-1 is linked.',
        type: 'success',
        actions: [],
      }),
    );
    const flag = member.page.getByTestId('host-flag');
    await expect(flag.textContent()).resolves.toContain('Link saved');
    await frame.evaluate(() => window.__bridge.callBridge('closeFlag', { id: 'saved' }));
    await expect(flag.count()).resolves.toBe(0);
    await expect(frame.evaluate(() => window.__bridge.callBridge('getFrameId'))).resolves.toEqual(
      expect.stringContaining('process-loop-issue-panel'),
    );
    await expect(frame.evaluate(() => window.__bridge.callBridge('emitReadyEvent'))).resolves.toBeNull();
    await expect(frame.evaluate(() => window.__bridge.callBridge('refresh'))).resolves.toBe(true);
  });

  it('rejects an invoke whose resolver fails, as the real bridge does', async () => {
    await expect(
      panelFrame(member).evaluate(() => window.__bridge.callBridge('invoke', { functionKey: 'noSuchResolver', payload: {} })),
    ).rejects.toThrow(/There was an error invoking the function/);
    // The browser logs the failed /workbench/invoke request (400: the module has no such function); that one is expected here.
    expect(member.problems).toEqual([expect.objectContaining({ kind: 'console-error', text: expect.stringContaining('400') })]);
    member.problems.length = 0;
  });
});

describe('issue view as someone who may not browse the project', () => {
  it("shows Jira's can't-view page and offers no panel", async () => {
    const outsider = await wb.newPage({ as: 'outsider' });
    try {
      const response = await outsider.page.goto('/browse/ITSM-1');
      expect(response?.status()).toBe(404);
      await expect(outsider.page.getByRole('heading', { name: "You can't view this issue" }).isVisible()).resolves.toBe(true);
      await expect(outsider.page.locator('iframe').count()).resolves.toBe(0);
      await expect(outsider.page.getByTestId('issue-summary').count()).resolves.toBe(0);
    } finally {
      await outsider.close();
    }
  });
});

describe('dark theme', () => {
  async function frameLook(page: WorkbenchPage) {
    return panelFrame(page).evaluate(() => ({
      mode: document.documentElement.getAttribute('data-color-mode'),
      background: getComputedStyle(document.body).backgroundColor,
    }));
  }

  it('follows the host theme switch live, with a dark panel background', async () => {
    await member.switchTheme('dark');
    await panelFrame(member).waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
    await member.page.waitForFunction(() => getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)');
    const look = await frameLook(member);
    expect(look.mode).toBe('dark');
    expect(luminance(look.background)).toBeLessThan(0.05);
    expect(luminance(await member.page.evaluate(() => getComputedStyle(document.body).backgroundColor))).toBeLessThan(0.05);
    await member.screenshot('issue-view-dark');

    await member.switchTheme('light');
    await panelFrame(member).waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'light');
    expect(luminance((await frameLook(member)).background)).toBeGreaterThan(0.9);
    member.expectNoProblems();
  });

  it('opens dark when the theme cookie says so', async () => {
    const dark = await wb.newPage({ as: 'member', colorMode: 'dark' });
    try {
      await dark.openIssue('ITSM-1');
      await dark.appFrame().getByTestId('process-panel').waitFor({ state: 'visible' });
      const look = await frameLook(dark);
      expect(look.mode).toBe('dark');
      expect(luminance(look.background)).toBeLessThan(0.05);
      await dark.screenshot('issue-view-dark-on-load');
      dark.expectNoProblems();
    } finally {
      await dark.close();
    }
  });
});

declare global {
  interface Window {
    __bridge: { callBridge(name: string, args?: unknown): Promise<unknown> };
  }
}
