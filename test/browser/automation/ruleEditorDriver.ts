import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { buildDemoDataset } from '../../../workbench/datasets/demoDataset';
import { invokerFor, seedIncidentProcess } from '../improvements/seedIncidentProcess';
import { startBrowserWorkbench, type BrowserWorkbench, type WorkbenchPage } from '../support/browserWorkbench';

/**
 * Drives the workbench's rule editor (/automation/rules/new) the way a rule author uses Automation's:
 * the action's configuration form in its frame, Next, and "Run rule" on a work item.
 */
const CONFIG_BUILD = path.resolve(__dirname, '..', '..', '..', 'static', 'automation-config', 'build', 'index.html');

/** The demo site with the active process INC (APO: the demo APO), as the improvement browser tests start. */
export async function startAutomationWorkbench(): Promise<BrowserWorkbench> {
  if (!fs.existsSync(CONFIG_BUILD)) throw new Error('static/automation-config/build is missing: run node scripts/build-ui.mjs first.');
  const wb = await startBrowserWorkbench();
  await seedIncidentProcess(invokerFor(wb.platform, buildDemoDataset().site.cloudId), {
    admin: wb.users.admin,
    apo: wb.users.apo,
    asm: wb.users.asm,
  });
  return wb;
}

export async function openRuleEditor(page: WorkbenchPage, options: { action: string; project: string; issue?: string }): Promise<void> {
  const query = new URLSearchParams({
    action: options.action,
    project: options.project,
    ...(options.issue ? { issue: options.issue } : {}),
  });
  await page.page.goto(`/automation/rules/new?${query.toString()}`);
  await page.page.getByTestId('rule-editor').waitFor();
  // The form is ready once the catalog's processes are offered, or it says it could not load them.
  const app = page.appFrame();
  const catalogFailed = app.getByText('The process catalog could not be loaded');
  await app.getByRole('combobox', { name: 'Process', exact: true }).or(catalogFailed).waitFor();
  if ((await catalogFailed.count()) > 0) {
    const invoke = page.problems.map((problem) => problem.url).find((url) => url.includes('/workbench/automation/invoke'));
    throw new Error(
      `The configuration form could not load the process catalog (${invoke ? 'its invoke() failed' : 'see the frame'}): does each action in manifest.yml declare resolver: {function: resolver}?`,
    );
  }
}

/** Types into the form's Process select and takes the first option, as a keyboard user would. */
export async function chooseProcess(page: WorkbenchPage, text: string): Promise<void> {
  await page.appFrame().getByRole('combobox', { name: 'Process', exact: true }).focus();
  await page.page.keyboard.type(text);
  await page.page.keyboard.press('Enter');
}

/** The configuration the form last submitted to Automation (view.submit), as the host shows it. */
export async function submittedConfig(page: WorkbenchPage): Promise<unknown> {
  const text = (await page.page.getByTestId('submitted-config').textContent()) ?? '';
  return text.trim().startsWith('{') ? (JSON.parse(text) as unknown) : null;
}

export async function runRule(page: WorkbenchPage, issueKey: string): Promise<Locator> {
  await page.page.getByTestId('rule-issue-key').fill(issueKey);
  await page.page.getByTestId('run-rule').click();
  const outcome = page.page.getByTestId('run-outcome').locator('[data-outcome]');
  await outcome.waitFor();
  return outcome;
}

/** The issue's process link as the page's user reads it from Jira (null: none). */
export async function processLinkOf(page: WorkbenchPage, issueKey: string): Promise<Record<string, unknown> | null> {
  const response = await page.page.request.get(`/rest/api/3/issue/${encodeURIComponent(issueKey)}/properties/process-loop-link`);
  if (response.status() === 404) return null;
  expect(response.status()).toBe(200);
  return ((await response.json()) as { value: Record<string, unknown> }).value;
}
