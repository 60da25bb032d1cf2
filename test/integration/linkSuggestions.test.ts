import { aProcessInput, aValueStreamInput } from '../builders/catalogBuilders';
import { aDataset, anIssue, ISSUE_TYPE } from '../builders/datasetBuilders';
import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';

/**
 * Link suggestions through the emulated platform: read as the viewer, accepted with one bulk
 * permission check and one bulk property write, Jira's edit permission deciding.
 */
let wb: TestWorkbench;

const LINKED_BY_APO = (processKey: string) => ({
  schemaVersion: 1,
  processKey,
  valueStreamKey: null,
  stageId: null,
  stageName: null,
  linkedBy: 'user-apo',
  linkedAt: new Date().toISOString(),
  source: 'person',
});

/** Five Backend stories linked to INC; `count` unlinked Backend tasks; one task with nothing to go on. */
function dataset(count = 30) {
  const linked = Array.from({ length: 5 }, (_, index) =>
    anIssue({
      key: `ITSM-${501 + index}`,
      issueTypeId: ISSUE_TYPE.story,
      components: ['Backend'],
      properties: { 'process-loop-link': LINKED_BY_APO('INC') },
    }),
  );
  const unlinked = Array.from({ length: count }, (_, index) =>
    anIssue({ key: `ITSM-${index + 1}`, summary: `Backend task ${index + 1}`, components: ['Backend'] }),
  );
  return aDataset({
    issues: [
      ...linked,
      ...unlinked,
      anIssue({ key: 'ITSM-400', summary: 'Lonely task' }),
      anIssue({ key: 'TEAM-1', id: '20001', summary: 'Team task' }),
    ],
  });
}

const BACKEND = { kind: 'component', value: 'Backend' };
const unlinkedIds = (count = 30) => Array.from({ length: count }, (_, index) => String(10001 + index));
const acceptBackend = (accountId: string, issueIds = unlinkedIds()) =>
  wb.invoke(accountId, 'acceptLinkSuggestion', { signal: { kind: 'component', value: 'Backend' }, processKey: 'INC', issueIds });

const linkOf = (key: string) => wb.jira.issue(key)?.properties['process-loop-link'] as Record<string, unknown> | undefined;
const jiraRequests = () => wb.jira.requestLog.map((entry) => `${entry.method} ${entry.path.replace(/\/task\/\d+$/, '/task/{id}')}`);

async function start(count = 30) {
  wb = await createTestWorkbench({ dataset: dataset(count) });
  const { admin, apo, asm } = wb.users;
  await wb.invoke(admin, 'saveValueStream', { valueStream: aValueStreamInput({ ownerAccountId: admin }), expectedVersion: null });
  for (const process of [
    aProcessInput({ key: 'INC', apoAccountId: apo, asmAccountId: asm }),
    aProcessInput({ key: 'OLD', name: 'Old way', apoAccountId: apo, asmAccountId: asm, status: 'retired' }),
  ]) {
    expect(await wb.invoke(admin, 'saveProcess', { process, expectedVersion: null })).toMatchObject({ ok: true });
  }
  wb.jira.clearRequestLog();
}

beforeEach(async () => {
  await start();
});
afterEach(() => {
  wb.expectNoContractViolations();
  wb.close();
});

describe('link suggestions', () => {
  it('propose the process the project’s linked issues with the same component belong to', async () => {
    const answer = await wb.invoke(wb.users.viewer, 'getLinkSuggestions', {});
    expect(answer).toMatchObject({
      ok: true,
      data: {
        projectKey: 'ITSM',
        canEdit: false,
        unlinkedCount: 31,
        linkedCount: 5,
        truncated: { unlinked: false, linked: false },
        suggestions: [
          {
            signal: { kind: 'component', value: 'Backend' },
            processKey: 'INC',
            basis: { kind: 'evidence', linkedWithSignal: 5, matching: 5, share: 1 },
            issueCount: 30,
          },
        ],
      },
    });
    // Two bounded searches as the viewer, with only the fields the suggestions read, and whether they may edit.
    expect(jiraRequests().sort()).toEqual(['GET /rest/api/3/mypermissions', 'POST /rest/api/3/search/jql', 'POST /rest/api/3/search/jql']);
  });

  it('link a 30-issue suggestion as the user with five Jira requests, and JQL finds the issues', async () => {
    const answer = await acceptBackend(wb.users.member);
    expect(answer).toEqual({ ok: true, data: { linked: 30, skipped: [], complete: true } });
    expect(jiraRequests()).toEqual([
      'POST /rest/api/3/search/jql',
      'POST /rest/api/3/search/jql',
      'POST /rest/api/3/permissions/check',
      'POST /rest/api/3/issue/properties/multi',
      'GET /rest/api/3/task/{id}',
    ]);
    expect(linkOf('ITSM-7')).toMatchObject({
      processKey: 'INC',
      source: 'person',
      via: 'link-suggestion',
      linkedBy: wb.users.member,
      valueStreamKey: 'RUN',
      stageName: 'Resolve',
    });

    const search = await wb.jira.handle({
      method: 'POST',
      pathWithQuery: '/rest/api/3/search/jql',
      headers: {},
      body: JSON.stringify({ jql: 'project = ITSM AND asmProcess = INC', fields: ['id'], maxResults: 100 }),
      caller: { kind: 'user', accountId: wb.users.member },
    });
    expect((JSON.parse(search.body) as { issues: unknown[] }).issues).toHaveLength(35);

    // The new links are evidence too: every linked task is INC now, so the last task is suggested by its type.
    const after = await wb.invoke(wb.users.member, 'getLinkSuggestions', {});
    expect(after).toMatchObject({
      ok: true,
      data: { canEdit: true, unlinkedCount: 1, linkedCount: 35, suggestions: [{ id: 'issueType:Task→INC', issueCount: 1 }] },
    });
  });

  it('write 150 issues in two bulk requests of 100 and 50', async () => {
    wb.close();
    await start(150);
    const answer = await acceptBackend(wb.users.member, unlinkedIds(150));
    expect(answer).toEqual({ ok: true, data: { linked: 150, skipped: [], complete: true } });
    const requests = jiraRequests();
    expect(requests.filter((request) => request === 'POST /rest/api/3/issue/properties/multi')).toHaveLength(2);
    expect(requests.filter((request) => request === 'POST /rest/api/3/permissions/check')).toHaveLength(1);
    expect(requests).toHaveLength(3 + 1 + 2 + 2);
    expect(linkOf('ITSM-150')).toMatchObject({ processKey: 'INC' });
  });

  it('skip every issue a viewer cannot edit, say why, and write nothing', async () => {
    const answer = await acceptBackend(wb.users.viewer);
    expect(answer).toEqual({
      ok: true,
      data: { linked: 0, skipped: [{ reason: 'no-permission', count: 30, examples: ['ITSM-1', 'ITSM-2', 'ITSM-3'] }], complete: true },
    });
    expect(jiraRequests()).not.toContain('POST /rest/api/3/issue/properties/multi');
    expect(linkOf('ITSM-1')).toBeUndefined();
  });

  it('count issues linked meanwhile, or no longer in the suggestion, and link the rest', async () => {
    wb.jira.issue('ITSM-1');
    await wb.jira.handle({
      method: 'PUT',
      pathWithQuery: '/rest/api/3/issue/ITSM-1/properties/process-loop-link',
      headers: {},
      body: JSON.stringify(LINKED_BY_APO('INC')),
      caller: { kind: 'user', accountId: wb.users.apo },
    });
    const lonely = wb.jira.issue('ITSM-400')?.id as string;
    const team = wb.jira.issue('TEAM-1')?.id as string;
    const answer = await acceptBackend(wb.users.member, [...unlinkedIds(), lonely, team, '999999']);
    expect(answer).toEqual({
      ok: true,
      data: {
        linked: 29,
        skipped: [
          { reason: 'already-linked', count: 1, examples: ['ITSM-1'] },
          { reason: 'no-longer-matches', count: 1, examples: ['ITSM-400'] },
          { reason: 'not-found', count: 2, examples: [team, '999999'] },
        ],
        complete: true,
      },
    });
    expect(linkOf('ITSM-400')).toBeUndefined();
    expect(linkOf('TEAM-1')).toBeUndefined();
  });

  it.each([
    ['an issue id that is not a number', { signal: { kind: 'component', value: 'Backend' }, processKey: 'INC', issueIds: ['ITSM-1'] }],
    ['no issues', { signal: { kind: 'component', value: 'Backend' }, processKey: 'INC', issueIds: [] }],
    ['an unknown signal', { signal: { kind: 'reporter', value: 'x' }, processKey: 'INC', issueIds: ['10001'] }],
    ['a project in the payload', { signal: BACKEND, processKey: 'INC', issueIds: ['10001'], projectKey: 'TEAM' }],
    ['a retired process', { signal: { kind: 'component', value: 'Backend' }, processKey: 'OLD', issueIds: ['10001'] }],
    ['a process that does not exist', { signal: { kind: 'component', value: 'Backend' }, processKey: 'NOPE', issueIds: ['10001'] }],
  ])('refuse %s and change nothing', async (_name, payload) => {
    const answer = await wb.invoke(wb.users.member, 'acceptLinkSuggestion', payload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(jiraRequests()).not.toContain('POST /rest/api/3/issue/properties/multi');
    expect(linkOf('ITSM-1')).toBeUndefined();
  });

  it('answer from the project of the invocation context only', async () => {
    const issuePanel = { extension: { type: 'jira:issuePanel', issue: { id: '10001', key: 'ITSM-1' } } };
    // The issue panel's resolver function does not expose the key at all.
    await expect(wb.invoke(wb.users.member, 'getLinkSuggestions', {}, issuePanel)).rejects.toThrow(/getLinkSuggestions/);
    const pageWithoutProject = { moduleKey: 'process-loop-project-page', extension: { type: 'jira:projectPage' } };
    const answer = await wb.invoke(wb.users.member, 'getLinkSuggestions', {}, pageWithoutProject);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
