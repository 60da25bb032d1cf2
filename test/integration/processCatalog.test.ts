import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';
import { aProcessInput, aProcessLinkProperty, aValueStreamInput } from '../builders/catalogBuilders';
import { setIssuePropertyAsApp } from '../support/issueProperties';

/**
 * The catalog and the issue link through the emulated Forge runtime: real resolver, real
 * @forge/kvs and @forge/api, the Jira stand-in behind them.
 */
let wb: TestWorkbench;

async function issueContext(key: string) {
  const response = await wb.jira.handle({
    method: 'GET',
    pathWithQuery: `/rest/api/3/issue/${key}?fields=project,issuetype`,
    headers: {},
    caller: { kind: 'app' },
  });
  const issue = JSON.parse(response.body) as {
    id: string;
    key: string;
    fields: { project: { id: string; key: string }; issuetype: { name: string } };
  };
  return {
    extension: {
      type: 'jira:issuePanel',
      issue: { id: issue.id, key: issue.key, type: issue.fields.issuetype.name },
      project: { id: issue.fields.project.id, key: issue.fields.project.key, type: 'software' },
    },
  };
}

function kvsSnapshot(): string {
  return JSON.stringify(wb.store.entries('kvs'));
}

async function seedCatalog() {
  const { admin, apo, asm } = wb.users;
  const stream = await wb.invoke(admin, 'saveValueStream', {
    valueStream: aValueStreamInput({ ownerAccountId: admin }),
    expectedVersion: null,
  });
  expect(stream).toMatchObject({ ok: true, data: { outcome: 'saved' } });
  const inc = await wb.invoke(admin, 'saveProcess', {
    process: aProcessInput({ apoAccountId: apo, asmAccountId: asm }),
    expectedVersion: null,
  });
  expect(inc).toMatchObject({ ok: true, data: { outcome: 'saved', record: { key: 'INC', version: 1 } } });
}

beforeEach(async () => {
  wb = await createTestWorkbench();
});
afterEach(() => {
  wb.expectNoContractViolations();
});

describe('process catalog', () => {
  it('lets an admin create a value stream and a process, and everyone read them', async () => {
    await seedCatalog();
    const catalog = await wb.invoke(wb.users.member, 'getCatalog', {});
    expect(catalog).toMatchObject({
      ok: true,
      data: {
        processes: [expect.objectContaining({ key: 'INC', apoAccountId: wb.users.apo })],
        valueStreams: [expect.objectContaining({ key: 'RUN' })],
        viewer: { isJiraAdmin: false, editableProcessKeys: [], canCreateValueStream: false },
      },
    });
    const users = (catalog as { data: { users: Array<{ accountId: string; displayName: string }> } }).data.users;
    expect(users.map((user) => user.accountId)).toEqual(expect.arrayContaining([wb.users.apo, wb.users.asm]));
  });

  it('names the viewer among the users, in the same single user lookup', async () => {
    await seedCatalog();
    wb.jira.clearRequestLog();
    const catalog = await wb.invoke(wb.users.member, 'getCatalog', {});
    const users = (catalog as { data: { users: Array<{ accountId: string; displayName: string }> } }).data.users;
    // The member holds no role in any process, so only the viewer lookup can bring them in.
    const member = wb.dataset.users.find((user) => user.accountId === wb.users.member);
    expect(users).toEqual(
      expect.arrayContaining([{ accountId: wb.users.member, displayName: member?.displayName, avatarUrl: expect.any(String) }]),
    );
    expect(users.map((user) => user.accountId).sort()).toEqual([wb.users.admin, wb.users.apo, wb.users.asm, wb.users.member].sort());
    expect(wb.jira.requestLog.filter((entry) => entry.path === '/rest/api/3/user/bulk')).toHaveLength(1);
  });

  it("refuses a non-admin editing another APO's process, and writes nothing", async () => {
    await seedCatalog();
    const before = kvsSnapshot();
    const result = await wb.invoke(wb.users.asm, 'saveProcess', {
      process: aProcessInput({ apoAccountId: wb.users.apo, name: 'Hijacked' }),
      expectedVersion: 1,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(kvsSnapshot()).toBe(before);
  });

  it('lets the APO edit their own process', async () => {
    await seedCatalog();
    const result = await wb.invoke(wb.users.apo, 'saveProcess', {
      process: aProcessInput({ apoAccountId: wb.users.apo, asmAccountId: wb.users.asm, purpose: 'Faster restores' }),
      expectedVersion: 1,
    });
    expect(result).toMatchObject({
      ok: true,
      data: { outcome: 'saved', record: { purpose: 'Faster restores', version: 2, updatedBy: wb.users.apo } },
    });
  });

  it('turns a concurrent edit into a conflict that returns the newer values and keeps them', async () => {
    await seedCatalog();
    const first = await wb.invoke(wb.users.admin, 'saveProcess', {
      process: aProcessInput({ apoAccountId: wb.users.apo, asmAccountId: wb.users.asm, name: 'First editor' }),
      expectedVersion: 1,
    });
    expect(first).toMatchObject({ ok: true, data: { outcome: 'saved' } });
    const second = await wb.invoke(wb.users.apo, 'saveProcess', {
      process: aProcessInput({ apoAccountId: wb.users.apo, asmAccountId: wb.users.asm, name: 'Second editor' }),
      expectedVersion: 1,
    });
    expect(second).toMatchObject({ ok: true, data: { outcome: 'conflict', current: { name: 'First editor', version: 2 } } });
    const catalog = await wb.invoke(wb.users.member, 'getCatalog', {});
    expect(catalog).toMatchObject({ ok: true, data: { processes: [expect.objectContaining({ name: 'First editor', version: 2 })] } });
  });

  it.each([
    ['a lower-case bad key', { process: { ...aProcessInput(), key: '1' }, expectedVersion: null }, 'process.key'],
    ['an unknown field', { process: aProcessInput(), expectedVersion: null, accountId: 'spoofed' }, '(payload)'],
    [
      'a non-numeric KPI target',
      {
        process: { ...aProcessInput(), kpis: [{ id: 'k', name: 'MTTR', unit: 'h', direction: 'lower', target: 'fast' }] },
        expectedVersion: null,
      },
      'process.kpis.0.target',
    ],
  ])('rejects %s with a field message and writes nothing', async (_what, payload, field) => {
    const before = kvsSnapshot();
    const result = await wb.invoke(wb.users.admin, 'saveProcess', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { [field]: expect.any(String) } } });
    expect(kvsSnapshot()).toBe(before);
  });

  it('refuses an APO who is not a Jira user', async () => {
    await seedCatalog();
    const result = await wb.invoke(wb.users.admin, 'saveProcess', {
      process: aProcessInput({ key: 'CHG', apoAccountId: 'no-such-user', stageId: null }),
      expectedVersion: null,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { apoAccountId: expect.any(String) } } });
  });
});

describe('issue link', () => {
  it('links an issue as the user, stores it on the issue and finds it by the JQL alias', async () => {
    await seedCatalog();
    const context = await issueContext('ITSM-1');
    const linked = await wb.invoke(wb.users.member, 'linkIssueToProcess', { processKey: 'inc' }, context);
    expect(linked).toMatchObject({
      ok: true,
      data: {
        link: { processKey: 'INC', valueStreamKey: 'RUN', stageName: 'Resolve', linkedBy: wb.users.member },
        process: { key: 'INC' },
        canEdit: true,
      },
    });
    const search = await wb.jira.handle({
      method: 'POST',
      pathWithQuery: '/rest/api/3/search/jql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jql: 'asmProcess = INC AND asmStage = "Resolve"', fields: ['summary'] }),
      caller: { kind: 'user', accountId: wb.users.member },
    });
    expect(JSON.parse(search.body).issues.map((issue: { key: string }) => issue.key)).toEqual(['ITSM-1']);
    const counts = await wb.invoke(wb.users.member, 'getCatalog', {});
    expect(counts).toMatchObject({ ok: true, data: { openIssueCounts: expect.any(Object) } });
  });

  it('shows the link read-only, and refuses linking, for a user who cannot edit the issue', async () => {
    await seedCatalog();
    const context = await issueContext('ITSM-2');
    await wb.invoke(wb.users.member, 'linkIssueToProcess', { processKey: 'INC' }, context);
    const viewer = wb.users.viewer;
    const panel = await wb.invoke(viewer, 'getIssueProcessPanel', {}, context);
    expect(panel).toMatchObject({ ok: true, data: { canEdit: false, readOnlyReason: expect.any(String), link: { processKey: 'INC' } } });
    const before = await wb.jira.handle({
      method: 'GET',
      pathWithQuery: `/rest/api/3/issue/ITSM-2/properties/process-loop-link`,
      headers: {},
      caller: { kind: 'app' },
    });
    const refused = await wb.invoke(viewer, 'unlinkIssueFromProcess', {}, context);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const after = await wb.jira.handle({
      method: 'GET',
      pathWithQuery: `/rest/api/3/issue/ITSM-2/properties/process-loop-link`,
      headers: {},
      caller: { kind: 'app' },
    });
    expect(after.body).toBe(before.body);
  });

  it("answers Jira's not-found to a user who cannot browse the issue", async () => {
    await seedCatalog();
    const result = await wb.invoke(wb.users.outsider, 'getIssueProcessPanel', {}, await issueContext('ITSM-3'));
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('does not let a retired process receive new links, but keeps existing ones', async () => {
    await seedCatalog();
    const context = await issueContext('ITSM-4');
    await wb.invoke(wb.users.member, 'linkIssueToProcess', { processKey: 'INC' }, context);
    const retired = await wb.invoke(wb.users.apo, 'saveProcess', {
      process: aProcessInput({ apoAccountId: wb.users.apo, asmAccountId: wb.users.asm, status: 'retired' }),
      expectedVersion: 1,
    });
    expect(retired).toMatchObject({ ok: true, data: { outcome: 'saved' } });
    const other = await issueContext('ITSM-5');
    const refused = await wb.invoke(wb.users.member, 'linkIssueToProcess', { processKey: 'INC' }, other);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { processKey: expect.any(String) } } });
    const kept = await wb.invoke(wb.users.member, 'getIssueProcessPanel', {}, context);
    expect(kept).toMatchObject({ ok: true, data: { link: { processKey: 'INC' }, process: { status: 'retired' }, linkableProcesses: [] } });
  });

  it('unlinks by removing the property', async () => {
    await seedCatalog();
    const context = await issueContext('ITSM-6');
    await wb.invoke(wb.users.member, 'linkIssueToProcess', { processKey: 'INC' }, context);
    const unlinked = await wb.invoke(wb.users.member, 'unlinkIssueFromProcess', {}, context);
    expect(unlinked).toMatchObject({ ok: true, data: { link: null, process: null } });
    const property = await wb.jira.handle({
      method: 'GET',
      pathWithQuery: `/rest/api/3/issue/ITSM-6/properties/process-loop-link`,
      headers: {},
      caller: { kind: 'app' },
    });
    expect(property.status).toBe(404);
  });
});

describe('open work per process in the catalog', () => {
  async function openIssueKeys(): Promise<string[]> {
    const response = await wb.jira.handle({
      method: 'POST',
      pathWithQuery: '/rest/api/3/search/jql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jql: 'project = ITSM AND statusCategory != Done ORDER BY key', fields: ['key'], maxResults: 5000 }),
      caller: { kind: 'app' },
    });
    return (JSON.parse(response.body) as { issues: Array<{ key: string }> }).issues.map((issue) => issue.key);
  }

  async function link(keys: string[]): Promise<void> {
    for (const key of keys) await setIssuePropertyAsApp(wb, key, 'process-loop-link', aProcessLinkProperty(wb.users.admin));
  }

  /** The catalog as the member sees it, and the Jira requests that view made. */
  async function catalogView() {
    wb.jira.clearRequestLog();
    const catalog = (await wb.invoke(wb.users.member, 'getCatalog', {})) as { ok: true; data: { openIssueCounts: Record<string, number> } };
    const searches = wb.jira.requestLog.filter((entry) => entry.path.startsWith('/rest/api/3/search'));
    return { counts: catalog.data.openIssueCounts, searches };
  }

  it('costs one count request per process and no issue returned, however much work is linked', async () => {
    await seedCatalog();
    const open = await openIssueKeys();
    expect(open.length).toBeGreaterThan(60);

    await link(open.slice(0, 3));
    const few = await catalogView();
    await link(open.slice(3, 60));
    const many = await catalogView();

    expect(few.counts).toEqual({ INC: 3 });
    expect(many.counts).toEqual({ INC: 60 });
    for (const view of [few, many]) {
      expect(view.searches.map((entry) => `${entry.method} ${entry.path}`)).toEqual(['POST /rest/api/3/search/approximate-count']);
      expect(view.searches.reduce((sum, entry) => sum + entry.returnedObjects, 0)).toBe(0);
    }
  });
});
