import { aDemoWithOverdueSprint } from '../../builders/overdueSprint';
import { invokerFor, seedIncidentProcess } from '../improvements/seedIncidentProcess';
import { seriousViolations } from '../support/accessibility';
import { textEventually } from '../support/eventually';
import { startBrowserWorkbench, type BrowserWorkbench, type WorkbenchPage } from '../support/browserWorkbench';

/**
 * A team that has not closed its sprint in Jira: the sprint review and sprint health tabs still pick
 * it, and say next to its name that it ended days ago and is not closed in Jira yet.
 */
jest.setTimeout(120_000);

const NOTE = 'ended 3 days ago, not closed in Jira yet';
let wb: BrowserWorkbench;
let apo: WorkbenchPage;
let sprintName: string;

beforeAll(async () => {
  wb = await startBrowserWorkbench();
  const overdue = aDemoWithOverdueSprint({ endedDaysAgo: 3 });
  sprintName = overdue.sprintName;
  const seeded = await fetch(`${wb.url}/workbench/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ dataset: overdue.dataset }),
  });
  if (seeded.status !== 200) throw new Error(`Seeding the overdue sprint failed: ${seeded.status} ${await seeded.text()}`);
  const people = { admin: wb.users.admin, apo: wb.users.apo, asm: wb.users.asm };
  await seedIncidentProcess(invokerFor(wb.platform, overdue.dataset.site.cloudId), people);
  apo = await wb.newPage({ as: 'apo', defaultTimeoutMs: 20_000 });
});

afterAll(async () => {
  await apo?.close();
  await wb?.close();
});

it('says in the sprint review that the active sprint ended and is not closed in Jira yet', async () => {
  await apo.openProjectPage('ITSM');
  const app = apo.appFrame();
  await app.getByTestId('tab-sprint-review').click();
  await app.getByTestId('review-heading').waitFor();
  await expect(app.getByTestId('review-heading').textContent()).resolves.toContain(sprintName);
  await expect(app.getByTestId('review-sprint-overdue').textContent()).resolves.toBe(NOTE);
  await expect(app.getByTestId('review-pick-sprint').textContent()).resolves.toContain(`${sprintName} (active)`);
  await expect(app.getByTestId('review-pick-sprint').textContent()).resolves.toContain(NOTE);
  await expect(seriousViolations(apo)).resolves.toEqual([]);
  await apo.screenshot('overdue-sprint-review');
  apo.expectNoProblems();
});

it('says it in the sprint health picker and above the numbers', async () => {
  await apo.openProjectPage('ITSM');
  const app = apo.appFrame();
  await app.getByTestId('tab-sprint-health').click();
  const picker = app.getByTestId('sprint-health-sprint');
  await picker.waitFor();
  const label = await textEventually(picker, (text) => text.includes(NOTE), 20_000);
  expect(label).toContain(sprintName);
  expect(label).toContain(NOTE);
  const asOf = app.getByTestId('sprint-health-as-of');
  await asOf.waitFor({ timeout: 60_000 });
  await expect(asOf.textContent()).resolves.toContain(`Active sprint (${NOTE}): numbers as of`);
  await expect(app.getByTestId('sprint-health-provisional').textContent()).resolves.toContain('The sprint is not closed in Jira yet');
  await expect(seriousViolations(apo)).resolves.toEqual([]);
  await apo.screenshot('overdue-sprint-health');
  apo.expectNoProblems();
});
