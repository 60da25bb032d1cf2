import { kvs } from '@forge/kvs';
import type { ChangeItem } from '../../../../src/domain/sprintHealth';
import { writeActiveInputs, type ActiveMeta } from '../../../../src/storage/sprintHealth/activeInputs';
import { listEventChanges } from '../../../../src/storage/sprintHealth/eventChanges';
import { listIssuesLeftSprint } from '../../../../src/storage/sprintHealth/issuesLeft';
import { onIssueUpdated } from '../../../../src/useCases/sprintHealth/onIssueUpdated';
import { createTestWorkbench, type TestWorkbench } from '../../../support/testWorkbench';

/** An issue-updated event: sprint exits are recorded, relevant changes of cached active sprints kept; the rest ignored. */

const SPRINT_FIELD = 'customfield_10020';
let wb: TestWorkbench;

const change = (field: string, from: string | null, to: string | null, fieldId: string | null = null): ChangeItem => ({
  field,
  fieldId,
  from,
  fromString: from,
  to,
  toString: to,
});

/** A cached active sprint 17 holding issue 100 (what a page view keeps). */
async function cacheActiveSprint(): Promise<void> {
  const now = new Date().toISOString();
  const meta: ActiveMeta = {
    sprint: { id: 17, name: 'Sprint 17', state: 'active', startDate: now, endDate: now, completeDate: null, originBoardId: 1 },
    searchedAt: now,
    computedAt: now,
    fields: { sprint: SPRINT_FIELD, flagged: null },
    issueIds: ['100'],
  };
  await writeActiveInputs(meta, []);
}

beforeEach(async () => {
  wb = await createTestWorkbench();
  wb.host.activate();
  await cacheActiveSprint();
});
afterEach(() => wb.close());

describe('onIssueUpdated', () => {
  it('records an issue leaving a sprint and keeps the change for the cached sprint, once per history', async () => {
    const at = new Date().toISOString();
    const update = { issueId: '100', historyId: 'h1', at, items: [change('Sprint', '16, 17', '18', SPRINT_FIELD)] };

    await onIssueUpdated(update);
    await onIssueUpdated(update); // delivered twice

    expect(await listIssuesLeftSprint(16)).toEqual([{ issueId: '100', at }]);
    expect(await listIssuesLeftSprint(17)).toEqual([{ issueId: '100', at }]);
    expect(await listIssuesLeftSprint(18)).toEqual([]);
    expect(await listEventChanges(17)).toEqual([
      { issueId: '100', historyId: 'h1', updated: at, history: { id: 'h1', created: at, items: update.items } },
    ]);
  });

  it('keeps a status change of an issue in a cached sprint, without its unrelated items', async () => {
    const at = new Date().toISOString();
    await onIssueUpdated({
      issueId: '100',
      historyId: 'h2',
      at,
      items: [change('summary', 'a', 'b'), change('status', '1', '3', 'status')],
    });

    const [kept] = await listEventChanges(17);
    expect(kept?.history.items).toEqual([change('status', '1', '3', 'status')]);
  });

  it('ignores changes of fields sprint health does not read, and issues of no cached sprint', async () => {
    const at = new Date().toISOString();
    await onIssueUpdated({ issueId: '100', historyId: 'h3', at, items: [change('summary', 'a', 'b')] });
    await onIssueUpdated({ issueId: '200', historyId: 'h4', at, items: [change('status', '1', '3', 'status')] });

    expect(await listEventChanges(17)).toEqual([]);
    const keys = wb.store.entries('kvs').map(([key]) => key);
    expect(keys.filter((key) => key.startsWith('sprint-health:evt:') || key.startsWith('sprint-health:left:'))).toEqual([]);
    expect(await kvs.get('sprint-health:left:17:200')).toBeUndefined();
  });
});
