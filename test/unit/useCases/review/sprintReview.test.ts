import {
  exportProcessReviewsCsv,
  getSprintReview,
  saveSprintReview,
  type SaveSprintReviewInput,
} from '../../../../src/useCases/review/sprintReview';
import { anImprovementStoryIn, incidentWorkbenchPerTest } from '../../../support/improvementSeed';
import { asUser, projectRef } from '../../../support/useCaseInvocation';

const wb = incidentWorkbenchPerTest();

const project = () => projectRef(wb(), 'ITSM');
const activeSprintId = async () =>
  (await asUser(wb(), wb().users.apo, (actor) => getSprintReview({ project: project(), processKey: 'INC', sprintId: null }, actor))).sprint
    .id;
const save = (accountId: string, input: Partial<SaveSprintReviewInput> & { sprintId: number }) =>
  asUser(wb(), accountId, (actor) =>
    saveSprintReview(
      {
        project: project(),
        processKey: 'INC',
        achieved: 'Runbooks',
        next: '',
        kpiReadings: [],
        storyOutcomes: [],
        expectedVersion: null,
        ...input,
      },
      actor,
    ),
  );

describe('saving a sprint review', () => {
  it('saves version by version, answers a conflict to a stale version, and exports what was saved', async () => {
    const sprintId = await activeSprintId();
    const first = await save(wb().users.apo, { sprintId, kpiReadings: [{ kpiId: 'mttr', value: 5 }] });
    expect(first).toMatchObject({
      outcome: 'saved',
      view: { review: { version: 1, kpiReadings: [{ kpiId: 'mttr', value: 5 }] }, canEdit: true },
    });
    expect((await save(wb().users.asm, { sprintId, achieved: 'Changed', expectedVersion: 1 })).view.review?.version).toBe(2);
    const stale = await save(wb().users.apo, { sprintId, achieved: 'Late', expectedVersion: 1 });
    expect(stale).toMatchObject({ outcome: 'conflict', view: { review: { version: 2, achieved: 'Changed' } } });
    expect(stale.view.history.map((entry) => entry.version)).toEqual([2, 1]);

    const csv = await asUser(wb(), wb().users.member, (actor) => exportProcessReviewsCsv({ project: project(), processKey: 'INC' }, actor));
    expect(csv.filename).toMatch(/^process-loop-INC-reviews-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.csv).toContain('Changed');
  });

  it('refuses a non-reviewer, an invalid reading and a story outcome for an issue outside the review, writing nothing', async () => {
    const sprintId = await activeSprintId();
    const story = await anImprovementStoryIn(wb());
    await expect(save(wb().users.member, { sprintId })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(save(wb().users.apo, { sprintId, kpiReadings: [{ kpiId: 'mttr', value: -2 }] })).rejects.toMatchObject({
      kind: 'invalid',
      details: { fields: { 'kpiReadings.0.value': expect.any(String) } },
    });
    await expect(
      save(wb().users.apo, { sprintId, storyOutcomes: [{ issueId: story.id, value: 'confirmed', note: '' }] }),
    ).rejects.toMatchObject({ kind: 'invalid', details: { fields: { 'storyOutcomes.0.issueId': expect.any(String) } } });
    const view = await asUser(wb(), wb().users.apo, (actor) => getSprintReview({ project: project(), processKey: 'INC', sprintId }, actor));
    expect(view.review).toBeNull();
  });
});
