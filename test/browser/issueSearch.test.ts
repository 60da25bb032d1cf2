import { aProcessInput, aValueStreamInput } from '../builders/catalogBuilders';
import { startBrowserWorkbench, type BrowserWorkbench, type WorkbenchPage } from './support/browserWorkbench';

/**
 * A newcomer's "find it with JQL": the workbench's issue search page runs the JQL through the Jira
 * stand-in as the acting user, so the app's entity property aliases work as in Jira's navigator.
 */
jest.setTimeout(60_000);

let wb: BrowserWorkbench;

async function invokeAs(accountId: string, functionKey: string, payload: unknown, extension: Record<string, unknown>) {
  const answer = (await wb.platform.host.invokeResolver({ functionKey, payload, accountId, context: { extension } })) as { ok: boolean };
  expect(answer).toMatchObject({ ok: true });
}

beforeAll(async () => {
  wb = await startBrowserWorkbench();
  const { admin, apo, asm, member } = wb.users;
  const project = { type: 'jira:projectPage', project: { id: '10000', key: 'ITSM' } };
  await invokeAs(admin, 'saveValueStream', { valueStream: aValueStreamInput({ ownerAccountId: admin }), expectedVersion: null }, project);
  await invokeAs(
    admin,
    'saveProcess',
    { process: aProcessInput({ apoAccountId: apo, asmAccountId: asm }), expectedVersion: null },
    project,
  );
  const issue = wb.platform.jira.issue('ITSM-3');
  if (!issue) throw new Error('The demo dataset has no ITSM-3.');
  await invokeAs(
    member,
    'linkIssueToProcess',
    { processKey: 'INC' },
    { type: 'jira:issuePanel', issue: { id: issue.id, key: issue.key }, project: project.project },
  );
});

afterAll(async () => {
  await wb?.close();
});

async function search(page: WorkbenchPage, jql: string) {
  await page.page.goto(`/issues?jql=${encodeURIComponent(jql)}`);
}

describe('issue search by JQL', () => {
  it('finds the linked issue by the process alias, for someone who may browse it', async () => {
    const member = await wb.newPage({ as: 'member' });
    await search(member, 'asmProcess = INC AND asmStage = "Resolve"');
    const rows = member.page.getByTestId('search-result-row');
    await expect(rows.allTextContents()).resolves.toEqual([expect.stringContaining('ITSM-3')]);
    await member.screenshot('issue-search-light');
    member.expectNoProblems();
    await member.close();
  });

  it('shows nothing to a user who cannot browse the project', async () => {
    const outsider = await wb.newPage({ as: 'outsider' });
    await search(outsider, 'asmProcess = INC');
    await outsider.page.getByTestId('search-empty').waitFor();
    await outsider.close();
  });

  it("shows Jira's message for JQL it cannot run", async () => {
    const member = await wb.newPage({ as: 'member' });
    await search(member, 'asmProcess = ');
    await expect(member.page.getByTestId('search-error').textContent()).resolves.toMatch(/\S/);
    await member.close();
  });
});
