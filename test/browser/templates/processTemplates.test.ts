import type { FrameLocator } from 'playwright-core';
import { seriousViolations } from '../support/accessibility';
import { textEventually } from '../support/eventually';
import { startBrowserWorkbench, type BrowserWorkbench, type WorkbenchPage } from '../support/browserWorkbench';

/**
 * Templates end to end: an admin opens the Processes tab, starts from templates, picks two by
 * keyboard, names the APO and ASM, creates, and finds both in the catalog; a second run with a key
 * now in use is skipped, not overwritten. Light and dark, axe clean.
 *
 * Today the demo catalog starts empty (so the first button reads "Start from templates"). The test
 * does not rely on it: it opens the same screen from a full catalog too, and picks templates whose
 * keys are unused at the time.
 */
jest.setTimeout(180_000);

/** Templates the test prefers, in order; the first two whose keys are free are picked. */
const PREFERRED = ['PRB', 'ONB', 'KNW', 'PUR', 'SLM', 'CSI', 'ACC', 'SUP'];

let wb: BrowserWorkbench;
let admin: WorkbenchPage;
let names: Record<string, string>;

beforeAll(async () => {
  wb = await startBrowserWorkbench();
  const users = (await (await fetch(`${wb.url}/workbench/users`)).json()) as Array<{ accountId: string; displayName: string }>;
  names = Object.fromEntries(users.map((user) => [user.accountId, user.displayName]));
  admin = await wb.newPage({ as: 'admin', defaultTimeoutMs: 30_000 });
});

afterAll(async () => {
  await admin?.close();
  await wb?.close();
});

function problemsOtherThanAvatars(page: WorkbenchPage) {
  return page.problems.filter((problem) => !/useravatar/i.test(`${problem.text} ${problem.url}`));
}

async function openTemplates(page: WorkbenchPage): Promise<FrameLocator> {
  await page.openProjectPage('ITSM');
  const app = page.appFrame();
  await app.getByTestId('tab-processes').click();
  await app.getByText('Process catalog').first().waitFor();
  await app.getByTestId('open-templates').click();
  await app.getByTestId('templates-screen').waitFor();
  return app;
}

async function pickUser(page: WorkbenchPage, app: FrameLocator, label: string, accountId: string) {
  const name = names[accountId] ?? '';
  await app.getByLabel(label, { exact: true }).fill(name.split(' ')[0] ?? name);
  await app.getByRole('option', { name }).waitFor();
  await page.page.keyboard.press('Enter');
}

describe('starting the catalog from templates', () => {
  let picked: string[] = [];

  it('opens from the Processes tab, grouped by value stream, with purpose and KPIs to choose by', async () => {
    const app = await openTemplates(admin);
    await expect(app.getByRole('heading', { name: 'Run the service' }).count()).resolves.toBe(1);
    await expect(app.getByRole('heading', { name: 'Join the organisation' }).count()).resolves.toBe(1);
    const incident = app.locator('li[data-template-key="INC"]');
    await expect(incident.textContent()).resolves.toContain('Mean time to restore: target 4 hours');
    const free = await app
      .locator('li[data-key-in-use="false"]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-template-key')));
    picked = PREFERRED.filter((key) => free.includes(key)).slice(0, 2);
    expect(picked).toHaveLength(2);
  });

  it('finds templates by search and picks them by keyboard', async () => {
    const app = admin.appFrame();
    for (const key of picked) {
      await app.getByTestId('templates-search').fill(key);
      const card = app.locator(`li[data-template-key="${key}"]`);
      await card.getByRole('checkbox').focus();
      await admin.page.keyboard.press('Space');
      await expect(card.getByRole('checkbox').isChecked()).resolves.toBe(true);
      await expect(card.getByRole('textbox').inputValue()).resolves.toBe(key);
    }
    await app.getByTestId('templates-search').fill('');
    await expect(app.getByTestId('templates-create').textContent()).resolves.toBe('Create 2 processes');
  });

  it('names the APO and ASM, and passes axe in light theme', async () => {
    const app = admin.appFrame();
    await pickUser(admin, app, 'APO (process owner)', wb.users.apo);
    await pickUser(admin, app, 'ASM (service manager, optional)', wb.users.asm);
    await expect(app.getByTestId('templates-apo').textContent()).resolves.toContain(names[wb.users.apo]);
    await expect(seriousViolations(admin)).resolves.toEqual([]);
    await admin.screenshot('templates-picker-light');
  });

  it('creates both, reports each, and lists them in the catalog with their APO', async () => {
    const app = admin.appFrame();
    await app.getByTestId('templates-create').click();
    await app.getByTestId('templates-summary').waitFor();
    for (const key of picked) {
      const id = await app
        .locator(`[data-testid^="template-result-"]`)
        .evaluateAll(
          (items, wanted) => items.find((item) => item.textContent?.includes(`Created as ${wanted}.`))?.getAttribute('data-state') ?? null,
          key,
        );
      expect(id).toBe('created');
    }
    const announced = await textEventually(app.getByTestId('templates-announcement'), (text) => text.startsWith('Done'));
    expect(announced).toBe('Done: 2 created.');
    await expect(seriousViolations(admin)).resolves.toEqual([]);
    await admin.screenshot('templates-results-light');
    await app.getByTestId('templates-back').click();
    for (const key of picked) {
      const row = app.getByTestId(`process-row-${key}`);
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain(names[wb.users.apo]);
    }
  });

  it('opens from a full catalog as "Add from templates"; a key in use is skipped, not overwritten (dark theme)', async () => {
    const app = await openTemplates(admin);
    await admin.switchTheme('dark');
    const [first] = picked;
    const card = app.locator(`li[data-template-key="${first}"]`);
    await expect(card.getAttribute('data-key-in-use')).resolves.toBe('true');
    await expect(app.getByRole('heading', { name: 'Add from templates' }).count()).resolves.toBe(1);
    await card.getByRole('checkbox').check();
    await expect(card.textContent()).resolves.toContain('is already used in the catalog');
    await expect(seriousViolations(admin)).resolves.toEqual([]);
    await admin.screenshot('templates-picker-dark');
    await app.getByTestId('templates-create').click();
    await app.getByTestId('templates-summary').waitFor();
    const results = await app.getByTestId('templates-results').textContent();
    expect(results).toContain(`A process with key ${first} already exists and was left as it is.`);
    await expect(seriousViolations(admin)).resolves.toEqual([]);
    await admin.screenshot('templates-results-dark');
    await admin.switchTheme('light');
    expect(problemsOtherThanAvatars(admin)).toEqual([]);
  });
});

describe('a viewer who may not create', () => {
  it('browses the templates and is told who can create', async () => {
    const viewer = await wb.newPage({ as: 'member', defaultTimeoutMs: 30_000 });
    try {
      const app = await openTemplates(viewer);
      await expect(app.getByTestId('templates-read-only').textContent()).resolves.toContain('Jira administrators can create processes');
      await expect(app.getByTestId('templates-create').count()).resolves.toBe(0);
      await expect(app.locator('li[data-template-key="INC"]').getByRole('checkbox').isDisabled()).resolves.toBe(true);
    } finally {
      await viewer.close();
    }
  });
});
