import { aProcessInput } from '../builders/catalogBuilders';
import { seriousViolations } from './support/accessibility';
import { appFrame } from './support/appFrame';
import { startBrowserWorkbench, type BrowserWorkbench, type WorkbenchPage } from './support/browserWorkbench';

/**
 * Link suggestions end to end on the demo site: a member opens "Suggest links" on the Processes
 * tab, accepts the suggestion for the test's own label, and Jira's search finds the issues by the
 * process alias. The test owns its process key and label, so whatever catalog the demo carries
 * (empty, or a full one) only adds other suggestions next to it.
 */
jest.setTimeout(120_000);

const PROCESS = 'LSBT';
const LABEL = 'link-suggestion-browser-test';
const PROJECT = { id: '10000', key: 'ITSM' };

let wb: BrowserWorkbench;

async function invokeAs(accountId: string, functionKey: string, payload: unknown, extension: Record<string, unknown>) {
  const answer = (await wb.platform.host.invokeResolver({ functionKey, payload, accountId, context: { extension } })) as { ok: boolean };
  expect(answer).toMatchObject({ ok: true });
}

function labelledIssue(issueTypeId: string, number: number) {
  const summary = `Label check ${number}`;
  return wb.platform.jira.createIssue({ projectKey: 'ITSM', issueTypeId, summary, reporterAccountId: wb.users.member, labels: [LABEL] });
}

beforeAll(async () => {
  wb = await startBrowserWorkbench();
  const { admin, apo, asm, member } = wb.users;
  const projectPage = { type: 'jira:projectPage', project: PROJECT };
  const existing = (await wb.platform.host.invokeResolver({
    functionKey: 'getCatalog',
    payload: {},
    accountId: admin,
    context: { extension: projectPage },
  })) as { data?: { processes: Array<{ key: string }> } };
  if (!existing.data?.processes.some((process) => process.key === PROCESS)) {
    const process = aProcessInput({
      key: PROCESS,
      name: 'Suggestion check',
      apoAccountId: apo,
      asmAccountId: asm,
      valueStreamKey: null,
      stageId: null,
    });
    await invokeAs(admin, 'saveProcess', { process, expectedVersion: null }, projectPage);
  }
  // Seven issues with the test's label: three linked by a person, four left for the suggestion.
  const typeId = wb.platform.jira.issue('ITSM-3')?.issueTypeId;
  if (!typeId) throw new Error('The demo dataset has no ITSM-3.');
  const created = Array.from({ length: 7 }, (_, index) => labelledIssue(typeId, index + 1));
  for (const issue of created.slice(0, 3)) {
    const panel = { type: 'jira:issuePanel', issue: { id: issue.id, key: issue.key }, project: PROJECT };
    await invokeAs(member, 'linkIssueToProcess', { processKey: PROCESS }, panel);
  }
});

afterAll(async () => {
  await wb?.close();
});

async function openSuggestions(page: WorkbenchPage) {
  await page.openProjectPage('ITSM');
  const app = page.appFrame();
  await app.getByTestId('tab-processes').click();
  await app.getByTestId('suggest-links').click();
  await app.getByTestId('link-suggestions-list').waitFor();
  return app;
}

describe('link suggestions', () => {
  it('link the suggested issues and a JQL search by the alias finds them', async () => {
    const member = await wb.newPage({ as: 'member', colorMode: 'light' });
    const app = await openSuggestions(member);
    const suggestion = app.getByTestId(`link-suggestion-label:${LABEL}→${PROCESS}`);
    const expected = `Label ${LABEL} → ${PROCESS}.*4 issues unlinked\\. 100% of the 3 linked issues with this label are ${PROCESS}`;
    await expect(suggestion.textContent()).resolves.toMatch(new RegExp(expected));
    await expect(suggestion.getByRole('link').first().getAttribute('href')).resolves.toMatch(/^\/browse\/ITSM-\d+$/);
    await expect(seriousViolations(member)).resolves.toEqual([]);
    await member.screenshot('link-suggestions-light');

    // Keyboard: focus the accept button and press Enter.
    await suggestion.getByTestId('accept-link-suggestion').focus();
    await member.page.keyboard.press('Enter');
    await expect(suggestion.getByTestId('link-suggestion-result').textContent()).resolves.toContain(`Linked 4 issues to ${PROCESS}.`);
    // The button is gone once done: focus moves to the result, not back to the top of the dialog.
    const focusOnResult = () => document.activeElement?.querySelector('[data-testid="link-suggestion-result"]') != null;
    await expect(appFrame(member).evaluate(focusOnResult)).resolves.toBe(true);
    await member.screenshot('link-suggestions-accepted-light');

    await member.page.goto(`/issues?jql=${encodeURIComponent(`asmProcess = ${PROCESS}`)}`);
    const rows = member.page.getByTestId('search-result-row');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(7);
    await expect(rows.allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('Label check 7')]));
    await member.screenshot('link-suggestions-jql');
    member.expectNoProblems();
    await member.close();
  });

  it('tell a viewer up front, in dark mode, that they may see suggestions but not accept them', async () => {
    // The member's accepted suggestion used up the label's issues: add two more for the viewer to see.
    const typeId = wb.platform.jira.issue('ITSM-3')?.issueTypeId as string;
    for (const number of [8, 9]) labelledIssue(typeId, number);
    const viewer = await wb.newPage({ as: 'viewer', colorMode: 'dark' });
    const app = await openSuggestions(viewer);
    const suggestion = app.getByTestId(`link-suggestion-label:${LABEL}→${PROCESS}`);
    await suggestion.waitFor();
    await expect(app.getByTestId('link-suggestions-read-only').textContent()).resolves.toContain(
      'Linking needs the Edit issues permission in ITSM',
    );
    await expect(suggestion.getByTestId('accept-link-suggestion').count()).resolves.toBe(0);
    await expect(seriousViolations(viewer)).resolves.toEqual([]);
    await viewer.screenshot('link-suggestions-dark');
    viewer.expectNoProblems();
    await viewer.close();
  });
});
