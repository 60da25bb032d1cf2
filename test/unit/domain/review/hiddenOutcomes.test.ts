import fc from 'fast-check';
import {
  decideReviewSave,
  keepHiddenOutcomes,
  outcomeIssueIds,
  withoutHiddenOutcomes,
  type StoryOutcomeEntry,
} from '../../../../src/domain/review/sprintReview';

const outcome = (issueId: string, note = `note on ${issueId}`): StoryOutcomeEntry => ({
  issueId,
  issueKey: `ITSM-${issueId}`,
  value: 'confirmed',
  note,
});

/** A saved review holding `outcomes`, with the history its two saves wrote. */
function savedReview(first: StoryOutcomeEntry[], second: StoryOutcomeEntry[]) {
  const base = { processKey: 'INC', sprintId: 16, by: 'acc-apo', now: new Date(), sprintState: 'closed' as const };
  const values = (storyOutcomes: StoryOutcomeEntry[]) => ({ achieved: 'a', next: 'n', kpiReadings: [], storyOutcomes });
  const one = decideReviewSave({ ...base, existing: null, expectedVersion: null, values: values(first) });
  if (one.outcome !== 'saved') throw new Error('expected saved');
  const two = decideReviewSave({ ...base, existing: one.review, expectedVersion: 1, values: values(second) });
  if (two.outcome !== 'saved') throw new Error('expected saved');
  return { review: two.review, history: [one.history!, two.history!] };
}

describe('outcomes on issues the viewer cannot browse', () => {
  it('names every issue of the review and its history, and leaves the hidden ones out of both', () => {
    const { review, history } = savedReview([outcome('1', 'secret note'), outcome('2')], [outcome('2', 'changed')]);
    expect(outcomeIssueIds(review, history).sort()).toEqual(['1', '2']);

    const seen = withoutHiddenOutcomes(review, history, new Set(['1']));
    expect(seen.review?.storyOutcomes).toEqual([outcome('2', 'changed')]);
    expect(seen.hiddenOutcomeCount).toBe(0); // the review itself no longer holds it; its history did
    expect(JSON.stringify(seen.history)).not.toContain('secret note');
    expect(JSON.stringify(seen.history)).not.toContain('ITSM-1');
    expect(seen.history[1]?.changes).toEqual([
      { field: 'storyOutcomes', before: JSON.stringify([outcome('2')]), after: JSON.stringify([outcome('2', 'changed')]) },
    ]);
  });

  it('drops a history change that only touched hidden outcomes, and counts hidden ones the review holds', () => {
    const { review, history } = savedReview([outcome('1'), outcome('2')], [outcome('1', 'edited'), outcome('2')]);
    const seen = withoutHiddenOutcomes(review, history, new Set(['1']));
    expect(seen.history[1]?.changes).toEqual([]);
    expect(seen.hiddenOutcomeCount).toBe(1);
  });

  it('keeps hidden outcomes exactly as stored, in their place, whatever the viewer submits', () => {
    const existing = [outcome('1'), outcome('2'), outcome('3')];
    expect(keepHiddenOutcomes([outcome('3', 'new'), outcome('2', 'new')], existing, new Set(['1']))).toEqual([
      outcome('1'),
      outcome('2', 'new'),
      outcome('3', 'new'),
    ]);
    expect(keepHiddenOutcomes([outcome('4')], existing, new Set())).toEqual([outcome('4')]);
  });

  it('never loses or alters a hidden outcome, and saving what was shown is no change', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 12 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 12 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { maxLength: 12 }),
        (stored, hiddenIds, submittedIds) => {
          const existing = stored.map((id) => outcome(String(id)));
          const hidden = new Set(hiddenIds.map(String));
          const submitted = submittedIds.filter((id) => !hidden.has(String(id))).map((id) => outcome(String(id), 'mine'));
          const merged = keepHiddenOutcomes(submitted, existing, hidden);
          for (const kept of existing.filter((entry) => hidden.has(entry.issueId))) expect(merged).toContainEqual(kept);
          expect(merged).toHaveLength(new Set(merged.map((entry) => entry.issueId)).size);
          const shown = existing.filter((entry) => !hidden.has(entry.issueId));
          expect(keepHiddenOutcomes(shown, existing, hidden)).toEqual(existing);
        },
      ),
    );
  });
});
