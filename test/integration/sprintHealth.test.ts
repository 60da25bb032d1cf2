import { rateLimitPauses } from '../../src/jira/rateLimit';
import { anImprovementProperty } from '../builders/improvementBuilders';
import { forgetSprintAccess } from '../../src/useCases/sprintHealth/sprintAccess';
import { DEMO_BOARD_ID, DEMO_SPRINT_IDS } from '../../workbench/datasets/demoDataset';
import type { JiraHttpRequest, JiraHttpResponse } from '../../workbench/jira/types';
import { aProcessInput, aProcessLinkProperty, aValueStreamInput } from '../builders/catalogBuilders';
import { setIssuePropertyAsApp } from '../support/issueProperties';
import { resolverAnswers, type FailedAnswer } from '../support/resolverAnswers';
import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';
import { LONG_AGO } from '../builders/datasetBuilders';

/**
 * Sprint health through the emulated Forge runtime: the real resolvers, triggers and queue
 * consumer, @forge/kvs and @forge/events, and the Jira stand-in with the demo dataset.
 */
let wb: TestWorkbench;
let bodies: Array<{ method: string; path: string; body: unknown; caller: string }>;
/** Rewrites the stand-in's answers about one sprint (its read and the board's list), as Jira would answer later. */
let sprintAnswer: { sprintId: number; change: (sprint: Record<string, unknown>) => Record<string, unknown> } | null;
/**
 * A user the boards are shared with (in Jira a board's visibility follows its saved filter's shares),
 * who still cannot browse the project's issues: the stand-in answers their board and sprint reads as the member's.
 */
let boardSharedWith: string | null;

const { invoke: call, ok, health } = resolverAnswers(() => wb);

async function jiraAsApp(method: string, pathWithQuery: string, body?: unknown) {
  const response = await wb.jira.handle({
    method,
    pathWithQuery,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    caller: { kind: 'app' },
  });
  return { status: response.status, body: response.body ? JSON.parse(response.body) : undefined };
}

async function sprintIssues(sprintId: number): Promise<Array<{ id: string; key: string }>> {
  const { body } = await jiraAsApp('POST', '/rest/api/3/search/jql', { jql: `sprint = ${sprintId}`, fields: ['id'], maxResults: 5000 });
  return (body as { issues: Array<{ id: string; key: string }> }).issues;
}

/** The catalog's INC process, and the process-link property on the given issues (as the app writes it). */
async function linkToInc(keys: string[]) {
  const { admin, apo, asm } = wb.users;
  await ok(admin, 'saveValueStream', { valueStream: aValueStreamInput({ ownerAccountId: admin }), expectedVersion: null });
  await ok(admin, 'saveProcess', { process: aProcessInput({ apoAccountId: apo, asmAccountId: asm }), expectedVersion: null });
  for (const key of keys) await setIssuePropertyAsApp(wb, key, 'process-loop-link', aProcessLinkProperty(admin));
}

/** The platform's Jira is the stand-in; its write helpers are not on the `PlatformJira` interface. */
const standIn = () => wb.jira;

const requests = () => wb.jira.requestLog.map((entry) => `${entry.caller} ${entry.method} ${entry.path}`);

beforeEach(async () => {
  // Each case starts as a cold process: nothing remembered of who may see which sprint.
  forgetSprintAccess();
  wb = await createTestWorkbench();
  bodies = [];
  sprintAnswer = null;
  boardSharedWith = null;
  const handle = wb.jira.handle.bind(wb.jira);
  jest.spyOn(wb.jira, 'handle').mockImplementation(async (req: JiraHttpRequest): Promise<JiraHttpResponse> => {
    const path = req.pathWithQuery.split('?')[0] ?? '';
    const boardRead = req.method === 'GET' && (path === '/rest/agile/1.0/board' || path.startsWith('/rest/agile/1.0/sprint/'));
    if (boardRead && req.caller.kind === 'user' && req.caller.accountId === boardSharedWith) {
      return handle({ ...req, caller: { kind: 'user', accountId: wb.users.member } });
    }
    bodies.push({ method: req.method, path, body: req.body ? JSON.parse(req.body) : undefined, caller: req.caller.kind });
    const response = await handle(req);
    if (!sprintAnswer || req.method !== 'GET' || response.status !== 200) return response;
    const { sprintId, change } = sprintAnswer;
    if (path === `/rest/agile/1.0/sprint/${sprintId}`) return { ...response, body: JSON.stringify(change(JSON.parse(response.body))) };
    if (!/^\/rest\/agile\/1\.0\/board\/\d+\/sprint$/.test(path)) return response;
    const page = JSON.parse(response.body) as { values: Array<Record<string, unknown>> };
    return {
      ...response,
      body: JSON.stringify({ ...page, values: page.values.map((sprint) => (sprint.id === sprintId ? change(sprint) : sprint)) }),
    };
  });
});
afterEach(() => {
  wb.expectNoContractViolations();
  rateLimitPauses.clear();
  jest.restoreAllMocks();
  wb.close();
});

const closedSprint = DEMO_SPRINT_IDS.closed[5];
const olderClosed = DEMO_SPRINT_IDS.closed[4];

describe('sprint health: picker and closed sprints', () => {
  it('lists the boards and the sprints newest first, and remembers the last choice', async () => {
    const { member } = wb.users;
    const setup = await ok(member, 'getSprintHealthSetup', {});
    expect(setup.boards).toEqual([{ id: DEMO_BOARD_ID, name: 'ITSM board' }]);
    expect(setup.lastChoice).toBeNull();
    const { sprints } = await ok(member, 'listBoardSprints', { boardId: DEMO_BOARD_ID });
    expect(sprints.map((sprint: { id: number }) => sprint.id)).toEqual([DEMO_SPRINT_IDS.active, ...[...DEMO_SPRINT_IDS.closed].reverse()]);
    await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: closedSprint });
    expect((await ok(member, 'getSprintHealthSetup', {})).lastChoice).toEqual({ boardId: DEMO_BOARD_ID, sprintId: closedSprint });
  });

  it('computes a closed sprint once with bulk reads, freezes it, and serves the repeat view with no Jira request', async () => {
    const issues = await sprintIssues(closedSprint);
    await linkToInc(issues.slice(0, 5).map((issue) => issue.key));
    const { member } = wb.users;
    await ok(member, 'listBoardSprints', { boardId: DEMO_BOARD_ID });
    wb.jira.clearRequestLog();

    const first = await health(member, { boardId: DEMO_BOARD_ID, sprintId: closedSprint }, 'ready');
    expect(first).toMatchObject({ status: 'ready', frozen: true, sprint: { id: closedSprint, state: 'closed' } });
    expect(first.rows.map((row: { processKey: string | null }) => row.processKey)).toEqual(['INC', null]);
    const inc = first.rows[0]!;
    expect(inc.processName).toBeTruthy();
    expect(inc.metrics.committed + inc.metrics.added).toBeGreaterThan(0);
    expect(inc.drillDownCounts.committed.listed).toBeGreaterThanOrEqual(inc.metrics.committed);
    expect(first.completeness).toMatchObject({ removedIssuesKnown: false, exact: false });
    // Bulk only: one search page, one changelog page, the field list and the statuses.
    expect(requests().filter((r) => r.includes('/rest/api/3/issue/'))).toEqual([]);
    expect(requests().filter((r) => r.endsWith('/rest/api/3/changelog/bulkfetch'))).toHaveLength(1);
    expect(requests().length).toBeLessThanOrEqual(4);

    // Another viewer: only whether they may see the sprint is asked (as them), the numbers are the frozen ones.
    wb.jira.clearRequestLog();
    const again = await health(wb.users.viewer, { boardId: DEMO_BOARD_ID, sprintId: closedSprint }, 'ready');
    expect(requests().sort()).toEqual([`user GET /rest/agile/1.0/board`, `user GET /rest/agile/1.0/sprint/${closedSprint}`]);
    expect(again.rows).toEqual(first.rows.map((row: object) => ({ ...row, isMine: false })));
    expect(again.computedAt).toBe(first.computedAt);
    wb.jira.clearRequestLog();
    await ok(wb.users.viewer, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: closedSprint });
    expect(wb.jira.requestLog).toEqual([]);
  });

  it('shows the trend of the last closed sprints from frozen results', async () => {
    const { member } = wb.users;
    await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: olderClosed });
    const latest = await health(member, { boardId: DEMO_BOARD_ID, sprintId: closedSprint }, 'ready');
    const unlinked = latest.rows.find((row) => row.processKey === null)!;
    expect(unlinked.trend.map((point: { sprintId: number }) => point.sprintId)).toEqual([olderClosed, closedSprint]);
    expect(unlinked.trend[1]?.score).toBe(unlinked.health.score);
  });

  it('filters to the viewer’s own processes', async () => {
    const issues = await sprintIssues(closedSprint);
    await linkToInc(issues.slice(0, 3).map((issue) => issue.key));
    const mine = await health(wb.users.apo, { boardId: DEMO_BOARD_ID, sprintId: closedSprint, myProcessesOnly: true }, 'ready');
    expect(mine.rows.map((row: { processKey: string | null; isMine: boolean }) => [row.processKey, row.isMine])).toEqual([['INC', true]]);
    const none = await health(wb.users.member, { boardId: DEMO_BOARD_ID, sprintId: closedSprint, myProcessesOnly: true }, 'ready');
    expect(none.rows).toEqual([]);
  });
});

describe('sprint health: drill-downs', () => {
  it('lists the issues behind a number with reasons, re-read as the viewer, hiding what they cannot browse', async () => {
    const { member, outsider } = wb.users;
    const view = await health(member, { boardId: DEMO_BOARD_ID, sprintId: closedSprint }, 'ready');
    const unlinked = view.rows.find((row) => row.processKey === null)!;
    const drill = await ok(member, 'getSprintHealthDrillDown', {
      sprintId: closedSprint,
      processKey: null,
      metric: 'committed',
      timeZone: 'Europe/Berlin',
    });
    expect(drill.issues).toHaveLength(unlinked.drillDownCounts.committed.listed);
    expect(drill.hiddenCount).toBe(0);
    expect(drill.issues[0]).toEqual(
      expect.objectContaining({
        key: expect.stringMatching(/^ITSM-\d+$/),
        summary: expect.any(String),
        statusName: expect.any(String),
        reason: expect.any(String),
      }),
    );
    expect(drill.timeZone).toBe('Europe/Berlin');

    // The outsider sees the board (shared with them) but may browse none of its issues.
    boardSharedWith = outsider;
    wb.jira.clearRequestLog();
    const hidden = await ok(outsider, 'getSprintHealthDrillDown', { sprintId: closedSprint, processKey: null, metric: 'committed' });
    expect(hidden.issues).toEqual([]);
    expect(hidden.hiddenCount).toBe(drill.issues.length);
    expect(hidden.hiddenMessage).toMatch(/hidden because you can't browse them/);
    expect(wb.jira.requestLog.every((entry) => entry.caller === 'user')).toBe(true);
  });
});

describe('sprint health: active sprint', () => {
  it('refreshes an unchanged active sprint with exactly one request, and only the changed issues after updates', async () => {
    const { member } = wb.users;
    const active = DEMO_SPRINT_IDS.active;
    const first = await health(member, { boardId: DEMO_BOARD_ID, sprintId: active }, 'ready');
    expect(first).toMatchObject({ status: 'ready', frozen: false });

    wb.jira.clearRequestLog();
    await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: active });
    expect(requests()).toEqual(['app POST /rest/api/3/search/jql']);

    const [a, b] = await sprintIssues(active);
    const later = new Date();
    standIn().applyIssueUpdate(a!.key, { labels: ['health-check'] }, { authorAccountId: member, at: later });
    standIn().applyIssueUpdate(b!.key, { labels: ['health-check'] }, { authorAccountId: member, at: later });
    wb.jira.clearRequestLog();
    bodies.length = 0;
    const refreshed = await health(member, { boardId: DEMO_BOARD_ID, sprintId: active }, 'ready');
    expect(requests()).toEqual(['app POST /rest/api/3/search/jql', 'app POST /rest/api/3/changelog/bulkfetch']);
    const bulk = bodies.find((entry) => entry.path === '/rest/api/3/changelog/bulkfetch')?.body as { issueIdsOrKeys: string[] };
    expect([...bulk.issueIdsOrKeys].sort()).toEqual([a!.id, b!.id].sort());
    expect(refreshed.totals.metrics).toEqual({
      ...first.totals.metrics,
      flowEfficiencyPct: expect.any(Number),
      activeMs: expect.any(Number),
      waitingMs: expect.any(Number),
    });
  });

  it('applies the changelog an issue-updated event carried instead of asking Jira for it again', async () => {
    const { member } = wb.users;
    const active = DEMO_SPRINT_IDS.active;
    const first = await health(member, { boardId: DEMO_BOARD_ID, sprintId: active }, 'ready');
    const [issue] = await sprintIssues(active);
    const flaggedNow = await jiraAsApp('GET', `/rest/api/3/issue/${issue!.key}?fields=customfield_10021`);
    const wasFlagged = Array.isArray(flaggedNow.body.fields.customfield_10021) && flaggedNow.body.fields.customfield_10021.length > 0;
    const { changelogEntry } = standIn().applyIssueUpdate(
      issue!.key,
      { flagged: !wasFlagged },
      { authorAccountId: member, at: new Date() },
    );
    await wb.deliverEvent('avi:jira:updated:issue', {
      issue: { id: issue!.id, key: issue!.key, fields: { updated: changelogEntry!.created } },
      changelog: { id: changelogEntry!.id, items: changelogEntry!.items },
      atlassianId: member,
    });
    wb.jira.clearRequestLog();
    const after = await health(member, { boardId: DEMO_BOARD_ID, sprintId: active }, 'ready');
    expect(requests()).toEqual(['app POST /rest/api/3/search/jql']);
    expect(after.totals.metrics.impedimentsOpen).toBe(first.totals.metrics.impedimentsOpen + (wasFlagged ? -1 : 1));
  });

  it('counts an issue removed mid-sprint exactly once a start snapshot exists', async () => {
    const { member } = wb.users;
    const active = DEMO_SPRINT_IDS.active;
    const results = await wb.deliverEvent('avi:jira-software:started:sprint', {
      sprint: { id: active, state: 'active', originBoardId: DEMO_BOARD_ID },
    });
    expect(results.find((result) => result.triggerKey === 'sprint-health-sprint-started')?.outcome).toBe('ok');
    const issues = await sprintIssues(active);
    const first = await health(member, { boardId: DEMO_BOARD_ID, sprintId: active }, 'ready');
    expect(first.completeness.removedIssuesKnown).toBe(true);

    const victim = issues[0]!;
    const { changelogEntry } = standIn().applyIssueUpdate(
      victim.key,
      { sprintIds: [DEMO_SPRINT_IDS.future] },
      { authorAccountId: member, at: new Date() },
    );
    await wb.deliverEvent('avi:jira:updated:issue', {
      issue: { id: victim.id, key: victim.key, fields: { updated: changelogEntry!.created } },
      changelog: { id: changelogEntry!.id, items: changelogEntry!.items },
      atlassianId: member,
    });
    const after = await health(member, { boardId: DEMO_BOARD_ID, sprintId: active }, 'ready');
    expect(after.totals.metrics.removed).toBe(first.totals.metrics.removed + 1);
    const removed = await ok(member, 'getSprintHealthDrillDown', { sprintId: active, metric: 'removed' });
    expect(removed.issues.map((issue: { key: string }) => issue.key)).toContain(victim.key);
  });

  it('continues a sprint too large for one call in the background, with progress', async () => {
    const jobs = await import('../../src/useCases/sprintHealth/computeAndStore');
    const budget = jobs.sprintHealthTuning.inlineBudgetMs;
    jobs.sprintHealthTuning.inlineBudgetMs = -1;
    try {
      const { member } = wb.users;
      const started = await health(member, { boardId: DEMO_BOARD_ID, sprintId: closedSprint }, 'computing');
      expect(started).toMatchObject({ status: 'computing', jobId: expect.any(String), progress: { phase: 'queued' } });
      expect(await ok(member, 'getSprintHealthProgress', { jobId: started.jobId })).toMatchObject({ status: 'computing' });
      await wb.drainQueues();
      const done = await ok(member, 'getSprintHealthProgress', { jobId: started.jobId });
      expect(done).toMatchObject({ status: 'ready', frozen: true, sprint: { id: closedSprint } });
    } finally {
      jobs.sprintHealthTuning.inlineBudgetMs = budget;
    }
  });
});

describe('sprint health: provisional numbers', () => {
  it('marks an active sprint’s numbers as provisional, with the reason, and a closed sprint’s as final', async () => {
    const { member } = wb.users;
    const active = await health(member, { boardId: DEMO_BOARD_ID, sprintId: DEMO_SPRINT_IDS.active }, 'ready');
    expect(active).toMatchObject({
      frozen: false,
      provisional: true,
      provisionalReason: expect.stringMatching(/still running: say\/do and carry-over are as of now/),
    });
    const closed = await health(member, { boardId: DEMO_BOARD_ID, sprintId: closedSprint }, 'ready');
    expect(closed).toMatchObject({ frozen: true, provisional: false, provisionalReason: null });
  });
});

describe('sprint health: a missed sprint-closed event', () => {
  const active = DEMO_SPRINT_IDS.active;
  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  const HOUR = 3_600_000;
  const kvsKeys = () => wb.store.entries('kvs').map(([key]) => key);

  it('re-reads a sprint past its end (one request) and freezes it once Jira says closed', async () => {
    const { member } = wb.users;
    // Jira's view of the sprint: due an hour ago, not closed yet.
    sprintAnswer = { sprintId: active, change: (sprint) => ({ ...sprint, endDate: ago(HOUR) }) };
    await ok(member, 'listBoardSprints', { boardId: DEMO_BOARD_ID });
    const first = await health(member, { boardId: DEMO_BOARD_ID, sprintId: active }, 'ready');
    expect(first).toMatchObject({ frozen: false, provisional: true, sprint: { state: 'active' } });

    // Closed in Jira, but the close event never reached the app.
    const completeDate = ago(HOUR / 2);
    sprintAnswer = { sprintId: active, change: (sprint) => ({ ...sprint, state: 'closed', endDate: ago(HOUR), completeDate }) };
    wb.jira.clearRequestLog();
    const closed = await health(member, { boardId: DEMO_BOARD_ID, sprintId: active }, 'ready');
    expect(requests()[0]).toBe(`app GET /rest/agile/1.0/sprint/${active}`);
    expect(closed).toMatchObject({ status: 'ready', frozen: true, provisional: false, sprint: { id: active, state: 'closed' } });
    expect(Date.parse(closed.window.end)).toBe(Date.parse(completeDate));
    // Frozen like any closed sprint: stored once, its refresh inputs gone, and no request on the next view.
    expect(kvsKeys()).toContain(`sprint-health:frozen:${active}`);
    expect(kvsKeys()).not.toContain(`sprint-health:active:${active}`);
    expect(kvsKeys().filter((key) => key.startsWith(`sprint-health-chunk:sprint-health:active:${active}:`))).toEqual([]);
    wb.jira.clearRequestLog();
    expect(await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: active })).toMatchObject({
      frozen: true,
      computedAt: closed.computedAt,
    });
    expect(wb.jira.requestLog).toEqual([]);
  });

  it('re-reads a sprint that overran its end at most every few minutes, keeping the one-search refresh between', async () => {
    const { member } = wb.users;
    const { closeCheckTuning } = await import('../../src/useCases/sprintHealth/sprintCloseCheck');
    const interval = closeCheckTuning.intervalMs;
    sprintAnswer = { sprintId: active, change: (sprint) => ({ ...sprint, endDate: ago(HOUR) }) };
    await ok(member, 'listBoardSprints', { boardId: DEMO_BOARD_ID });
    await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: active });

    wb.jira.clearRequestLog();
    const overran = await health(member, { boardId: DEMO_BOARD_ID, sprintId: active }, 'ready');
    expect(requests()).toEqual([`app GET /rest/agile/1.0/sprint/${active}`, 'app POST /rest/api/3/search/jql']);
    expect(overran).toMatchObject({ frozen: false, provisional: true });

    wb.jira.clearRequestLog();
    await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: active });
    expect(requests()).toEqual(['app POST /rest/api/3/search/jql']);

    closeCheckTuning.intervalMs = 0; // as if the few minutes had passed
    try {
      wb.jira.clearRequestLog();
      await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: active });
      expect(requests()).toEqual([`app GET /rest/agile/1.0/sprint/${active}`, 'app POST /rest/api/3/search/jql']);
    } finally {
      closeCheckTuning.intervalMs = interval;
    }
  });
});

describe('sprint health: improvements marked by the app’s property', () => {
  it('counts any story carrying the improvement property as an improvement, found in the same search', async () => {
    const { member } = wb.users;
    const unmarked = await health(member, { boardId: DEMO_BOARD_ID, sprintId: olderClosed }, 'ready');
    expect(unmarked.totals.metrics.improvementsDone).toBeLessThan(unmarked.totals.metrics.completed);

    // Team-managed projects have no Process Improvement type: the app marks stories with its property instead.
    const issues = await sprintIssues(closedSprint);
    for (const issue of issues) {
      const property = anImprovementProperty({ processKey: 'INC', createdAt: LONG_AGO });
      const { status } = await jiraAsApp('PUT', `/rest/api/3/issue/${issue.key}/properties/process-loop-improvement`, property);
      expect([200, 201]).toContain(status);
    }
    wb.jira.clearRequestLog();
    bodies.length = 0;
    const marked = await health(member, { boardId: DEMO_BOARD_ID, sprintId: closedSprint }, 'ready');
    expect(marked.totals.metrics.completed).toBeGreaterThan(0);
    expect(marked.totals.metrics.improvementsDone).toBe(marked.totals.metrics.completed);
    // The improvement's process is its row when the issue has no process link of its own.
    expect(marked.rows.map((row: { processKey: string | null }) => row.processKey)).toEqual(['INC']);
    const searches = bodies.filter((entry) => entry.path === '/rest/api/3/search/jql');
    expect(searches).toHaveLength(1);
    expect((searches[0]?.body as { properties: string[] }).properties).toContain('process-loop-improvement');
  });
});

describe('sprint health: events', () => {
  it('freezes a closed sprint once however often the close event arrives', async () => {
    const event = { sprint: { id: closedSprint, state: 'closed', originBoardId: DEMO_BOARD_ID } };
    await wb.deliverEvent('avi:jira-software:closed:sprint', event);
    await wb.drainQueues();
    const frozenKeys = () =>
      wb.store
        .entries('kvs')
        .map(([key]) => key)
        .filter((key) => key.startsWith(`sprint-health:frozen:${closedSprint}`));
    const before = JSON.stringify(wb.store.entries('kvs').filter(([key]) => key.startsWith('sprint-health-chunk:')));
    expect(frozenKeys()).toHaveLength(1);
    await wb.deliverEvent('avi:jira-software:closed:sprint', event);
    await wb.drainQueues();
    expect(frozenKeys()).toHaveLength(1);
    expect(JSON.stringify(wb.store.entries('kvs').filter(([key]) => key.startsWith('sprint-health-chunk:')))).toBe(before);
    // The page's picker has shown the member the board and its sprints: the view itself asks Jira nothing.
    await ok(wb.users.member, 'getSprintHealthSetup', {});
    await ok(wb.users.member, 'listBoardSprints', { boardId: DEMO_BOARD_ID });
    wb.jira.clearRequestLog();
    expect(await ok(wb.users.member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: closedSprint })).toMatchObject({
      status: 'ready',
      frozen: true,
    });
    expect(wb.jira.requestLog).toEqual([]);
  });
});

describe('sprint health: a sprint-started event that comes late', () => {
  it('does not take the scope at close for the start: the frozen result reconstructs it and says it is not exact', async () => {
    const { member } = wb.users;
    const selection = { boardId: DEMO_BOARD_ID, sprintId: closedSprint };
    // What the sprint's history alone says, computed on a second site that never got the event.
    const reference = await createTestWorkbench();
    const fromHistory = await resolverAnswers(() => reference).health(member, selection, 'ready');
    reference.close();
    const scopeAtClose = (await sprintIssues(closedSprint)).length;
    expect(scopeAtClose).not.toBe(fromHistory.totals.metrics.committed);

    const results = await wb.deliverEvent('avi:jira-software:started:sprint', { sprint: { id: closedSprint, state: 'active' } });
    expect(results.find((result) => result.triggerKey === 'sprint-health-sprint-started')?.outcome).toBe('ok');
    const frozen = await health(member, selection, 'ready');

    expect(frozen.totals.metrics.committed).toBe(fromHistory.totals.metrics.committed);
    expect(frozen.completeness.exact).toBe(false);
    expect(frozen.completeness.notes).toContainEqual(expect.stringMatching(/only after it closed.*reconstructed/));
    // Frozen: the late snapshot is dropped with the sprint's other transient records.
    expect(wb.store.get('kvs', `sprint-health:snapshot:${closedSprint}`)).toBeUndefined();
  });

  it('keeps nothing for a sprint already frozen', async () => {
    await health(wb.users.member, { boardId: DEMO_BOARD_ID, sprintId: closedSprint }, 'ready');
    wb.jira.clearRequestLog();
    await wb.deliverEvent('avi:jira-software:started:sprint', { sprint: { id: closedSprint } });
    expect(wb.store.get('kvs', `sprint-health:snapshot:${closedSprint}`)).toBeUndefined();
    expect(wb.jira.requestLog).toEqual([]);
  });
});

describe('sprint health: rate limits', () => {
  it('answers RATE_LIMITED at once for a long Retry-After instead of waiting inside the call', async () => {
    wb.jira.setRateLimits([{ pathPrefix: '/rest/api/3/search/jql', count: 1, retryAfterSeconds: 10, reason: 'jira-burst-based' }]);
    const started = Date.now();
    const response = await call(wb.users.member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: closedSprint });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(response).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAt: expect.any(String) } });
    expect(Date.parse((response as FailedAnswer).error.retryAt!) - started).toBeGreaterThanOrEqual(9000);
  });

  it('retries a short Retry-After inside the call and answers the result', async () => {
    wb.jira.setRateLimits([{ pathPrefix: '/rest/api/3/search/jql', count: 1, retryAfterSeconds: 1, reason: 'jira-burst-based' }]);
    const started = Date.now();
    const view = await health(wb.users.member, { boardId: DEMO_BOARD_ID, sprintId: closedSprint }, 'ready');
    expect(view).toMatchObject({ status: 'ready', frozen: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(requests().filter((r) => r === 'app POST /rest/api/3/search/jql')).toHaveLength(2);
  });

  it('surfaces a quota 429 as RATE_LIMITED with the time to retry', async () => {
    wb.jira.setRateLimits([{ pathPrefix: '/rest/api/3/search/jql', count: 10, retryAfterSeconds: 3600, reason: 'jira-quota-based' }]);
    const response = await call(wb.users.member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: closedSprint });
    expect(response).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryAt: expect.any(String) } });
    expect(Date.parse((response as FailedAnswer).error.retryAt!)).toBeGreaterThan(Date.now());
  });
});

describe('sprint health: settings', () => {
  it('lets only Jira administrators save, rejects invalid weights with field paths, and writes nothing then', async () => {
    const { admin, member } = wb.users;
    const current = await ok(member, 'getHealthSettings', {});
    expect(current).toMatchObject({ canEdit: false, record: { version: 0 } });
    expect(current.statuses.length).toBeGreaterThan(0);
    const kvsBefore = JSON.stringify(wb.store.entries('kvs'));

    const refused = await call(member, 'saveHealthSettings', { settings: current.defaults, expectedVersion: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const badWeights = {
      ...current.defaults,
      criteria: current.defaults.criteria.map((c: { key: string; weight: number }, i: number) => (i === 0 ? { ...c, weight: 50 } : c)),
    };
    const invalid = await call(admin, 'saveHealthSettings', { settings: badWeights, expectedVersion: 0 });
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'settings.criteria': expect.stringMatching(/add up to 100/) } },
    });
    expect(JSON.stringify(wb.store.entries('kvs'))).toBe(kvsBefore);

    const changed = { ...current.defaults, bands: { green: 90, amber: 60 } };
    const saved = await ok(admin, 'saveHealthSettings', { settings: changed, expectedVersion: 0 });
    expect(saved).toMatchObject({ outcome: 'saved', record: { version: 1, settings: { bands: { green: 90, amber: 60 } } } });
    const stale = await ok(admin, 'saveHealthSettings', { settings: current.defaults, expectedVersion: 0 });
    expect(stale).toMatchObject({ outcome: 'conflict', current: { version: 1 } });
  });

  it('previews settings on a stored sprint without saving', async () => {
    const { admin } = wb.users;
    await ok(admin, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: closedSprint });
    const { defaults } = await ok(admin, 'getHealthSettings', {});
    const lenient = { ...defaults, criteria: [{ key: 'impediments', weight: 100, threshold: 1000 }] };
    const preview = await ok(admin, 'previewHealthSettings', { settings: lenient, sprintId: closedSprint });
    expect(preview.mode).toBe('rescored');
    expect(preview.rows.every((row) => row.preview.score === 100)).toBe(true);
    expect((await ok(admin, 'getHealthSettings', {})).record.version).toBe(0);
  });

  it('marks previewed scores resting on incomplete data as the lozenge does, and only those', async () => {
    const { admin } = wb.users;
    const view = await health(admin, { boardId: DEMO_BOARD_ID, sprintId: closedSprint }, 'ready');
    const { defaults } = await ok(admin, 'getHealthSettings', {});
    const same = await ok(admin, 'previewHealthSettings', { settings: defaults, sprintId: closedSprint });
    // Without a start snapshot say/do counts on incomplete data: the current and previewed scores are both marked.
    expect(view.completeness.incompleteCriteria).toContain('sayDo');
    expect(same.rows.map((row) => [row.processKey, row.currentIncompleteData, row.previewIncompleteData])).toEqual(
      view.rows.map((row) => [row.processKey, true, true]),
    );
    expect(same.totals).toMatchObject({ currentIncompleteData: true, previewIncompleteData: true });

    // Scored on impediments alone (counted from the sprint's end, which search finds), nothing rests on incomplete data.
    const impedimentsOnly = { ...defaults, criteria: [{ key: 'impediments' as const, weight: 100, threshold: 1000 }] };
    const preview = await ok(admin, 'previewHealthSettings', { settings: impedimentsOnly, sprintId: closedSprint });
    expect(preview.rows.map((row) => [row.currentIncompleteData, row.previewIncompleteData])).toEqual(view.rows.map(() => [true, false]));
    expect(preview.totals).toMatchObject({ currentIncompleteData: true, previewIncompleteData: false });
  });

  it('marks the recomputed preview of an active sprint by the same rule as its page', async () => {
    const { admin } = wb.users;
    const view = await health(admin, { boardId: DEMO_BOARD_ID, sprintId: DEMO_SPRINT_IDS.active }, 'ready');
    const marked = (row: { criteria: Array<{ key: string; passed: boolean | null }> }) =>
      row.criteria.some(
        (criterion) => criterion.passed !== null && (view.completeness.incompleteCriteria as string[]).includes(criterion.key),
      );
    expect(view.rows.some(marked)).toBe(true);
    const { defaults } = await ok(admin, 'getHealthSettings', {});

    const same = await ok(admin, 'previewHealthSettings', { settings: defaults, sprintId: DEMO_SPRINT_IDS.active });
    expect(same.mode).toBe('recomputed');
    expect(same.rows.map((row) => [row.processKey, row.currentIncompleteData, row.previewIncompleteData])).toEqual(
      view.rows.map((row) => [row.processKey, marked(row), marked(row)]),
    );
    const impedimentsOnly = { ...defaults, criteria: [{ key: 'impediments' as const, weight: 100, threshold: 1000 }] };
    const preview = await ok(admin, 'previewHealthSettings', { settings: impedimentsOnly, sprintId: DEMO_SPRINT_IDS.active });
    expect(preview.rows.every((row) => !row.previewIncompleteData)).toBe(true);
  });
});
