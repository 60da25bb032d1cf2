import { errorAt, fieldErrorsFrom } from '../../../static/common/forms/fieldErrors';
import { formatScore, scaleLabel } from '../../../static/common/improvement/scales';
import { draftToStoryInput, emptyStoryDraft, parseNumber } from '../../../static/common/improvement/storyDraft';
import { aCompleteStoryDraft, anImprovementProcess, aResolverError } from './uiBuilders';

describe('parseNumber', () => {
  it('reads a decimal comma as a decimal point', () => {
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber(' 2.25 ')).toBe(2.25);
  });

  it('answers null for empty or non-numeric text', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('   ')).toBeNull();
    expect(parseNumber('four')).toBeNull();
    expect(parseNumber('Infinity')).toBeNull();
  });
});

describe('draftToStoryInput', () => {
  const process = anImprovementProcess();

  it('turns a complete draft into the create payload', () => {
    const { input, errors } = draftToStoryInput(aCompleteStoryDraft({ baseline: '8,5', target: '6' }), process);
    expect(errors).toEqual({});
    expect(input).toEqual({
      processKey: 'INC',
      userStory: { asA: 'service desk agent', iWant: 'a runbook per top incident', soThat: 'restores are faster' },
      hypothesis: { change: 'runbooks for the top five incidents', outcome: 'a shorter time to restore' },
      measure: { kpiId: 'mttr', description: 'Mean time to restore', baseline: 8.5, target: 6, unit: '' },
      benefit: 4,
      cost: 2,
    });
  });

  it('names every missing field by the backend’s path', () => {
    const { input, errors } = draftToStoryInput(emptyStoryDraft(null), undefined);
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(
      [
        'processKey',
        'userStory.asA',
        'userStory.iWant',
        'userStory.soThat',
        'hypothesis.change',
        'hypothesis.outcome',
        'measure.description',
        'measure.baseline',
        'measure.target',
        'measure.unit',
        'benefit',
        'cost',
      ].sort(),
    );
  });

  it('treats whitespace-only text as missing', () => {
    const { errors } = draftToStoryInput(aCompleteStoryDraft({ asA: '   ' }), process);
    expect(errors).toEqual({ 'userStory.asA': 'Say who benefits ("As a …").' });
  });

  it('asks for a unit only for a measure of its own, and sends the unit only then', () => {
    const own = aCompleteStoryDraft({ kpiId: null, unit: '' });
    expect(draftToStoryInput(own, process).errors).toHaveProperty(['measure.unit']);
    const withUnit = draftToStoryInput(aCompleteStoryDraft({ kpiId: null, unit: 'tickets' }), process);
    expect(withUnit.input?.measure).toMatchObject({ kpiId: null, unit: 'tickets' });
    const kpiMeasure = draftToStoryInput(aCompleteStoryDraft({ unit: 'typed before picking a KPI' }), process);
    expect(kpiMeasure.input?.measure?.unit).toBe('');
  });

  it('wants a target that differs from the baseline', () => {
    const { input, errors } = draftToStoryInput(aCompleteStoryDraft({ baseline: '6', target: '6,0' }), process);
    expect(input).toBeNull();
    expect(errors).toEqual({ 'measure.target': 'The target should differ from the baseline.' });
  });

  it('sends no measure, and judges none, when the story has none', () => {
    const { input, errors } = draftToStoryInput(aCompleteStoryDraft({ hasMeasure: false, measureDescription: '', baseline: 'x' }), process);
    expect(errors).toEqual({});
    expect(input?.measure).toBeNull();
  });

  it('refuses a process key whose process is not known', () => {
    const { input, errors } = draftToStoryInput(aCompleteStoryDraft(), undefined);
    expect(input).toBeNull();
    expect(errors).toEqual({ processKey: 'Pick the process this improves.' });
  });
});

describe('scaleLabel', () => {
  it('words benefit and cost on their own scales', () => {
    expect(scaleLabel('benefit', 1)).toBe('Very low');
    expect(scaleLabel('benefit', 5)).toBe('Very high');
    expect(scaleLabel('cost', 3)).toBe('Medium (within a sprint)');
  });

  it('shows a value off the scale as the number itself', () => {
    expect(scaleLabel('benefit', 7)).toBe('7');
    expect(scaleLabel('cost', 0)).toBe('0');
  });
});

describe('formatScore', () => {
  it('shows at most two decimals and no trailing zeros', () => {
    expect(formatScore(2.5)).toBe('2.5');
    expect(formatScore(4 / 3)).toBe('1.33');
    expect(formatScore(2)).toBe('2');
  });
});

describe('fieldErrorsFrom', () => {
  it('strips the payload prefix the form does not address', () => {
    const error = aResolverError({
      code: 'INVALID_INPUT',
      fields: { 'story.measure.baseline': 'Must be a number.', 'story.benefit': 'Pick one.' },
    });
    expect(fieldErrorsFrom(error, 'story')).toEqual({ 'measure.baseline': 'Must be a number.', benefit: 'Pick one.' });
  });

  it('keeps paths outside the prefix, and all paths without one', () => {
    const error = aResolverError({ code: 'INVALID_INPUT', fields: { storyline: 'x', processKey: 'Unknown process.' } });
    expect(fieldErrorsFrom(error, 'story')).toEqual({ storyline: 'x', processKey: 'Unknown process.' });
    expect(fieldErrorsFrom(aResolverError({ fields: { 'story.cost': 'c' } }), null)).toEqual({ 'story.cost': 'c' });
  });

  it('gives no field errors when the backend sent none', () => {
    expect(fieldErrorsFrom(aResolverError(), 'story')).toEqual({});
  });
});

describe('errorAt', () => {
  const errors = {
    'measure.target': 'Enter the target as a number.',
    measureNote: 'not under measure',
    benefit: 'Pick the expected benefit.',
  };

  it('finds the field’s own message first', () => {
    expect(errorAt({ ...errors, measure: 'Whole measure is wrong.' }, 'measure')).toBe('Whole measure is wrong.');
    expect(errorAt(errors, 'benefit')).toBe('Pick the expected benefit.');
  });

  it('collects a message from beneath the field, but not from a sibling sharing its prefix', () => {
    expect(errorAt(errors, 'measure')).toBe('Enter the target as a number.');
    expect(errorAt({ measureNote: 'x' }, 'measure')).toBeUndefined();
  });
});
