import {
  draftOutcomes,
  draftReadings,
  hiddenOutcomesText,
  historyValueText,
  outcomesText,
  readingsText,
} from '../../../static/project-page/src/review/reviewText';
import { aDoneStory, aSprintReviewView } from './uiBuilders';

const view = aSprintReviewView({ doneStories: [aDoneStory({ issueId: '1', issueKey: 'ITSM-7' })] });

describe('readingsText', () => {
  it('names each reading by its KPI, with the unit', () => {
    expect(
      readingsText(
        [
          { kpiId: 'mttr', value: 3.5 },
          { kpiId: 'frt', value: 1200 },
        ],
        view.process.kpis,
      ),
    ).toBe('Time to restore: 3.5 hours; First response: 1,200 minutes');
  });

  it('still shows a reading whose KPI was removed, and nothing for no readings', () => {
    expect(readingsText([{ kpiId: 'gone', value: 2 }], view.process.kpis)).toBe('A removed KPI: 2');
    expect(readingsText([], view.process.kpis)).toBe('');
  });
});

describe('outcomesText', () => {
  it('names stories by key, looking the key up when the entry has none', () => {
    expect(
      outcomesText(
        [
          { issueId: '1', value: 'confirmed', note: 'faster' },
          { issueId: '9', issueKey: 'ITSM-9', value: 'refuted', note: '' },
          { issueId: '5', value: 'inconclusive', note: '' },
        ],
        view.doneStories,
      ),
    ).toBe('ITSM-7 Confirmed (faster); ITSM-9 Refuted; 5 Inconclusive');
  });
});

describe('draftReadings and draftOutcomes', () => {
  it('keep only numeric readings and decided outcomes', () => {
    const draft = {
      achieved: '',
      next: '',
      readings: { mttr: '2,5', frt: '', other: 'n/a' },
      outcomes: { '1': { value: 'confirmed' as const, note: 'ok' }, '2': { value: null, note: 'undecided' } },
    };
    expect(draftReadings(draft)).toEqual([{ kpiId: 'mttr', value: 2.5 }]);
    expect(draftOutcomes(draft)).toEqual([{ issueId: '1', value: 'confirmed', note: 'ok' }]);
  });
});

describe('historyValueText', () => {
  it('decodes text fields and words readings and outcomes', () => {
    expect(historyValueText('achieved', JSON.stringify('Three runbooks'), view)).toBe('Three runbooks');
    expect(historyValueText('kpiReadings', JSON.stringify([{ kpiId: 'mttr', value: 4 }]), view)).toBe('Time to restore: 4 hours');
    expect(historyValueText('storyOutcomes', JSON.stringify([{ issueId: '1', value: 'refuted', note: '' }]), view)).toBe('ITSM-7 Refuted');
  });

  it('shows nothing for an empty value, and text that is not JSON as it is', () => {
    expect(historyValueText('next', 'null', view)).toBe('');
    expect(historyValueText('next', '""', view)).toBe('');
    expect(historyValueText('next', 'not json', view)).toBe('not json');
  });
});

describe('hiddenOutcomesText', () => {
  it('says how many outcomes on unseen issues a save keeps, in the singular and the plural', () => {
    expect(hiddenOutcomesText(1)).toBe("1 outcome on an issue you can't see is kept as it is when you save.");
    expect(hiddenOutcomesText(3)).toBe("3 outcomes on issues you can't see are kept as they are when you save.");
  });
});
