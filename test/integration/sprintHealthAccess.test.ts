import { forgetSprintAccess } from '../../src/useCases/sprintHealth/sprintAccess';
import { DEMO_BOARD_ID, DEMO_SPRINT_IDS } from '../../workbench/datasets/demoDataset';
import { resolverAnswers } from '../support/resolverAnswers';
import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';

/**
 * Sprint health for the security review: stored results are computed as the app, so only
 * viewers Jira shows the sprint to may read them; payload job ids never reach storage unchecked.
 */
let wb: TestWorkbench;

const ITSM_PAGE = { extension: { type: 'jira:projectPage', project: { id: '10000', key: 'ITSM', type: 'software' } } };
const OPS_PAGE = { extension: { type: 'jira:projectPage', project: { id: '10001', key: 'OPS', type: 'software' } } };
const closedSprint = DEMO_SPRINT_IDS.closed[5];
const activeSprint = DEMO_SPRINT_IDS.active;
const NO_SUCH_SPRINT = 9999;
const { invoke, ok, health } = resolverAnswers(() => wb, ITSM_PAGE);

const kvsSnapshot = () => JSON.stringify(wb.store.entries('kvs'));
const kvsKeys = () => wb.store.entries('kvs').map(([key]) => key);
const kvsValue = (key: string) =>
  (wb.store.entries('kvs').find(([stored]) => stored === key)?.[1] as { value: unknown } | undefined)?.value;
/** What an older version of the app (or damage) left under `key`. */
function storeRaw(key: string, value: unknown) {
  expect(wb.kvs.handle('/api/v1/set', { key, value }).status).toBeLessThan(300);
}

let warnings: string[];
beforeEach(async () => {
  forgetSprintAccess();
  wb = await createTestWorkbench();
  warnings = [];
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  });
});
afterEach(() => {
  wb.expectNoContractViolations();
  jest.restoreAllMocks();
  wb.close();
});

/** What a sprint that does not exist gets: the answer anyone who may not see a sprint must get too. */
async function notFoundAnswer() {
  const answer = await invoke(wb.users.member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: NO_SUCH_SPRINT });
  expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  return answer;
}

describe('sprint health only for viewers who may see the sprint', () => {
  it('answers the outsider NOT_FOUND for a frozen ITSM sprint a member opened, and does not save their choice', async () => {
    const { member, outsider } = wb.users;
    for (const sprintId of [DEMO_SPRINT_IDS.closed[4], closedSprint]) {
      expect(await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId })).toMatchObject({ status: 'ready', frozen: true });
    }
    const expected = await notFoundAnswer();
    const before = kvsSnapshot();

    for (const context of [OPS_PAGE, ITSM_PAGE]) {
      expect(await invoke(outsider, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: closedSprint }, context)).toEqual(expected);
    }
    expect(kvsSnapshot()).toBe(before);
    expect(kvsKeys()).not.toContain(`sprint-health:choice:${outsider}`);
    expect((await ok(outsider, 'getSprintHealthSetup', {}, OPS_PAGE)).lastChoice).toBeNull();
  });

  it('answers the outsider NOT_FOUND for the cached active sprint, its drill-downs and its progress', async () => {
    const { member, outsider } = wb.users;
    expect(await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: activeSprint })).toMatchObject({
      status: 'ready',
      frozen: false,
    });
    const expected = await notFoundAnswer();
    const before = kvsSnapshot();

    expect(await invoke(outsider, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: activeSprint }, OPS_PAGE)).toEqual(expected);
    for (const payload of [
      { sprintId: activeSprint, metric: 'committed' },
      { sprintId: activeSprint, processKey: null, metric: 'completed' },
      { sprintId: activeSprint, processKey: 'NOPE', metric: 'completed' },
    ]) {
      expect(await invoke(outsider, 'getSprintHealthDrillDown', payload, OPS_PAGE)).toEqual(expected);
    }
    expect(kvsSnapshot()).toBe(before);
  });

  it('answers the outsider NOT_FOUND for the drill-downs of a frozen sprint: no hidden-issue count, no rows', async () => {
    const { member, outsider } = wb.users;
    await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: closedSprint });
    const expected = await notFoundAnswer();
    for (const context of [OPS_PAGE, ITSM_PAGE]) {
      expect(
        await invoke(outsider, 'getSprintHealthDrillDown', { sprintId: closedSprint, processKey: null, metric: 'committed' }, context),
      ).toEqual(expected);
    }
  });

  it('answers the progress of another viewer’s computation NOT_FOUND, before and after it is ready', async () => {
    const jobs = await import('../../src/useCases/sprintHealth/computeAndStore');
    const budget = jobs.sprintHealthTuning.inlineBudgetMs;
    jobs.sprintHealthTuning.inlineBudgetMs = -1;
    try {
      const { member, outsider } = wb.users;
      const started = await health(member, { boardId: DEMO_BOARD_ID, sprintId: closedSprint }, 'computing');
      expect(started).toMatchObject({ status: 'computing' });
      const expected = await notFoundAnswer();
      expect(await invoke(outsider, 'getSprintHealthProgress', { jobId: started.jobId }, OPS_PAGE)).toEqual(expected);
      await wb.drainQueues();
      expect(await invoke(outsider, 'getSprintHealthProgress', { jobId: started.jobId }, OPS_PAGE)).toEqual(expected);
      expect(await ok(member, 'getSprintHealthProgress', { jobId: started.jobId })).toMatchObject({ status: 'ready', frozen: true });
    } finally {
      jobs.sprintHealthTuning.inlineBudgetMs = budget;
    }
  });

  it('does not trust the payload’s board: the sprint must be on a board of the page’s project', async () => {
    const { member } = wb.users;
    await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: closedSprint });
    const expected = await notFoundAnswer();
    const before = kvsSnapshot();
    // The member may see ITSM's sprint, but not through the OPS project page (or an OPS board id).
    expect(await invoke(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: closedSprint }, OPS_PAGE)).toEqual(expected);
    expect(await invoke(member, 'getSprintHealth', { boardId: 2, sprintId: closedSprint }, ITSM_PAGE)).toEqual(expected);
    expect(await invoke(member, 'getSprintHealthDrillDown', { sprintId: closedSprint, metric: 'committed' }, OPS_PAGE)).toEqual(expected);
    expect(kvsSnapshot()).toBe(before);
  });

  it('previews settings for administrators only on a sprint the page may show them', async () => {
    const { admin } = wb.users;
    await ok(admin, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: closedSprint });
    const { defaults } = await ok(admin, 'getHealthSettings', {});
    const expected = await notFoundAnswer();
    expect(await invoke(admin, 'previewHealthSettings', { settings: defaults, sprintId: closedSprint }, OPS_PAGE)).toEqual(expected);
    expect(await ok(admin, 'previewHealthSettings', { settings: defaults, sprintId: closedSprint })).toMatchObject({ mode: 'rescored' });
  });

  it('keeps a warm repeat view free: the check is remembered per viewer', async () => {
    const { member } = wb.users;
    await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: closedSprint });
    await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: activeSprint });
    wb.jira.clearRequestLog();
    await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: closedSprint });
    await ok(member, 'getSprintHealthDrillDown', { sprintId: closedSprint, metric: 'committed' });
    expect(wb.jira.requestLog.map((entry) => `${entry.caller} ${entry.method} ${entry.path}`)).toEqual([
      'user POST /rest/api/3/search/jql',
    ]);
    wb.jira.clearRequestLog();
    await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: activeSprint });
    expect(wb.jira.requestLog.map((entry) => `${entry.caller} ${entry.method} ${entry.path}`)).toEqual(['app POST /rest/api/3/search/jql']);
  });
});

describe('job ids from payloads', () => {
  it('refuses a job id the app never makes with INVALID_INPUT, reading and writing nothing', async () => {
    const before = kvsSnapshot();
    for (const jobId of ['a/b', '../sprint-health:settings', 'sh-16-ABC', 'sh-16-abc:x', `sh-16-${'a'.repeat(40)}`, '']) {
      wb.jira.clearRequestLog();
      const answer = await invoke(wb.users.member, 'getSprintHealthProgress', { jobId });
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { jobId: expect.any(String) } } });
      expect(wb.jira.requestLog).toEqual([]);
    }
    expect(kvsSnapshot()).toBe(before);
    // Well formed but unknown: not found, as before.
    expect(await invoke(wb.users.member, 'getSprintHealthProgress', { jobId: 'sh-16-abc123' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('stored records of another shape (an older version’s, or damaged)', () => {
  const closedPayload = { boardId: DEMO_BOARD_ID, sprintId: closedSprint };

  it('treats a job of another shape as unknown, and a running marker pointing at one as no computation', async () => {
    const { member } = wb.users;
    storeRaw('sprint-health:job:sh-16-abc123', { jobId: 'sh-16-abc123', sprintId: 'sixteen', status: 'done' });
    expect(await invoke(member, 'getSprintHealthProgress', { jobId: 'sh-16-abc123' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(warnings.join('\n')).toContain('sprint-health:job:sh-16-abc123');

    storeRaw(`sprint-health:running:${closedSprint}`, { jobId: 'sh-16-abc123' });
    expect(await ok(member, 'getSprintHealth', closedPayload)).toMatchObject({ status: 'ready', frozen: true });
    storeRaw(`sprint-health:running:${activeSprint}`, 'busy');
    expect(await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: activeSprint })).toMatchObject({ status: 'ready' });
    expect(warnings.join('\n')).toContain(`sprint-health:running:${activeSprint}`);
  });

  it('treats a saved choice of another shape as no choice', async () => {
    const { member } = wb.users;
    storeRaw(`sprint-health:choice:${member}`, { board: DEMO_BOARD_ID, sprint: 'latest' });
    expect(await ok(member, 'getSprintHealthSetup', {})).toMatchObject({ lastChoice: null });
    expect(warnings.join('\n')).toContain(`sprint-health:choice:${member}`);
  });

  it('treats a start snapshot of another shape as none: removed issues are marked as possibly missing', async () => {
    const { member } = wb.users;
    storeRaw(`sprint-health:snapshot:${activeSprint}`, { issueIds: 'all of them' });
    const view = await health(member, { boardId: DEMO_BOARD_ID, sprintId: activeSprint }, 'ready');
    expect(view).toMatchObject({ status: 'ready', completeness: { removedIssuesKnown: false } });
    expect(await ok(member, 'getSprintHealthDrillDown', { sprintId: activeSprint, metric: 'removed' })).toMatchObject({ hiddenCount: 0 });
    expect(warnings.join('\n')).toContain(`sprint-health:snapshot:${activeSprint}`);
  });

  it('recomputes an active sprint whose kept inputs are of another shape, and keeps readable ones again', async () => {
    const { member } = wb.users;
    const active = { boardId: DEMO_BOARD_ID, sprintId: activeSprint };
    const first = await health(member, active, 'ready');
    const base = `sprint-health:active:${activeSprint}`;
    const head = kvsValue(base) as { generation: string };
    storeRaw(`sprint-health-chunk:${base}:${head.generation}:0`, [{ issue: { id: 1 }, changelog: 'none' }]);

    wb.jira.clearRequestLog();
    const again = await health(member, active, 'ready');
    expect(again).toMatchObject({ status: 'ready', frozen: false });
    expect(again.totals.metrics.committed).toBe(first.totals.metrics.committed);
    expect(wb.jira.requestLog.length).toBeGreaterThan(1); // a full computation, not the one-search refresh
    expect(warnings.join('\n')).toContain(base);

    wb.jira.clearRequestLog();
    await ok(member, 'getSprintHealth', active);
    expect(wb.jira.requestLog.map((entry) => entry.path)).toEqual(['/rest/api/3/search/jql']);
  });

  it('skips a trend point of another shape', async () => {
    const { member } = wb.users;
    storeRaw(`sprint-health:trend:${DEMO_BOARD_ID}:000000000000001:11`, { sprintId: 11, scores: 'high' });
    const view = await health(member, closedPayload, 'ready');
    expect(view.rows.every((row: { trend: Array<{ sprintId: number }> }) => row.trend.every((point) => point.sprintId !== 11))).toBe(true);
  });

  it('reports a frozen result it cannot read plainly, and never rewrites it', async () => {
    const { member } = wb.users;
    await ok(member, 'getSprintHealth', closedPayload);
    const base = `sprint-health:frozen:${closedSprint}`;
    const head = kvsValue(base) as { generation: string };
    storeRaw(`sprint-health-chunk:${base}:${head.generation}:0`, [{ row: { processKey: 7 } }]);
    const before = kvsSnapshot();

    const answer = await invoke(member, 'getSprintHealth', closedPayload);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'UNREADABLE', message: expect.stringMatching(/can't be read.*never recomputed or overwritten/) },
    });
    expect(await invoke(member, 'getSprintHealthDrillDown', { sprintId: closedSprint, metric: 'committed' })).toMatchObject({
      ok: false,
      error: { code: 'UNREADABLE' },
    });
    // The close event arriving again does not replace it either.
    await wb.deliverEvent('avi:jira-software:closed:sprint', {
      sprint: { id: closedSprint, state: 'closed', originBoardId: DEMO_BOARD_ID },
    });
    await wb.drainQueues();
    expect(kvsSnapshot()).toBe(before);
    expect(warnings.join('\n')).toContain(base);
  });

  it('reports a frozen head an older version wrote the same way, writing nothing', async () => {
    const { member } = wb.users;
    const base = `sprint-health:frozen:${closedSprint}`;
    storeRaw(base, { version: 0, rows: [] });
    const before = kvsSnapshot();
    expect(await invoke(member, 'getSprintHealth', closedPayload)).toMatchObject({
      ok: false,
      error: { code: 'UNREADABLE', message: expect.stringMatching(/can't be read/) },
    });
    expect(kvsSnapshot()).toBe(before);
  });
});
