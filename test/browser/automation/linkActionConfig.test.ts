import { findAutomationAction } from '../../../workbench/automation/actionConfig';
import { seriousViolations } from '../support/accessibility';
import type { BrowserWorkbench, ColorMode, NewPageOptions, WorkbenchPage } from '../support/browserWorkbench';
import { chooseProcess, openRuleEditor, processLinkOf, runRule, startAutomationWorkbench, submittedConfig } from './ruleEditorDriver';

/**
 * The "Link work item to process" action configured in the workbench's rule editor, as in Jira
 * Automation: the form submits its configuration to Automation, Next validates it (field errors in
 * the form), and running the rule links the work item as the rule actor — or fails with the message
 * the audit log would show.
 */
jest.setTimeout(120_000);

const ACTION = 'link-work-item-to-process';
let wb: BrowserWorkbench;

beforeAll(async () => {
  wb = await startAutomationWorkbench();
});

afterAll(async () => {
  await wb?.close();
});

/** Pages that fail fast: every wait here is for something already on its way. */
const newPage = (options: NewPageOptions): Promise<WorkbenchPage> => wb.newPage({ ...options, defaultTimeoutMs: 15_000 });

describe('configuring and running the action', () => {
  it('shows the action from the manifest, keeps Next disabled until the form submits, and links the work item as the APO', async () => {
    const page = await newPage({ as: 'apo' });
    const action = findAutomationAction(wb.platform.manifest, ACTION);
    await openRuleEditor(page, { action: ACTION, project: 'ITSM', issue: 'ITSM-5' });
    await expect(page.page.getByTestId('rule-action-name').textContent()).resolves.toBe(action?.name);
    await expect(page.page.getByTestId('rule-action-description').textContent()).resolves.toBe(action?.description);
    await expect(page.page.getByTestId('rule-next').isDisabled()).resolves.toBe(true);
    expect(await processLinkOf(page, 'ITSM-5')).toBeNull();

    await chooseProcess(page, 'Incident');
    await page.page.waitForFunction(() => document.querySelector('[data-testid="submitted-config"]')?.textContent?.includes('INC'));
    expect(await submittedConfig(page)).toEqual({ issueKey: '{{issue.key}}', processKey: 'INC' });

    await page.page.getByTestId('rule-next').click();
    await page.page.getByTestId('rule-next-status').filter({ hasText: 'Configuration saved.' }).waitFor();
    await expect(page.page.getByTestId('rule-config-problems').textContent()).resolves.toBe('');

    const outcome = await runRule(page, 'ITSM-5');
    await expect(outcome.getAttribute('data-outcome')).resolves.toBe('succeeded');
    await expect(outcome.textContent()).resolves.toContain('"processKey": "INC"');
    expect(await processLinkOf(page, 'ITSM-5')).toMatchObject({ processKey: 'INC', linkedBy: page.accountId, source: 'automation' });

    // The issue panel reads the same link.
    await page.openIssue('ITSM-5');
    await page.appFrame().getByText('Incident management').first().waitFor();
    page.expectNoProblems();
    await page.close();
  });

  it('flags a process key the catalog does not know in the form, and the rule fails with the audit log message', async () => {
    const page = await newPage({ as: 'apo' });
    await openRuleEditor(page, { action: ACTION, project: 'ITSM' });
    await chooseProcess(page, 'NOPE');
    await page.page.waitForFunction(() => document.querySelector('[data-testid="submitted-config"]')?.textContent?.includes('NOPE'));

    await page.page.getByTestId('rule-next').click();
    await page.appFrame().getByText('There is no process with key NOPE in the catalog.').waitFor();
    await expect(page.appFrame().getByRole('combobox', { name: 'Process', exact: true }).getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    // The form kept the configuration to itself: Automation saved nothing.
    await expect(page.page.getByTestId('rule-next-status').textContent()).resolves.not.toBe('Configuration saved.');

    const outcome = await runRule(page, 'ITSM-6');
    await expect(outcome.getAttribute('data-outcome')).resolves.toBe('failed');
    await expect(outcome.locator('li').first().textContent()).resolves.toMatch(/^Link work item to process: .*no process with key NOPE/);
    expect(await processLinkOf(page, 'ITSM-6')).toBeNull();
    page.expectNoProblems();
    await page.close();
  });

  it('fails with the permission error when the rule actor may not edit the work item', async () => {
    const page = await newPage({ as: 'viewer' });
    await openRuleEditor(page, { action: ACTION, project: 'ITSM' });
    await chooseProcess(page, 'Incident');
    await page.page.waitForFunction(() => document.querySelector('[data-testid="submitted-config"]')?.textContent?.includes('INC'));

    const outcome = await runRule(page, 'ITSM-7');
    await expect(outcome.getAttribute('data-outcome')).resolves.toBe('failed');
    await expect(outcome.locator('li').first().textContent()).resolves.toMatch(/not allowed/);
    expect(await processLinkOf(page, 'ITSM-7')).toBeNull();
    page.expectNoProblems();
    await page.close();
  });
});

describe('accessibility and themes', () => {
  it.each<ColorMode>(['light', 'dark'])(
    'has no serious or critical axe violations in the %s theme, with a field error showing',
    async (colorMode) => {
      const page = await newPage({ as: 'apo', colorMode });
      await openRuleEditor(page, { action: ACTION, project: 'ITSM', issue: 'ITSM-5' });
      await chooseProcess(page, 'Incident');
      await page.appFrame().getByLabel('Work item key').fill('');
      await page.page.getByTestId('rule-next').click();
      await page.appFrame().getByText('Work item key is required.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot(`automation-link-action-config-${colorMode}`);
      page.expectNoProblems();
      await page.close();
    },
  );
});
