import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import type { DatasetUser } from '../../../workbench/datasets/datasetSchema';
import { buildDemoDataset } from '../../../workbench/datasets/demoDataset';
import { playDemoStory } from '../../../workbench/demo/demoStory';
import { createWorkbenchPlatform, type WorkbenchPlatform } from '../../../workbench/platform';
import { startWorkbenchServer, type WorkbenchServer } from '../../../workbench/server';

/**
 * The browser suite's harness: an in-memory workbench (demo dataset) on a free port and one headless
 * Chromium per test file. It builds nothing: scripts/test-all.sh builds the Custom UI first.
 * Every page records console errors, uncaught page errors and CSP violations, so a test can assert
 * the app runs clean inside Forge's rules.
 */
export type Role = DatasetUser['role'];
export type ColorMode = 'light' | 'dark';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'artifacts', 'screenshots');
const CUSTOM_UI_APPS = ['issue-panel', 'project-page'];

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserProblem {
  kind: 'console-error' | 'page-error' | 'csp-violation';
  text: string;
  url: string;
}

export interface WorkbenchPage {
  page: Page;
  context: BrowserContext;
  accountId: string;
  /** Everything that went wrong in this page and its frames so far. */
  problems: BrowserProblem[];
  /** Opens /browse/{issueKey} and waits for the host page. */
  openIssue(issueKey: string): Promise<void>;
  /** Opens the project page of `projectKey`. */
  openProjectPage(projectKey: string): Promise<void>;
  /** The issue panel's (or project page's) Custom UI frame. */
  appFrame(): FrameLocator;
  /** Clicks the host's theme switch until the host is in `mode`. */
  switchTheme(mode: ColorMode): Promise<void>;
  /** Saves artifacts/screenshots/{name}.png and returns its path. */
  screenshot(name: string): Promise<string>;
  expectNoProblems(): void;
  close(): Promise<void>;
}

export interface NewPageOptions {
  as: Role | { accountId: string };
  colorMode?: ColorMode;
  /** Playwright's default wait; suites whose waits are for something already on its way fail faster with less. */
  defaultTimeoutMs?: number;
}

export interface BrowserWorkbench {
  url: string;
  platform: WorkbenchPlatform;
  server: WorkbenchServer;
  browser: Browser;
  /** Account id of the first user of each role in the demo dataset. */
  users: Record<Role, string>;
  newPage(options: NewPageOptions): Promise<WorkbenchPage>;
  close(): Promise<void>;
}

export function assertCustomUiBuilt(): void {
  const missing = CUSTOM_UI_APPS.filter((app) => !fs.existsSync(path.join(REPO_ROOT, 'static', app, 'build', 'index.html')));
  if (missing.length > 0) {
    throw new Error(
      `The Custom UI is not built (static/${missing.join(', static/')}/build missing): run npm run build before the browser tests.`,
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function isCspViolation(text: string): boolean {
  return /Content Security Policy/i.test(text);
}

export interface BrowserWorkbenchOptions {
  /**
   * Play the demo story (workbench/demo/demoStory.ts) on the dataset, as a fresh `npm start` does: catalog,
   * links, improvements, reviews, frozen sprints. Default false: the plain Jira dataset with empty app
   * storage, which suites that seed their own processes need.
   */
  story?: boolean;
}

export async function startBrowserWorkbench(options: BrowserWorkbenchOptions = {}): Promise<BrowserWorkbench> {
  assertCustomUiBuilt();
  // The server serves the site at its own URL, so the avatar and icon URLs Jira hands out load from it.
  const port = await freePort();
  const dataset = buildDemoDataset();
  const platform = createWorkbenchPlatform({ dataFile: null, dataset });
  if (options.story) await playDemoStory(platform, dataset);
  const server = await startWorkbenchServer({ port, platform });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  } catch (error) {
    await server.close();
    platform.close();
    throw error;
  }
  const users = {} as Record<Role, string>;
  for (const user of dataset.users) users[user.role] ??= user.accountId;

  async function newPage(options: NewPageOptions): Promise<WorkbenchPage> {
    const accountId = typeof options.as === 'string' ? users[options.as] : options.as.accountId;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
    const cookies = [{ name: 'wb-account', value: accountId, url: server.url }];
    if (options.colorMode) cookies.push({ name: 'wb-theme', value: options.colorMode, url: server.url });
    await context.addCookies(cookies);
    const page = await context.newPage();
    if (options.defaultTimeoutMs !== undefined) page.setDefaultTimeout(options.defaultTimeoutMs);
    const problems: BrowserProblem[] = [];
    page.on('console', (message) => {
      const text = message.text();
      if (isCspViolation(text)) problems.push({ kind: 'csp-violation', text, url: message.location().url });
      else if (message.type() === 'error') problems.push({ kind: 'console-error', text, url: message.location().url });
    });
    page.on('pageerror', (error) => problems.push({ kind: 'page-error', text: error.stack ?? error.message, url: page.url() }));

    const harnessPage: WorkbenchPage = {
      page,
      context,
      accountId,
      problems,
      async openIssue(issueKey) {
        await page.goto(`/browse/${encodeURIComponent(issueKey)}`);
        await page.waitForSelector('[data-testid="wb-header"]');
      },
      async openProjectPage(projectKey) {
        await page.goto(`/projects/${encodeURIComponent(projectKey)}/process-loop`);
        await page.waitForSelector('[data-testid="wb-header"]');
      },
      appFrame() {
        return page.frameLocator('iframe[data-forge-frame]');
      },
      async switchTheme(mode) {
        const current = await page.locator('html').getAttribute('data-color-mode');
        if (current !== mode) await page.getByTestId('theme-switch').click();
        await page.waitForFunction((wanted) => document.documentElement.getAttribute('data-color-mode') === wanted, mode);
      },
      async screenshot(name) {
        fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const file = path.join(SCREENSHOT_DIR, `${name}.png`);
        // A full-page capture keeps the current scroll offset, so a page scrolled to a focused field
        // would draw the host's sticky top bar mid-page: capture from the top, then restore the scroll.
        const scrolled = await page.evaluate(() => {
          const at = { x: window.scrollX, y: window.scrollY };
          window.scrollTo(0, 0);
          return at;
        });
        // Transitions finished: a screenshot right after a theme switch must show the settled colours.
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        await page.evaluate(({ x, y }) => window.scrollTo(x, y), scrolled);
        return file;
      },
      expectNoProblems() {
        expect(problems).toEqual([]);
      },
      async close() {
        await context.close();
      },
    };
    return harnessPage;
  }

  return {
    url: server.url,
    platform,
    server,
    browser,
    users,
    newPage,
    async close() {
      await browser.close();
      await server.close();
      platform.close();
    },
  };
}

/** Relative luminance (WCAG) of a CSS `rgb(...)`/`rgba(...)` colour: 0 black … 1 white. */
export function luminance(cssColor: string): number {
  const match = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(cssColor);
  if (!match) throw new Error(`Not an rgb() colour: ${cssColor}`);
  const [r, g, b] = [match[1], match[2], match[3]].map((channel) => {
    const c = Number(channel) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
