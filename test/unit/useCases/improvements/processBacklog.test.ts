import { getProcessBacklog, reorderProcessBacklog } from '../../../../src/useCases/improvements/processBacklog';
import { anImprovementStoryIn, incidentWorkbenchPerTest } from '../../../support/improvementSeed';
import { asUser, projectRef } from '../../../support/useCaseInvocation';

const wb = incidentWorkbenchPerTest();

const project = () => projectRef(wb(), 'ITSM');
const reorder = (accountId: string, issueIds: string[], expectedVersion: number | null) =>
  asUser(wb(), accountId, (actor) => reorderProcessBacklog({ project: project(), processKey: 'INC', issueIds, expectedVersion }, actor));

describe('re-ordering a process backlog', () => {
  it('keeps the APO’s order, and answers a conflict to a save from an old version', async () => {
    const low = await anImprovementStoryIn(wb(), { benefit: 1, cost: 5 });
    const high = await anImprovementStoryIn(wb(), { benefit: 5, cost: 1 });
    const saved = await reorder(wb().users.apo, [low.id, high.id], null);
    expect(saved.outcome).toBe('saved');
    expect(saved.group.stories.map((story) => story.issueId)).toEqual([low.id, high.id]);
    expect(saved.group.order).toEqual({ kind: 'manual', version: 1 });

    const stale = await reorder(wb().users.admin, [high.id, low.id], null);
    expect(stale.outcome).toBe('conflict');
    expect(stale.group.stories.map((story) => story.issueId)).toEqual([low.id, high.id]);

    const backlog = await asUser(wb(), wb().users.member, (actor) =>
      getProcessBacklog({ project: project(), processKey: 'INC', valueStreamKey: null, statusCategory: null }, actor),
    );
    expect(backlog.groups.find((group) => group.processKey === 'INC')).toMatchObject({
      canReorder: false,
      order: { kind: 'manual', version: 1 },
    });
  });

  it('refuses someone who does not own the process, and an issue that is not one of its stories', async () => {
    const story = await anImprovementStoryIn(wb());
    await expect(reorder(wb().users.asm, [story.id], null)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(reorder(wb().users.apo, [story.id, '999999'], null)).rejects.toMatchObject({
      kind: 'invalid',
      details: { fields: { 'issueIds.1': expect.any(String) } },
    });
  });
});
