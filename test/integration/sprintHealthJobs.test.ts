import { subMinutes } from 'date-fns';
import { toSprint } from '../../src/domain/sprintHealth';
import { fetchSprint } from '../../src/jira/agile';
import { clearFieldIdCache } from '../../src/jira/jiraFields';
import { clearStatusCache } from '../../src/jira/statuses';
import { readJob, writeJob, type JobRecord } from '../../src/storage/sprintHealth/jobs';
import { jiraCallFor } from '../../src/useCases/actor';
import { sprintHealthTuning } from '../../src/useCases/sprintHealth/computeAndStore';
import { jobTuning } from '../../src/useCases/sprintHealth/jobDeadline';
import { forgetSprintAccess } from '../../src/useCases/sprintHealth/sprintAccess';
import { DEMO_BOARD_ID, DEMO_SPRINT_IDS } from '../../workbench/datasets/demoDataset';
import { resolverAnswers } from '../support/resolverAnswers';
import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';
import { actorsOf, runAs } from '../support/useCaseInvocation';

/**
 * Background sprint health jobs always end: a job whose consumer never ran, timed out or died is taken over by
 * the next page view, poll or sprint event, and the sprint still gets frozen. Through the emulated runtime.
 */
let wb: TestWorkbench;
const { ok, health } = resolverAnswers(() => wb);
const closedSprint = DEMO_SPRINT_IDS.closed[5];
const selection = { boardId: DEMO_BOARD_ID, sprintId: closedSprint };
const inlineBudget = sprintHealthTuning.inlineBudgetMs;

beforeEach(async () => {
  forgetSprintAccess();
  wb = await createTestWorkbench();
  // Every view hands the sprint to the background, as a sprint too large for one resolver call does.
  sprintHealthTuning.inlineBudgetMs = -1;
});
afterEach(() => {
  jest.restoreAllMocks();
  sprintHealthTuning.inlineBudgetMs = inlineBudget;
  wb.expectNoContractViolations();
  wb.close();
});

const storedJob = (jobId: string) => runAs(wb, actorsOf(wb).app, () => readJob(jobId));

/** The job as its record would look `minutes` later with nothing written meanwhile (how a dead run leaves it). */
async function age(jobId: string, minutes: number, change: Partial<JobRecord> = {}): Promise<void> {
  const job = await storedJob(jobId);
  if (!job) throw new Error(`No job ${jobId}`);
  const back = (iso: string) => subMinutes(new Date(iso), minutes).toISOString();
  const aged = { ...job, ...change };
  await runAs(wb, actorsOf(wb).app, () =>
    writeJob({ ...aged, updatedAt: back(aged.updatedAt), ...(aged.deadlineAt ? { deadlineAt: back(aged.deadlineAt) } : {}) }),
  );
}

/** The job started by a view whose queued event the platform then lost: its consumer never runs. */
async function jobNeverDelivered(): Promise<string> {
  const started = await health(wb.users.member, selection, 'computing');
  expect(wb.host.loseQueuedEvents('sprint-health')).toBe(1);
  return started.jobId;
}

const kvsKeys = (prefix: string) =>
  wb.store
    .entries('kvs')
    .map(([key]) => key)
    .filter((key) => key.startsWith(prefix));

describe('sprint health jobs: a job that was never delivered', () => {
  it('is left alone while its event may still come', async () => {
    const jobId = await jobNeverDelivered();
    const again = await health(wb.users.member, selection, 'computing');
    expect(again).toMatchObject({ jobId, restartedAt: null, progress: { phase: 'queued' } });
    expect(wb.host.pendingCount()).toBe(0);
  });

  it('is queued again by the next view past its deadline, says so, and the sprint gets frozen', async () => {
    const jobId = await jobNeverDelivered();
    await age(jobId, jobTuning.pickupMs / 60_000 + 1);

    const taken = await health(wb.users.member, selection, 'computing');
    expect(taken).toMatchObject({ jobId, restartedAt: expect.any(String), progress: { phase: 'queued' } });
    // A second viewer at the same moment finds the job taken over: one new run, not two.
    forgetSprintAccess();
    expect(await health(wb.users.apo, selection, 'computing')).toMatchObject({ jobId, restartedAt: taken.restartedAt });
    expect(wb.host.pendingCount()).toBe(1);

    await wb.drainQueues();
    expect(await ok(wb.users.member, 'getSprintHealthProgress', { jobId })).toMatchObject({ status: 'ready', frozen: true });
    expect(kvsKeys(`sprint-health:frozen:${closedSprint}`)).toHaveLength(1);
    expect(kvsKeys(`sprint-health:running:${closedSprint}`)).toEqual([]);
  });
});

describe('sprint health jobs: a run that died', () => {
  it('is taken over by the page polling it once it has been silent too long (out of memory)', async () => {
    const jobId = await jobNeverDelivered();
    // As a run leaves it when its process dies mid-way: reading histories, far from its run deadline, silent since.
    await age(jobId, jobTuning.heartbeatMs / 60_000 + 1, {
      progress: { phase: 'changelogs', done: 120, total: 300, retryAt: null },
      deadlineAt: new Date(Date.now() + jobTuning.runMs).toISOString(),
    });
    const polled = await ok(wb.users.member, 'getSprintHealthProgress', { jobId });
    expect(polled).toMatchObject({ status: 'computing', jobId, restartedAt: expect.any(String), progress: { phase: 'queued' } });
    expect((await storedJob(jobId))?.attempt).toBe(2);
    await wb.drainQueues();
    expect(await ok(wb.users.member, 'getSprintHealthProgress', { jobId })).toMatchObject({ status: 'ready', frozen: true });
  });

  it('is taken over by a repeated sprint-closed event once past its run deadline (timed out), and frozen', async () => {
    const jobId = await jobNeverDelivered();
    await age(jobId, jobTuning.runMs / 60_000 + 1, { progress: { phase: 'changelogs', done: 10, total: 300, retryAt: null } });
    await wb.deliverEvent('avi:jira-software:closed:sprint', { sprint: { id: closedSprint, originBoardId: DEMO_BOARD_ID } });
    await wb.drainQueues();
    expect(kvsKeys(`sprint-health:frozen:${closedSprint}`)).toHaveLength(1);
    expect(await storedJob(jobId)).toMatchObject({ status: 'ready', attempt: 2 });
  });

  it('leaves the job to the newer run when the old one is delivered after all', async () => {
    const jobId = await jobNeverDelivered();
    await age(jobId, jobTuning.pickupMs / 60_000 + 1);
    await health(wb.users.member, selection, 'computing');
    const late = await wb.host.invokeFunction(
      'sprint-health-job',
      { body: { jobId, boardId: DEMO_BOARD_ID, site: actorsOf(wb).app.site, attempt: 1, sprint: await sprintOf(closedSprint) } },
      {},
    );
    expect(late).toBeUndefined();
    expect(kvsKeys(`sprint-health:frozen:${closedSprint}`)).toEqual([]);
    expect(await storedJob(jobId)).toMatchObject({ status: 'computing', attempt: 2, progress: { phase: 'queued' } });
  });

  it('stops a run that was taken over while it was slow, before it asks Jira for the sprint', async () => {
    const jobId = await jobNeverDelivered();
    clearFieldIdCache();
    clearStatusCache();
    // While the run reads the site's fields, a viewer finds it silent for too long and queues a second run.
    const handle = wb.jira.handle.bind(wb.jira);
    jest.spyOn(wb.jira, 'handle').mockImplementation(async (request) => {
      if (request.pathWithQuery.startsWith('/rest/api/3/field')) {
        const key = `sprint-health:job:${jobId}`;
        const row = wb.store.get('kvs', key) as { value: JobRecord };
        wb.store.set('kvs', key, { ...row, value: { ...row.value, attempt: 2, progress: { ...row.value.progress, phase: 'queued' } } });
      }
      return handle(request);
    });
    wb.jira.clearRequestLog();
    await wb.host.invokeFunction(
      'sprint-health-job',
      { body: { jobId, boardId: DEMO_BOARD_ID, site: actorsOf(wb).app.site, attempt: 1, sprint: await sprintOf(closedSprint) } },
      {},
    );
    expect(wb.jira.requestLog.filter((entry) => entry.path === '/rest/api/3/search/jql')).toEqual([]);
    expect(await storedJob(jobId)).toMatchObject({ status: 'computing', attempt: 2, progress: { phase: 'queued' } });
  });

  it(`fails after ${jobTuning.maxRuns} runs with a clear message, and the next view starts afresh`, async () => {
    const jobId = await jobNeverDelivered();
    await age(jobId, jobTuning.runMs / 60_000 + 1, { attempt: jobTuning.maxRuns });
    const failed = await ok(wb.users.member, 'getSprintHealth', selection);
    expect(failed).toMatchObject({
      status: 'failed',
      jobId,
      error: { code: 'INTERNAL', message: expect.stringMatching(/stopped before finishing/) },
    });
    expect(wb.host.pendingCount()).toBe(0);
    const fresh = await health(wb.users.member, selection, 'computing');
    expect(fresh.jobId).not.toBe(jobId);
    await wb.drainQueues();
    expect(await ok(wb.users.member, 'getSprintHealthProgress', { jobId: fresh.jobId })).toMatchObject({ status: 'ready' });
  });
});

describe('sprint health jobs: what a job keeps', () => {
  it('expires job records, running markers and takeover claims a day after their last write', async () => {
    const jobId = await jobNeverDelivered();
    await age(jobId, jobTuning.pickupMs / 60_000 + 1);
    await health(wb.users.member, selection, 'computing');
    const expiring = wb.store
      .entries('kvs')
      .filter(([key]) => /^sprint-health:(job|running|takeover):/.test(key))
      .map(([key, row]) => [key.split(':')[1], (row as { expireTime?: string }).expireTime] as const);
    expect(expiring.map(([family]) => family).sort()).toEqual(['job', 'running', 'takeover']);
    for (const [, expireTime] of expiring) {
      const hours = (Date.parse(expireTime ?? '') - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(23);
      expect(hours).toBeLessThanOrEqual(24);
    }
  });
});

/** The sprint as the consumer's event carries it: as Jira has it now, read as the app. */
function sprintOf(sprintId: number) {
  const app = actorsOf(wb).app;
  return runAs(wb, app, async () => {
    const sprint = await fetchSprint(jiraCallFor(app), sprintId);
    if (!sprint) throw new Error(`No sprint ${sprintId}`);
    return toSprint(sprint);
  });
}
