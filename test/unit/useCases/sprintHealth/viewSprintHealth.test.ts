import { kvs } from '@forge/kvs';
import frozenV1 from './fixtures/frozenResultV1.json';
import { sprintHealthTuning } from '../../../../src/useCases/sprintHealth/computeAndStore';
import type { HealthQueue, JobBody } from '../../../../src/useCases/sprintHealth/runHealthJob';
import { forgetSprintAccess, type Viewer } from '../../../../src/useCases/sprintHealth/sprintAccess';
import { viewSprintHealth } from '../../../../src/useCases/sprintHealth/viewSprintHealth';
import { DEMO_BOARD_ID, DEMO_SPRINT_IDS } from '../../../../workbench/datasets/demoDataset';
import { createTestWorkbench, type TestWorkbench } from '../../../support/testWorkbench';
import { projectRef, runAs } from '../../../support/useCaseInvocation';

/** A page view of one sprint's health, called as a use case with a viewer and a queue port (no resolver, no Forge queue). */

let wb: TestWorkbench;
let queued: JobBody[];
const queue: HealthQueue = {
  push: (body) => {
    queued.push(body);
    return Promise.resolve();
  },
};
const closedSprint = DEMO_SPRINT_IDS.closed[DEMO_SPRINT_IDS.closed.length - 1] as number;

const viewerFor = (accountId: string): Viewer => ({ kind: 'user', accountId, site: `site:${wb.dataset.site.cloudId}` });
/** The use case as a resolver invocation runs it: `asUser()` reads the invocation's user. */
const view = (sprintId: number, viewer: Viewer) => runAs(wb, viewer, () => viewSprintHealth(input(sprintId), viewer, queue));
const input = (sprintId: number) => ({ project: projectRef(wb, 'ITSM'), boardId: DEMO_BOARD_ID, sprintId, myProcessesOnly: false });

beforeEach(async () => {
  forgetSprintAccess();
  wb = await createTestWorkbench();
  wb.host.activate();
  queued = [];
});
afterEach(() => wb.close());

describe('viewSprintHealth', () => {
  it('freezes a closed sprint on its first view, then shows the frozen result without asking Jira', async () => {
    const viewer = viewerFor(wb.users.member);
    const first = await view(closedSprint, viewer);
    expect(first).toMatchObject({ status: 'ready', frozen: true, sprint: { id: closedSprint, state: 'closed' } });
    expect(await kvs.get(`sprint-health:choice:${wb.users.member}`)).toEqual({ boardId: DEMO_BOARD_ID, sprintId: closedSprint });

    wb.jira.requestLog.length = 0;
    const again = await view(closedSprint, viewer);

    expect(again).toEqual(first);
    expect(wb.jira.requestLog).toEqual([]);
    expect(queued).toEqual([]);
  });

  it('names the criteria resting on undercounted numbers, also for a result frozen before they were kept', async () => {
    const viewer = viewerFor(wb.users.member);
    // Computed now, without a start snapshot: removed issues may be missing.
    const computed = await view(closedSprint, viewer);
    expect(computed).toMatchObject({
      status: 'ready',
      completeness: { removedIssuesKnown: false, incompleteCriteria: ['sayDo', 'scopeChange', 'flowEfficiency'] },
    });

    const oldSprint = frozenV1.head.meta.sprint.id;
    expect(frozenV1.head.meta.completeness).not.toHaveProperty('incompleteCriteria');
    await kvs.set(frozenV1.chunkKey, frozenV1.chunk);
    await kvs.set(frozenV1.key, frozenV1.head);
    expect(await view(oldSprint, viewer)).toMatchObject({
      status: 'ready',
      frozen: true,
      completeness: { removedIssuesKnown: false, incompleteCriteria: ['sayDo', 'scopeChange', 'flowEfficiency'] },
    });
  });

  it('marks trend points whose score rested on incomplete data, and reads points stored before that was kept as not known', async () => {
    const viewer = viewerFor(wb.users.member);
    const first = await view(closedSprint, viewer);
    if (first.status !== 'ready') throw new Error('expected a ready view');
    const row = first.rows[0]!;
    // A point written by an earlier version, before the sprint viewed here: no `incompleteData`.
    const legacy = {
      sprintId: 9001,
      sprintName: 'Earlier sprint',
      completeDate: null,
      scores: { [row.processKey ?? '~unlinked']: { score: 55, band: 'red' } },
    };
    await kvs.set(`sprint-health:trend:${DEMO_BOARD_ID}:000000000000001:9001`, legacy);

    const again = await view(closedSprint, viewer);
    if (again.status !== 'ready') throw new Error('expected a ready view');
    const trend = again.rows.find((candidate) => candidate.processKey === row.processKey)!.trend;
    const marked = row.criteria.some(
      (criterion) => criterion.passed !== null && again.completeness.incompleteCriteria.includes(criterion.key),
    );
    expect(marked).toBe(true);
    expect(trend.map((point) => [point.sprintId, point.score, point.incompleteData])).toEqual([
      [9001, 55, null],
      [closedSprint, row.health.score, true],
    ]);
  });

  it('hands a sprint too large for the inline budget to one background job through the queue port', async () => {
    const budget = sprintHealthTuning.inlineBudgetMs;
    sprintHealthTuning.inlineBudgetMs = -1;
    try {
      const computing = await view(closedSprint, viewerFor(wb.users.member));
      expect(computing).toMatchObject({ status: 'computing', progress: { phase: 'queued' } });
      expect(queued).toEqual([expect.objectContaining({ boardId: DEMO_BOARD_ID, sprint: expect.objectContaining({ id: closedSprint }) })]);
      // A second view while it computes answers the same job and queues nothing more.
      expect(await view(closedSprint, viewerFor(wb.users.member))).toEqual(computing);
      expect(queued).toHaveLength(1);
    } finally {
      sprintHealthTuning.inlineBudgetMs = budget;
    }
  });

  it('answers a viewer Jira does not show the sprint NOT_FOUND, and stores nothing for them', async () => {
    await expect(view(closedSprint, viewerFor(wb.users.outsider))).rejects.toMatchObject({ kind: 'not-found' });
    expect(await kvs.get(`sprint-health:choice:${wb.users.outsider}`)).toBeUndefined();
    expect(await kvs.get(`sprint-health:frozen:${closedSprint}`)).toBeUndefined();
  });
});
