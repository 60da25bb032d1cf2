import {
  getIssueImprovement,
  recordImprovementOutcome,
  toggleImprovementDod,
} from '../../../../src/useCases/improvements/issueImprovementPanel';
import { anImprovementStoryIn, incidentWorkbenchPerTest } from '../../../support/improvementSeed';
import { asUser } from '../../../support/useCaseInvocation';

const wb = incidentWorkbenchPerTest();

describe('the improvement issue panel', () => {
  it('ticks a Definition of Done item as the member, with who and when', async () => {
    const issue = await anImprovementStoryIn(wb());
    const ticked = await asUser(wb(), wb().users.member, (actor) => toggleImprovementDod({ issue, itemId: 'd1', done: true }, actor));
    expect(ticked.dod).toEqual([
      expect.objectContaining({ itemId: 'd1', done: true, doneBy: wb().users.member, doneAt: expect.any(String) }),
    ]);
    expect(ticked.dodProgress).toMatchObject({ done: 1, total: 1 });
  });

  it('records the outcome for the process’s ASM, and refuses it to the member who may only tick the checklist', async () => {
    const issue = await anImprovementStoryIn(wb());
    const asMember = await asUser(wb(), wb().users.member, (actor) => getIssueImprovement({ issue }, actor));
    expect(asMember).toMatchObject({ canEdit: true, canRecordOutcome: false, readOnlyReason: expect.stringMatching(/APO or ASM/) });
    await expect(
      asUser(wb(), wb().users.member, (actor) => recordImprovementOutcome({ issue, outcome: { value: 'confirmed', note: '' } }, actor)),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    const recorded = await asUser(wb(), wb().users.asm, (actor) =>
      recordImprovementOutcome({ issue, outcome: { value: 'refuted', note: 'No change' } }, actor),
    );
    expect(recorded.improvement?.outcome).toMatchObject({ value: 'refuted', note: 'No change', by: wb().users.asm });
  });
});
