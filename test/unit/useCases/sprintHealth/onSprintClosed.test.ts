import { kvs } from '@forge/kvs';
import { onSprintClosed } from '../../../../src/useCases/sprintHealth/onSprintClosed';
import { runHealthJob, type HealthQueue, type JobBody } from '../../../../src/useCases/sprintHealth/runHealthJob';
import { DEMO_BOARD_ID, DEMO_SPRINT_IDS } from '../../../../workbench/datasets/demoDataset';
import { createTestWorkbench, type TestWorkbench } from '../../../support/testWorkbench';

/** A sprint-closed event, as the use case sees it: one background job per sprint, which freezes its result and trend point. */

let wb: TestWorkbench;
let queued: JobBody[];
const queue: HealthQueue = {
  push: (body) => {
    queued.push(body);
    return Promise.resolve();
  },
};
const sprintId = DEMO_SPRINT_IDS.closed[0];
const app = () => ({ kind: 'app' as const, site: wb.dataset.site.cloudId });
const keys = (prefix: string) =>
  wb.store
    .entries('kvs')
    .map(([key]) => key)
    .filter((key) => key.startsWith(prefix));

beforeEach(async () => {
  wb = await createTestWorkbench();
  wb.host.activate();
  queued = [];
});
afterEach(() => wb.close());

describe('onSprintClosed', () => {
  it('queues one job; the job freezes the result and writes the board trend point', async () => {
    await onSprintClosed({ sprintId, originBoardId: DEMO_BOARD_ID }, app(), queue);
    await onSprintClosed({ sprintId, originBoardId: DEMO_BOARD_ID }, app(), queue); // delivered twice

    expect(queued).toHaveLength(1);
    const [job] = queued;
    if (!job) throw new Error('no job queued');
    await runHealthJob(job, queue);

    expect(keys(`sprint-health:frozen:${sprintId}`)).toHaveLength(1);
    expect(keys(`sprint-health:trend:${DEMO_BOARD_ID}:`)).toEqual([expect.stringMatching(new RegExp(`:${sprintId}$`))]);
    expect(await kvs.get(`sprint-health:job:${job.jobId}`)).toMatchObject({ status: 'ready' });
  });

  it('starts nothing for a sprint whose result is already stored, even an unreadable one', async () => {
    await kvs.set(`sprint-health:frozen:${sprintId}`, { damaged: true });

    await onSprintClosed({ sprintId, originBoardId: DEMO_BOARD_ID }, app(), queue);

    expect(queued).toEqual([]);
    expect(await kvs.get(`sprint-health:frozen:${sprintId}`)).toEqual({ damaged: true });
  });

  it('starts nothing for a sprint Jira does not have closed', async () => {
    await onSprintClosed({ sprintId: DEMO_SPRINT_IDS.active, originBoardId: DEMO_BOARD_ID }, app(), queue);
    expect(queued).toEqual([]);
  });
});
