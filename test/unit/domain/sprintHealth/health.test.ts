import { computeSprintHealth } from '../../../../src/domain/sprintHealth/computeSprintHealth';
import { evaluateCriteria, previewHealth, scoreHealth } from '../../../../src/domain/sprintHealth/health';
import { describeDuration } from '../../../../src/domain/sprintHealth/reasons';
import {
  DEFAULT_HEALTH_SETTINGS,
  suggestWaitingStatusIds,
  validateHealthSettings,
  type HealthSettings,
} from '../../../../src/domain/sprintHealth/settings';
import { aKpiReading, aSprintHealthInput, anIssueTimeline, statusCatalog } from '../../../builders/sprintBuilders';
import { rowOf } from './helpers';

const BEFORE = '2026-10-30T10:00:00Z';

/** 4 committed, 3 done (75%), 1 added (25% scope change), all active (100% efficiency), 1 improvement, no flags. */
function aSprintResult(kpi = false) {
  return computeSprintHealth(
    aSprintHealthInput(
      [
        anIssueTimeline('ABC-1').inSprintFrom(BEFORE).status('In Progress', '2026-11-03T09:00:00Z').status('Done', '2026-11-04T09:00:00Z'),
        anIssueTimeline('ABC-2').inSprintFrom(BEFORE).status('In Progress', '2026-11-03T09:00:00Z').status('Done', '2026-11-05T09:00:00Z'),
        anIssueTimeline('ABC-3').ofType('Process Improvement').inSprintFrom(BEFORE).status('Done', '2026-11-05T09:00:00Z'),
        anIssueTimeline('ABC-4').inSprintFrom(BEFORE),
        anIssueTimeline('ABC-5').inSprintFrom('2026-11-04T09:00:00Z').status('Done', '2026-11-06T09:00:00Z'),
      ],
      kpi ? { kpiReadings: { INC: [aKpiReading({ value: 5, target: 4, direction: 'lower' })] } } : {},
    ),
  );
}

describe('health criteria', () => {
  it('explains why each default criterion passed or failed for the row', () => {
    const row = rowOf(aSprintResult());
    expect(row.criteria.map((c) => [c.key, c.passed, c.explanation])).toEqual([
      ['sayDo', false, 'Failed: 3 of 4 committed issues were done (75%), below the target of at least 80%.'],
      ['scopeChange', false, 'Failed: 1 added and 0 removed against 4 committed (25%), over the limit of at most 20%.'],
      [
        'flowEfficiency',
        true,
        'Passed: 3 days active out of 3 days in progress, over every issue worked on in the sprint, finished or not (100%), ' +
          'meets the target of at least 40%.',
      ],
      ['carryOver', true, 'Passed: 1 of 5 issues in the sprint were not done at its end (20%), within the limit of at most 20%.'],
      ['impediments', true, 'Passed: 0 issues flagged during the sprint, 0 still flagged at its end, within the limit of at most 0.'],
      ['improvementsDone', true, 'Passed: 1 Process Improvement done, meets the target of at least 1.'],
      ['kpiAttainment', null, 'Not applicable: No KPI readings were entered for this sprint.'],
    ]);
  });

  it('leaves out criteria that do not apply and re-normalises the other weights', () => {
    const row = rowOf(aSprintResult());
    // Applicable weights: 30 + 15 + 15 + 15 + 10 + 5 = 90; passed: 15 + 15 + 10 + 5 = 45 → 50.
    expect(row.health).toEqual({ score: 50, band: 'amber' });
    expect(row.criteria.find((c) => c.key === 'sayDo')?.effectiveWeight).toBeCloseTo((30 / 90) * 100, 10);
    expect(row.criteria.find((c) => c.key === 'kpiAttainment')?.effectiveWeight).toBe(0);
    expect(row.criteria.reduce((sum, c) => sum + c.effectiveWeight, 0)).toBeCloseTo(100, 10);
  });

  it('counts KPI readings when there are some', () => {
    const row = rowOf(aSprintResult(true));
    expect(row.criteria.find((c) => c.key === 'kpiAttainment')).toMatchObject({
      passed: false,
      value: 0,
      explanation: 'Failed: 0 of 1 KPI reading on target (0%), below the target of at least 50%.',
    });
    expect(row.health).toEqual({ score: 45, band: 'red' });
  });

  it('bands by the green and amber thresholds, inclusive', () => {
    const criterion = (passed: boolean | null, weight: number) => ({ passed, weight }) as Parameters<typeof scoreHealth>[0][number];
    const bands = { green: 80, amber: 50 };
    expect(scoreHealth([criterion(true, 80), criterion(false, 20)], bands)).toEqual({ score: 80, band: 'green' });
    expect(scoreHealth([criterion(true, 50), criterion(false, 50)], bands)).toEqual({ score: 50, band: 'amber' });
    expect(scoreHealth([criterion(true, 49), criterion(false, 51)], bands)).toEqual({ score: 49, band: 'red' });
    expect(scoreHealth([criterion(null, 100)], bands)).toEqual({ score: null, band: null });
  });

  it('has no score when no criterion applies', () => {
    const settings: HealthSettings = { ...DEFAULT_HEALTH_SETTINGS, criteria: [{ key: 'kpiAttainment', weight: 100, threshold: 50 }] };
    const criteria = evaluateCriteria(rowOf(aSprintResult()).metrics, settings, { sprintOpen: false });
    expect(scoreHealth(criteria, settings.bands)).toEqual({ score: null, band: null });
  });
});

describe('previewHealth', () => {
  it('rescores an existing result under new settings without touching its metrics or drill-down', () => {
    const result = aSprintResult();
    const lenient: HealthSettings = {
      ...DEFAULT_HEALTH_SETTINGS,
      criteria: [
        { key: 'sayDo', weight: 60, threshold: 70 },
        { key: 'scopeChange', weight: 40, threshold: 30 },
      ],
      bands: { green: 90, amber: 40 },
    };
    const preview = previewHealth(result, lenient);
    expect(rowOf(preview).health).toEqual({ score: 100, band: 'green' });
    expect(rowOf(preview).metrics).toBe(rowOf(result).metrics);
    expect(rowOf(preview).drillDown).toBe(rowOf(result).drillDown);
    expect(preview.totals.criteria.map((c) => c.key)).toEqual(['sayDo', 'scopeChange']);
    expect(rowOf(result).health.score).toBe(50); // the original is untouched
  });
});

describe('validateHealthSettings', () => {
  it('accepts the defaults', () => {
    expect(validateHealthSettings(DEFAULT_HEALTH_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_HEALTH_SETTINGS });
    expect(DEFAULT_HEALTH_SETTINGS.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
  });

  it.each<[string, (s: HealthSettings) => unknown, string, string]>([
    [
      'weights not adding to 100',
      (s) => ({ ...s, criteria: s.criteria.map((c, i) => (i === 0 ? { ...c, weight: 31 } : c)) }),
      'criteria',
      'The weights must add up to 100 (now 101).',
    ],
    ['green not above amber', (s) => ({ ...s, bands: { green: 50, amber: 50 } }), 'bands.green', 'Green must start above amber.'],
    [
      'a percentage threshold over 100',
      (s) => ({ ...s, criteria: s.criteria.map((c) => (c.key === 'sayDo' ? { ...c, threshold: 120 } : c)) }),
      'criteria.0.threshold',
      'The threshold can be at most 100.',
    ],
    [
      'a fractional issue count',
      (s) => ({ ...s, criteria: s.criteria.map((c) => (c.key === 'improvementsDone' ? { ...c, threshold: 1.5 } : c)) }),
      'criteria.5.threshold',
      'This threshold counts issues: use a whole number.',
    ],
    [
      'a criterion twice',
      (s) => ({ ...s, criteria: [...s.criteria.slice(0, 6), { key: 'sayDo', weight: 10, threshold: 1 }] }),
      'criteria.6.key',
      'Each criterion can appear once.',
    ],
    [
      'a negative weight',
      (s) => ({ ...s, criteria: s.criteria.map((c, i) => (i === 0 ? { ...c, weight: -1 } : c)) }),
      'criteria.0.weight',
      'A weight cannot be negative.',
    ],
    [
      'a status both waiting and done',
      (s) => ({ ...s, waitingStatusIds: ['5'], doneStatusIds: ['5'] }),
      'waitingStatusIds',
      'A status cannot be both waiting and done.',
    ],
  ])('rejects %s', (_name, change, path, message) => {
    const outcome = validateHealthSettings(change(DEFAULT_HEALTH_SETTINGS));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.fields[path]).toBe(message);
  });
});

describe('status settings', () => {
  it('lets administrators choose done statuses instead of the Done category', () => {
    const timeline = () => anIssueTimeline('ABC-1').inSprintFrom(BEFORE).status('In Review', '2026-11-04T09:00:00Z');
    const byCategory = computeSprintHealth(aSprintHealthInput([timeline()]));
    const reviewIsDone = computeSprintHealth(
      aSprintHealthInput([timeline()], { settings: { ...DEFAULT_HEALTH_SETTINGS, doneStatusIds: ['4', '5', '6'] } }),
    );
    expect(rowOf(byCategory).metrics.completed).toBe(0);
    expect(rowOf(reviewIsDone).metrics.completed).toBe(1);
  });

  it('suggests waiting statuses by name', () => {
    expect(suggestWaitingStatusIds(statusCatalog())).toEqual(['10']);
  });
});

describe('duration wording', () => {
  it('words durations', () => {
    expect(describeDuration(0)).toBe('no time');
    expect(describeDuration(90 * 60_000)).toBe('1 hour 30 minutes');
    expect(describeDuration(40 * 86_400_000 + 3 * 3_600_000)).toBe('40 days 3 hours');
  });
});
