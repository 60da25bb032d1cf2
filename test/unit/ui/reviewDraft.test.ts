import { draftToPayload, reviewFieldErrors, reviewToDraft, type ReviewDraft } from '../../../static/project-page/src/review/reviewDraft';
import { aDoneStory, aSavedReview, aSprintReviewView } from './uiBuilders';

const confirmedOutcome = { value: 'confirmed' as const, note: 'MTTR down', by: 'apo-1', at: '2026-01-03T00:00:00.000Z' };

function aDraft(overrides: Partial<ReviewDraft> = {}): ReviewDraft {
  return { achieved: 'Runbooks', next: 'More runbooks', readings: {}, outcomes: {}, ...overrides };
}

describe('reviewToDraft', () => {
  it('starts empty for a sprint without a review, one reading per KPI, outcomes as recorded on the issues', () => {
    const view = aSprintReviewView({
      doneStories: [aDoneStory({ issueId: '1', outcome: confirmedOutcome }), aDoneStory({ issueId: '2' })],
    });
    expect(reviewToDraft(view)).toEqual({
      achieved: '',
      next: '',
      readings: { mttr: '', frt: '' },
      outcomes: { '1': { value: 'confirmed', note: 'MTTR down' }, '2': { value: null, note: '' } },
    });
  });

  it('takes the saved review over the issues’ outcomes', () => {
    const view = aSprintReviewView({
      review: aSavedReview({
        kpiReadings: [{ kpiId: 'frt', value: 12.5 }],
        storyOutcomes: [{ issueId: '1', issueKey: 'ITSM-1', value: 'refuted', note: 'no change' }],
      }),
      doneStories: [aDoneStory({ issueId: '1', outcome: confirmedOutcome })],
    });
    const draft = reviewToDraft(view);
    expect(draft.achieved).toBe('Three runbooks');
    expect(draft.readings).toEqual({ mttr: '', frt: '12.5' });
    expect(draft.outcomes).toEqual({ '1': { value: 'refuted', note: 'no change' } });
  });
});

describe('draftToPayload', () => {
  it('builds the save payload: readings in KPI order, blank readings and undecided outcomes left out', () => {
    const view = aSprintReviewView({ doneStories: [aDoneStory({ issueId: '1' }), aDoneStory({ issueId: '2' })] });
    const draft = aDraft({
      readings: { frt: '20', mttr: '3,5' },
      outcomes: { '1': { value: null, note: 'thinking' }, '2': { value: 'inconclusive', note: 'too early' } },
    });
    const { payload, errors, kpiIdAt } = draftToPayload(draft, view, 3);
    expect(errors).toEqual({});
    expect(kpiIdAt).toEqual(['mttr', 'frt']);
    expect(payload).toEqual({
      processKey: 'INC',
      sprintId: 17,
      achieved: 'Runbooks',
      next: 'More runbooks',
      kpiReadings: [
        { kpiId: 'mttr', value: 3.5 },
        { kpiId: 'frt', value: 20 },
      ],
      storyOutcomes: [{ issueId: '2', value: 'inconclusive', note: 'too early' }],
      expectedVersion: 3,
    });
  });

  it('keeps blank readings out, so kpiIdAt names only the readings sent', () => {
    const { payload, kpiIdAt } = draftToPayload(aDraft({ readings: { mttr: '  ', frt: '9' } }), aSprintReviewView(), null);
    expect(payload?.kpiReadings).toEqual([{ kpiId: 'frt', value: 9 }]);
    expect(kpiIdAt).toEqual(['frt']);
  });

  it('refuses a reading that is not a number, naming the KPI’s unit', () => {
    const { payload, errors } = draftToPayload(aDraft({ readings: { mttr: 'about 4', frt: '9' } }), aSprintReviewView(), null);
    expect(payload).toBeNull();
    expect(errors).toEqual({ 'readings.mttr': 'Enter the reading as a number of hours.' });
  });
});

describe('reviewFieldErrors', () => {
  it('maps the backend’s reading index back to the KPI it was sent for', () => {
    expect(reviewFieldErrors({ 'kpiReadings.1.value': 'Too large.', 'kpiReadings.0': 'Unknown KPI.' }, ['frt', 'mttr'], null)).toEqual({
      'readings.mttr': 'Too large.',
      'readings.frt': 'Unknown KPI.',
    });
  });

  it('maps a story outcome index to its issue, defaulting to the value field', () => {
    const payload = draftToPayload(
      aDraft({ outcomes: { '1': { value: null, note: '' }, '2': { value: 'confirmed', note: 'x' } } }),
      aSprintReviewView({ doneStories: [aDoneStory({ issueId: '1' }), aDoneStory({ issueId: '2' })] }),
      null,
    ).payload;
    expect(reviewFieldErrors({ 'storyOutcomes.0.note': 'Too long.', 'storyOutcomes.0': 'Not in the sprint.' }, [], payload)).toEqual({
      'outcomes.2.note': 'Too long.',
      'outcomes.2.value': 'Not in the sprint.',
    });
  });

  it('keeps the index when it cannot be mapped, and other paths as they are', () => {
    expect(reviewFieldErrors({ 'kpiReadings.4.value': 'a', 'storyOutcomes.3.value': 'b', achieved: 'c' }, [], null)).toEqual({
      'readings.4': 'a',
      'outcomes.3.value': 'b',
      achieved: 'c',
    });
    expect(reviewFieldErrors(undefined, [], null)).toEqual({});
  });
});
