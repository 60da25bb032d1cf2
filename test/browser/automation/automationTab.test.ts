import { textEventually } from '../support/eventually';
import { seriousViolations } from '../support/accessibility';
import type { BrowserWorkbench, ColorMode, WorkbenchPage } from '../support/browserWorkbench';
import { startAutomationWorkbench } from './ruleEditorDriver';

/**
 * The project page's Automation tab in the browser: the web trigger's URL for every viewer; for Jira
 * administrators the signing secret (revealed, rotated) and the auto-link rules (added, saved, still
 * there after a reload); for others an explanation instead of the secret.
 */
jest.setTimeout(120_000);

let wb: BrowserWorkbench;

beforeAll(async () => {
  wb = await startAutomationWorkbench();
});

afterAll(async () => {
  await wb?.close();
});

async function openAutomationTab(options: Parameters<BrowserWorkbench['newPage']>[0]): Promise<WorkbenchPage> {
  const page = await wb.newPage(options);
  page.page.setDefaultTimeout(15_000);
  await page.openProjectPage('ITSM');
  await page.appFrame().getByTestId('tab-automation').click();
  await page.appFrame().getByLabel('URL', { exact: true }).waitFor();
  return page;
}

async function reopenTab(page: WorkbenchPage): Promise<void> {
  await page.page.reload();
  await page.appFrame().getByTestId('tab-automation').click();
  await page.appFrame().getByLabel('URL', { exact: true }).waitFor();
}

const secretField = (page: WorkbenchPage) => page.appFrame().getByLabel('Signing secret', { exact: true });

describe('as a Jira administrator', () => {
  let admin: WorkbenchPage;
  beforeAll(async () => {
    admin = await openAutomationTab({ as: 'admin' });
  });
  afterAll(async () => {
    admin.expectNoProblems();
    await admin.close();
  });

  it('shows the web trigger URL on the workbench', async () => {
    await expect(admin.appFrame().getByLabel('URL', { exact: true }).inputValue()).resolves.toMatch(
      new RegExp(`^${wb.url}/webtrigger/\\S+`),
    );
  });

  it('reveals the signing secret and rotates it to a new value', async () => {
    const app = admin.appFrame();
    if ((await app.getByRole('button', { name: 'Create secret' }).count()) > 0)
      await app.getByRole('button', { name: 'Create secret' }).click();
    await app.getByRole('button', { name: 'Hide secret' }).waitFor(); // shown right after it is made
    const first = await secretField(admin).inputValue();
    expect(first).toMatch(/^[0-9a-f]{64}$/);

    await app.getByRole('button', { name: 'Hide secret' }).click();
    await expect(secretField(admin).getAttribute('type')).resolves.toBe('password');
    await app.getByRole('button', { name: 'Show secret' }).click();
    await expect(secretField(admin).getAttribute('type')).resolves.toBe('text');

    await app.getByRole('button', { name: 'Rotate secret' }).click();
    await app.getByText('Rules that sign with the current secret will be refused').waitFor();
    await app.getByRole('button', { name: 'Rotate now' }).click();
    await app.getByRole('button', { name: 'Rotate secret' }).waitFor();
    const second = await secretField(admin).inputValue();
    expect(second).toMatch(/^[0-9a-f]{64}$/);
    expect(second).not.toBe(first);
  });

  it('adds an auto-link rule, saves it, and still shows it after a reload', async () => {
    const app = admin.appFrame();
    const before = await app.getByRole('list', { name: 'Auto-link rules, first match wins' }).locator(':scope > li').count();
    await app.getByRole('button', { name: 'Add rule' }).click();
    const n = before + 1;
    await app.getByLabel(`Rule ${n}: value`, { exact: true }).fill('Payments');
    // Each row's buttons say which rule they act on, starting with their visible text.
    await expect(app.getByRole('button', { name: `Remove rule ${n} (component 'Payments' → INC)`, exact: true }).count()).resolves.toBe(1);
    await expect(app.getByRole('button', { name: `Move up rule ${n} (component 'Payments' → INC)`, exact: true }).count()).resolves.toBe(1);
    const save = app.getByRole('button', { name: 'Save rules' });
    await save.click();
    await app.getByRole('button', { name: 'Save rules', disabled: true }).waitFor(); // nothing left unsaved
    const announcement = app.getByTestId('auto-link-announcement');
    // The button is also disabled while the save is in flight: wait for the announcement, not the button alone.
    const first = await textEventually(announcement, (text) => text !== '');
    expect(first).toBe('Saved the auto-link rules.');

    // A second save in a row ends the same way; the live region's text still changes, so it is heard again.
    await app.getByLabel(`Rule ${n}: value`, { exact: true }).fill('Payments team');
    await save.click();
    await app.getByRole('button', { name: 'Save rules', disabled: true }).waitFor();
    const second = await textEventually(announcement, (text) => text !== first);
    expect(second).not.toBe(first);
    expect(second.trim()).toBe(first);
    await app.getByLabel(`Rule ${n}: value`, { exact: true }).fill('Payments');
    await save.click();
    await app.getByRole('button', { name: 'Save rules', disabled: true }).waitFor();

    await reopenTab(admin);
    await expect(app.getByLabel(`Rule ${n}: value`, { exact: true }).inputValue()).resolves.toBe('Payments');
    await expect(app.getByRole('combobox', { name: `Rule ${n}: process` }).count()).resolves.toBe(1);
    await expect(app.getByText('INC · Incident management').count()).resolves.toBeGreaterThan(0);
  });
});

describe('as a project member', () => {
  it('shows the URL but no secret, and says why', async () => {
    const member = await openAutomationTab({ as: 'member' });
    const app = member.appFrame();
    await app.getByText('Only Jira administrators can see and rotate the signing secret.').waitFor();
    await expect(secretField(member).count()).resolves.toBe(0);
    await expect(app.getByRole('button', { name: /secret/i }).count()).resolves.toBe(0);
    await expect(app.getByRole('button', { name: 'Add rule' }).count()).resolves.toBe(0);
    await expect(app.getByLabel('URL', { exact: true }).inputValue()).resolves.toMatch(/\/webtrigger\//);
    member.expectNoProblems();
    await member.close();
  });
});

describe('accessibility and themes', () => {
  it.each<ColorMode>(['light', 'dark'])('has no serious or critical axe violations in the %s theme', async (colorMode) => {
    const admin = await openAutomationTab({ as: 'admin', colorMode });
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.screenshot(`automation-tab-${colorMode}`);
    admin.expectNoProblems();
    await admin.close();
  });
});
