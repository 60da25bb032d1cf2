import fs from 'node:fs';
import { textEventually } from '../support/eventually';
import { buildDemoDataset, DEMO_SPRINT_IDS } from '../../../workbench/datasets/demoDataset';
import { STATUS_IDS } from '../../../workbench/datasets/siteBasics';
import { JiraStandIn } from '../../../workbench/jira/jiraStandIn';
import { seriousViolations } from '../support/accessibility';
import { appFrame } from '../support/appFrame';
import { startBrowserWorkbench, type BrowserWorkbench, type NewPageOptions, type WorkbenchPage } from '../support/browserWorkbench';
import { INC_DOD, invokerFor, seedIncidentProcess } from './seedIncidentProcess';

/**
 * Improvements end to end: enabling the issue type (and why others cannot), an improvement story created
 * from the issue panel, its Definition of Done ticked, a second story from the project page, the
 * backlog order changed by keyboard and kept, and the story's outcome recorded in the sprint review
 * (validated KPI reading, history, CSV), with screenshots in light and dark theme and axe checks.
 */
jest.setTimeout(180_000);

let wb: BrowserWorkbench;
/** Keys of the stories the tests create, in creation order. */
const created: string[] = [];

beforeAll(async () => {
  wb = await startBrowserWorkbench();
  await seedIncidentProcess(invokerFor(wb.platform, buildDemoDataset().site.cloudId), {
    admin: wb.users.admin,
    apo: wb.users.apo,
    asm: wb.users.asm,
  });
});

afterAll(async () => {
  await wb?.close();
});

/** Pages that fail fast: every wait here is for something already on its way. */
const newPage = (options: NewPageOptions): Promise<WorkbenchPage> => wb.newPage({ ...options, defaultTimeoutMs: 15_000 });

async function activeTestId(page: WorkbenchPage): Promise<string | null | undefined> {
  return appFrame(page).evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid'));
}

async function openTab(page: WorkbenchPage, projectKey: string, tab: 'improvement-backlog' | 'sprint-review') {
  await page.openProjectPage(projectKey);
  await page.appFrame().getByTestId(`tab-${tab}`).click();
}

/** Saves the sprint review form and waits for its "saved" message. */
async function saveReview(page: WorkbenchPage) {
  const app = page.appFrame();
  await app.getByTestId('review-save').click();
  await app
    .getByText(/Saved the review of ITSM Sprint/)
    .first()
    .waitFor();
}

/** Picks an option of an Atlaskit select by typing, as a keyboard user would. */
async function choose(page: WorkbenchPage, label: string, text: string) {
  await page.appFrame().getByTestId('improvement-form').getByLabel(label, { exact: true }).focus();
  await page.page.keyboard.type(text);
  await page.page.keyboard.press('Enter');
}

/** Fills the create form; `story` names what differs between the stories. */
async function fillStoryForm(page: WorkbenchPage, story: { want: string; benefit: number; cost: number; baseline: string }) {
  const app = page.appFrame();
  await choose(page, 'Process', 'Incident');
  await app.getByLabel('As a …').fill('service desk agent');
  await app.getByLabel('I want …').fill(story.want);
  await app.getByLabel('so that …').fill('customers get their service back sooner');
  await app.getByLabel('We believe …').fill('a triage checklist at intake');
  await app.getByLabel('will give …').fill('fewer reassigned incidents');
  await choose(page, 'KPI', 'Time to restore');
  await app.getByLabel('What you will measure').fill('Median time to restore');
  await app.getByLabel('Baseline (hours)').fill(story.baseline);
  await app.getByLabel('Target (hours)').fill('4');
  await app.getByTestId(`improvement-form-benefit-${story.benefit}--radio-label`).click();
  await app.getByTestId(`improvement-form-cost-${story.cost}--radio-label`).click();
}

async function createdKey(page: WorkbenchPage): Promise<string> {
  const notice = page.appFrame().getByTestId('created-story-notice');
  await notice.waitFor();
  const text = (await notice.textContent()) ?? '';
  const key = /Created (ITSM-\d+)/.exec(text)?.[1];
  if (!key) throw new Error(`No created issue key in: ${text}`);
  return key;
}

describe('enabling the improvement issue type', () => {
  it('tells a non-admin why they cannot enable it', async () => {
    const member = await newPage({ as: 'member' });
    await openTab(member, 'ITSM', 'improvement-backlog');
    const app = member.appFrame();
    await app.getByTestId('enable-reason').waitFor();
    await expect(app.getByTestId('enable-for-project').count()).resolves.toBe(0);
    await expect(app.getByTestId('enable-reason').textContent()).resolves.toMatch(/admin/i);
    await member.close();
  });

  it('explains the steps in a team-managed project', async () => {
    const admin = await newPage({ as: 'admin' });
    await openTab(admin, 'OPS', 'improvement-backlog');
    const app = admin.appFrame();
    await app.getByTestId('enablement-message').waitFor();
    await expect(app.getByTestId('enablement-message').textContent()).resolves.toContain('team-managed');
    await expect(app.getByTestId('team-managed-steps').locator('li').count()).resolves.toBeGreaterThan(0);
    await admin.screenshot('improvements-enable-team-managed');
    admin.expectNoProblems();
    await admin.close();
  });

  it('lets a Jira admin enable it for a company-managed project', async () => {
    const admin = await newPage({ as: 'admin' });
    await openTab(admin, 'ITSM', 'improvement-backlog');
    const app = admin.appFrame();
    await app.getByTestId('enable-for-project').click();
    await app.getByTestId('enablement-enabled').waitFor();
    await expect(app.getByTestId('enable-result').textContent()).resolves.toContain('is now an issue type of IT Service Management');
    await expect(activeTestId(admin)).resolves.toBe('enable-result');
    admin.expectNoProblems();
    await admin.close();
  });
});

describe('an improvement story from the issue panel', () => {
  it('shows field messages, then creates the story as the member', async () => {
    const member = await newPage({ as: 'member' });
    await member.openIssue('ITSM-1');
    const app = member.appFrame();
    await app.getByTestId('create-improvement').click();
    await app.getByTestId('improvement-form').waitFor();
    await app.getByTestId('improvement-form-create').click();
    await app.getByTestId('improvement-form-summary').waitFor();
    await expect(app.getByTestId('improvement-form-as-a-error').textContent()).resolves.toContain('Say who benefits');
    await expect(app.getByTestId('improvement-form-benefit-error').textContent()).resolves.toContain('expected benefit');

    await app.getByLabel('As a …').fill('service desk agent');
    await expect(app.getByTestId('improvement-form-as-a-error').count()).resolves.toBe(0); // gone once the field is edited
    await fillStoryForm(member, { want: 'a triage checklist', benefit: 4, cost: 2, baseline: '6' });
    await member.screenshot('improvements-panel-create-form');
    await app.getByTestId('improvement-form-create').click();
    created.push(await createdKey(member));
    member.expectNoProblems();
    await member.close();
  });

  it('shows the hypothesis and measure, and ticks the Definition of Done with who and when', async () => {
    const apo = await newPage({ as: 'apo' });
    await apo.openIssue(created[0] as string);
    const app = apo.appFrame();
    await app.getByTestId('improvement-details').waitFor();
    await expect(app.getByTestId('improvement-hypothesis').textContent()).resolves.toContain(
      'We believe a triage checklist at intake will give fewer reassigned incidents.',
    );
    await expect(app.getByTestId('improvement-measure').textContent()).resolves.toContain('from 6 hours to 4 hours');
    await expect(app.getByTestId('dod-progress').textContent()).resolves.toContain(`0 of ${INC_DOD.length} done`);

    const item = INC_DOD[0] as { id: string; text: string };
    await app.getByTestId(`dod-check-${item.id}--hidden-checkbox`).focus();
    await apo.page.keyboard.press('Space');
    await app.getByTestId(`dod-done-by-${item.id}`).waitFor();
    await expect(app.getByTestId(`dod-done-by-${item.id}`).textContent()).resolves.toContain('Ticked by Priya Raman');
    await expect(app.getByTestId('dod-progress').textContent()).resolves.toContain(`1 of ${INC_DOD.length} done`);
    expect(await textEventually(app.getByTestId('improvement-announcement'), (text) => text.includes(`Ticked: ${item.text}`))).toContain(
      `Ticked: ${item.text}`,
    );
    await expect(seriousViolations(apo)).resolves.toEqual([]);
    await apo.screenshot('improvements-panel-story-light');
    await apo.switchTheme('dark');
    await apo.screenshot('improvements-panel-story-dark');
    await expect(seriousViolations(apo)).resolves.toEqual([]);
    await apo.switchTheme('light');
    apo.expectNoProblems();
    await apo.close();
  });
});

describe('the process backlog', () => {
  let apo: WorkbenchPage;
  beforeAll(async () => {
    apo = await newPage({ as: 'apo' });
  });
  afterAll(async () => apo?.close());

  it('creates a second story from the project page and orders by benefit ÷ cost', async () => {
    await openTab(apo, 'ITSM', 'improvement-backlog');
    const app = apo.appFrame();
    await app.getByTestId('backlog-group-INC').waitFor();
    await app.getByTestId('backlog-create-story').click();
    await app.getByTestId('create-story-modal').waitFor();
    await fillStoryForm(apo, { want: 'a known-error list on the portal', benefit: 5, cost: 1, baseline: '5' });
    await app.getByTestId('improvement-form-create').click();
    created.push(await createdKey(apo));
    await app.getByTestId(`backlog-row-${created[1]}`).waitFor();
    const rows = app.getByTestId('backlog-group-INC').locator('[data-testid^="backlog-row-"]');
    await expect(rows.nth(0).getAttribute('data-testid')).resolves.toBe(`backlog-row-${created[1]}`); // 5 ÷ 1 before 4 ÷ 2
    await expect(rows.nth(1).getAttribute('data-testid')).resolves.toBe(`backlog-row-${created[0]}`);
  });

  it('moves a story up by keyboard, keeps focus on it, and keeps the order after a reload', async () => {
    const app = apo.appFrame();
    await app.getByTestId(`move-up-${created[0]}`).focus();
    await apo.page.keyboard.press('Enter');
    const moved = `${created[0]} moved to position 1 of 2 in INC.`;
    expect(await textEventually(app.getByTestId('backlog-announcement'), (text) => text === moved)).toBe(moved);
    // At the top "Move up" is gone; focus lands on the same story's "Move down".
    await expect(activeTestId(apo)).resolves.toBe(`move-down-${created[0]}`);
    await openTab(apo, 'ITSM', 'improvement-backlog');
    await app.getByTestId('backlog-group-INC').waitFor();
    const rows = app.getByTestId('backlog-group-INC').locator('[data-testid^="backlog-row-"]');
    await expect(rows.nth(0).getAttribute('data-testid')).resolves.toBe(`backlog-row-${created[0]}`);
    await expect(app.getByTestId('backlog-order-kind-INC').textContent()).resolves.toContain('Ordered by hand');
    await expect(seriousViolations(apo)).resolves.toEqual([]);
    await apo.screenshot('improvements-backlog-light');
    await apo.switchTheme('dark');
    await apo.screenshot('improvements-backlog-dark');
    await expect(seriousViolations(apo)).resolves.toEqual([]);
    await apo.switchTheme('light');
    apo.expectNoProblems();
  });
});

describe('the sprint review', () => {
  let apo: WorkbenchPage;
  beforeAll(async () => {
    // The team finished the first story in the active sprint (what a board move would do).
    const jira = wb.platform.jira;
    if (!(jira instanceof JiraStandIn)) throw new Error('The browser workbench runs the Jira stand-in.');
    jira.applyIssueUpdate(
      created[0] as string,
      { statusId: STATUS_IDS.done, sprintIds: [DEMO_SPRINT_IDS.active] },
      { authorAccountId: wb.users.member, at: new Date() },
    );
    apo = await newPage({ as: 'apo' });
  });
  afterAll(async () => apo?.close());

  it('refuses a negative duration next to the field, then saves the outcome and records the change', async () => {
    await openTab(apo, 'ITSM', 'sprint-review');
    const app = apo.appFrame();
    await app.getByTestId('review-form').waitFor();
    await app.getByTestId(`review-story-${created[0]}`).waitFor();
    await app.getByLabel('What was achieved').fill('Triage checklist in use at intake.');
    await app.getByLabel('What next').fill('Publish the known-error list.');
    await app.getByLabel('Time to restore (hours)').fill('-3');
    await app.getByTestId(`review-outcome-${created[0]}-confirmed--radio-label`).click();
    await app.getByTestId(`review-outcome-note-${created[0]}`).fill('Median went from 6 to 3.5 hours.');
    await app.getByTestId('review-save').click();
    await app.getByTestId('review-kpi-mttr-error').waitFor();
    await expect(app.getByTestId('review-kpi-mttr-error').textContent()).resolves.toContain('cannot be negative');

    await app.getByLabel('Time to restore (hours)').fill('3.5');
    await saveReview(apo);
    await expect(activeTestId(apo)).resolves.toBe('review-saved');
    await app.getByTestId('review-history-1').waitFor();
    await expect(app.getByTestId('review-history-1').textContent()).resolves.toContain('Priya Raman');
    await expect(app.getByTestId('review-history-1').textContent()).resolves.toContain('Time to restore: 3.5 hours');
    await expect(seriousViolations(apo)).resolves.toEqual([]);
    await apo.screenshot('improvements-review-light');
    await apo.switchTheme('dark');
    // The screenshot waits for the theme's colour transitions to settle before axe measures contrast.
    await apo.screenshot('improvements-review-dark');
    await expect(seriousViolations(apo)).resolves.toEqual([]);
    await apo.switchTheme('light');
  });

  it('downloads the process reviews as CSV', async () => {
    const app = apo.appFrame();
    const [download] = await Promise.all([apo.page.waitForEvent('download'), app.getByTestId('review-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const file = await download.path();
    expect(fs.readFileSync(file, 'utf8')).toContain('Triage checklist in use at intake.');
    apo.expectNoProblems();
  });

  it('shows the outcome on the story in the panel', async () => {
    await apo.openIssue(created[0] as string);
    const app = apo.appFrame();
    await app.getByTestId('outcome-value').waitFor();
    await expect(app.getByTestId('outcome-value').textContent()).resolves.toBe('Confirmed');
    await expect(app.getByTestId('outcome-note-text').textContent()).resolves.toBe('Median went from 6 to 3.5 hours.');
    apo.expectNoProblems();
  });

  it('tells a reviewer who cannot see a story that its outcome is kept, and keeps it when they save', async () => {
    const jira = wb.platform.jira;
    const story = created[0] as string;
    jira.setIssueSecurity(story, { id: '10100', name: 'Management only', members: [wb.users.apo] });
    const asm = await newPage({ as: 'asm' });
    try {
      await openTab(asm, 'ITSM', 'sprint-review');
      const app = asm.appFrame();
      await app.getByTestId('review-form').waitFor();
      await app.getByTestId('review-hidden-outcomes').waitFor();
      await expect(app.getByTestId('review-hidden-outcomes').textContent()).resolves.toBe(
        "1 outcome on an issue you can't see is kept as it is when you save.",
      );
      await expect(app.getByTestId(`review-story-${story}`).count()).resolves.toBe(0);
      await app.getByLabel('What next').fill('Publish the known-error list, then the runbooks.');
      await saveReview(asm);
      await expect(seriousViolations(asm)).resolves.toEqual([]);
      asm.expectNoProblems();
    } finally {
      await asm.close();
      jira.setIssueSecurity(story, null);
    }
    // The stored review still holds the APO's outcome, exactly as they saved it.
    const invoke = invokerFor(wb.platform, buildDemoDataset().site.cloudId);
    const review = (await invoke(wb.users.apo, 'getSprintReview', { processKey: 'INC', sprintId: DEMO_SPRINT_IDS.active })) as {
      data: { review: { version: number; storyOutcomes: Array<{ issueKey: string; value: string; note: string }> } };
    };
    expect(review.data.review.version).toBe(2);
    expect(review.data.review.storyOutcomes).toEqual([
      expect.objectContaining({ issueKey: story, value: 'confirmed', note: 'Median went from 6 to 3.5 hours.' }),
    ]);
  });
});

describe('a property changed outside Process Loop', () => {
  it('shows the recorded outcome with the mark after a member rewrites the property through Jira’s REST API', async () => {
    const key = created[0] as string;
    const jira = wb.platform.jira;
    const asMember = { kind: 'user' as const, accountId: wb.users.member };
    const path = `/rest/api/3/issue/${key}/properties/process-loop-improvement`;
    const stored = JSON.parse((await jira.handle({ method: 'GET', pathWithQuery: path, headers: {}, caller: asMember })).body) as {
      value: Record<string, unknown>;
    };
    const forged = { value: 'refuted', note: 'Did not help.', by: wb.users.apo, at: new Date().toISOString() };
    const written = await jira.handle({
      method: 'PUT',
      pathWithQuery: path,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...stored.value, outcome: forged }),
      caller: asMember,
    });
    expect(written.status).toBe(200);

    const apo = await newPage({ as: 'apo' });
    await apo.openIssue(key);
    const app = apo.appFrame();
    await app.getByTestId('record-changed-outside').waitFor();
    await expect(app.getByTestId('record-changed-outside').textContent()).resolves.toContain('Changed outside Process Loop');
    await expect(app.getByTestId('record-changed-outside').textContent()).resolves.toContain('claiming it was recorded by Priya Raman');
    await expect(app.getByTestId('outcome-value').textContent()).resolves.toBe('Confirmed');
    await expect(seriousViolations(apo)).resolves.toEqual([]);
    await apo.screenshot('improvements-panel-changed-outside');

    await openTab(apo, 'ITSM', 'improvement-backlog');
    await apo.appFrame().getByTestId(`changed-outside-${key}`).waitFor();
    await expect(apo.appFrame().getByTestId(`changed-outside-${key}`).textContent()).resolves.toBe('Changed outside Process Loop');
    apo.expectNoProblems();
    await apo.close();
  });
});
