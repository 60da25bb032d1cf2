import { seriousViolations } from '../support/accessibility';
import { textEventually } from '../support/eventually';
import { appFrame } from '../support/appFrame';
import { startBrowserWorkbench, type BrowserWorkbench, type WorkbenchPage } from '../support/browserWorkbench';

/**
 * The catalog and the issue link end to end: an admin creates and edits a process on the project page, a member links an
 * issue to it in the panel by keyboard alone, the link survives a reload and JQL finds it; undo;
 * and no serious accessibility violations in light or dark theme.
 */
jest.setTimeout(120_000);

const ISSUE = 'ITSM-1';

let wb: BrowserWorkbench;

beforeAll(async () => {
  wb = await startBrowserWorkbench();
});

afterAll(async () => {
  await wb?.close();
});

/**
 * Everything that went wrong in the page except avatar images blocked by the frame's CSP: the
 * manifest declares no `permissions.external.images` for Jira's avatar host yet (reported to the lead).
 */
function problemsOtherThanAvatars(page: WorkbenchPage) {
  return page.problems.filter((problem) => !/useravatar/i.test(`${problem.text} ${problem.url}`));
}

async function openProcessesTab(page: WorkbenchPage) {
  await page.openProjectPage('ITSM');
  const app = page.appFrame();
  await app.getByTestId('tab-processes').click();
  await app.getByText('Process catalog').first().waitFor();
}

describe('the process catalog on the project page', () => {
  let admin: WorkbenchPage;
  beforeAll(async () => {
    admin = await wb.newPage({ as: 'admin' });
  });
  afterAll(async () => admin?.close());

  it('starts empty, explains what a process is and offers to create one', async () => {
    await openProcessesTab(admin);
    const app = admin.appFrame();
    await app.getByTestId('catalog-empty').waitFor();
    await expect(app.getByTestId('catalog-empty').textContent()).resolves.toContain('A process is a repeatable piece of work');
    await admin.screenshot('catalog-catalog-empty');
  });

  it('creates a process, then edits it; the key stays read-only', async () => {
    const app = admin.appFrame();
    await app.getByTestId('create-process').first().click();
    await app.getByTestId('process-form').waitFor();
    await app.getByTestId('process-form-key').fill('inc');
    await app.getByTestId('process-form-name').fill('Incident handling');
    await app.getByRole('textbox', { name: 'Purpose', exact: true }).fill('Restore service fast when something breaks.');
    await app.getByTestId('kpi-editor-add').click();
    await app.getByRole('textbox', { name: 'KPI 1 name', exact: true }).fill('Time to restore');
    await app.getByRole('textbox', { name: 'Target', exact: true }).fill('4');
    await app.getByRole('textbox', { name: 'Unit', exact: true }).fill('hours');
    await admin.screenshot('catalog-process-form');
    await app.getByTestId('process-form-save').click();
    await app.getByTestId('process-details').waitFor();
    await expect(app.getByTestId('process-details').textContent()).resolves.toContain('INC: Incident handling');

    await app.getByTestId('edit-process').click();
    await expect(app.getByTestId('process-form-key').getAttribute('readonly')).resolves.not.toBeNull();
    await app.getByTestId('process-form-name').fill('Incident management');
    await app.getByTestId('process-form-save').click();
    await app.getByTestId('process-details').waitFor();
    await expect(app.getByTestId('process-details').textContent()).resolves.toContain('INC: Incident management');
  });

  it('shows the field-level message for an invalid KPI target', async () => {
    const app = admin.appFrame();
    await app.getByTestId('edit-process').click();
    await app.getByRole('textbox', { name: 'Target', exact: true }).fill('soon');
    await app.getByTestId('process-form-save').click();
    await app.getByText('The target must be a number.').waitFor();
    admin.page.once('dialog', (dialog) => void dialog.accept());
    await app.getByTestId('process-form-cancel').click();
    await app.getByTestId('process-details').waitFor();
  });

  it('keeps a half-edited form through a visit to another tab (tabs stay mounted), losing nothing', async () => {
    const app = admin.appFrame();
    await app.getByTestId('edit-process').click();
    await app.getByTestId('process-form-name').fill('Half-typed name');
    await app.getByTestId('tab-sprint-health').click();
    await app.getByTestId('panel-sprint-health').waitFor();
    await app.getByTestId('tab-processes').click();
    await expect(app.getByTestId('process-form-name').inputValue()).resolves.toBe('Half-typed name');
    admin.page.once('dialog', (dialog) => void dialog.accept());
    await app.getByTestId('process-form-cancel').click();
    await app.getByTestId('process-details').waitFor();
  });

  it('lists the process in the table and passes axe in light and dark theme', async () => {
    await openProcessesTab(admin);
    const app = admin.appFrame();
    await app.getByTestId('process-row-INC').waitFor();
    await expect(seriousViolations(admin)).resolves.toEqual([]);
    await admin.screenshot('catalog-catalog-light');
    await admin.switchTheme('dark');
    await expect(seriousViolations(admin)).resolves.toEqual([]);
    await admin.screenshot('catalog-catalog-dark');
    await admin.switchTheme('light');
    expect(problemsOtherThanAvatars(admin)).toEqual([]);
  });
});

describe('the issue panel', () => {
  let member: WorkbenchPage;
  beforeAll(async () => {
    member = await wb.newPage({ as: 'member' });
    await member.openIssue(ISSUE);
  });
  afterAll(async () => member?.close());

  it('names the issue Jira reported and says it is not linked yet', async () => {
    const app = member.appFrame();
    await app.getByTestId('empty-state').waitFor();
    await expect(app.locator('section').first().getAttribute('aria-label')).resolves.toMatch(new RegExp(`^Process Loop for ${ISSUE}: .+`));
    await expect(seriousViolations(member)).resolves.toEqual([]);
  });

  it('links by keyboard alone and announces it', async () => {
    const app = member.appFrame();
    await app.getByLabel('Owning process').focus();
    await member.page.keyboard.type('incident');
    await member.page.keyboard.press('Enter');
    await member.page.keyboard.press('Tab');
    await expect(appFrame(member).evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('link-button');
    await member.page.keyboard.press('Enter');
    await app.getByTestId('process-key').waitFor();
    await expect(app.getByTestId('process-key').textContent()).resolves.toBe('INC');
    expect(await textEventually(app.getByTestId('announcement'), (text) => text === 'Linked to INC')).toBe('Linked to INC');
    await expect(app.getByTestId('kpi-list').textContent()).resolves.toContain('Time to restore');
    await member.screenshot('catalog-panel-linked-light');
  });

  it('is still linked after a reload, and JQL finds the issue by the alias', async () => {
    await member.openIssue(ISSUE);
    const app = member.appFrame();
    await app.getByTestId('process-key').waitFor();
    await expect(app.getByTestId('process-name').textContent()).resolves.toBe('Incident management');
    const answer = (await appFrame(member).evaluate(() =>
      window.__bridge.callBridge('fetchProduct', {
        product: 'jira',
        restPath: '/rest/api/3/search/jql',
        fetchRequestInit: {
          method: 'POST',
          headers: [
            ['accept', 'application/json'],
            ['content-type', 'application/json'],
          ],
          body: JSON.stringify({ jql: 'asmProcess = INC', fields: ['summary'] }),
        },
      }),
    )) as { status: number; body: string };
    expect(answer.status).toBe(200);
    const keys = (JSON.parse(answer.body) as { issues: Array<{ key: string }> }).issues.map((issue) => issue.key);
    expect(keys).toContain(ISSUE);
  });

  it('unlinks, offers undo, and undo restores the link', async () => {
    const app = member.appFrame();
    await app.getByTestId('unlink-button').click();
    await app.getByTestId('empty-state').waitFor();
    expect(await textEventually(app.getByTestId('announcement'), (text) => text === 'Unlinked')).toBe('Unlinked');
    // Focus moves to Undo, so a keyboard user can take it back at once.
    await expect(appFrame(member).evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('undo');
    await member.page.keyboard.press('Enter');
    await app.getByTestId('process-key').waitFor();
    await expect(app.getByTestId('process-key').textContent()).resolves.toBe('INC');
  });

  it('passes axe in dark theme', async () => {
    await member.switchTheme('dark');
    await member.appFrame().getByTestId('process-key').waitFor();
    await expect(seriousViolations(member)).resolves.toEqual([]);
    await member.screenshot('catalog-panel-linked-dark');
    expect(problemsOtherThanAvatars(member)).toEqual([]);
  });
});

describe('a viewer who may not edit the issue', () => {
  it('sees the link read-only with the reason', async () => {
    const viewer = await wb.newPage({ as: 'viewer' });
    await viewer.openIssue(ISSUE);
    const app = viewer.appFrame();
    await app.getByTestId('read-only-reason').waitFor();
    await expect(app.getByTestId('process-key').textContent()).resolves.toBe('INC');
    await expect(app.getByTestId('link-button').count()).resolves.toBe(0);
    await viewer.close();
  });
});
