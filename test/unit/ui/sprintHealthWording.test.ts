import type { ResultOf } from '../../../src/contract';
import {
  criterionHelp,
  describeDuration,
  incompleteDataHelp,
  METRIC_KEYS,
  metricHelp,
} from '../../../static/project-page/src/sprintHealth/metricWording';

// The keys the contract's types allow, listed so that tsc fails when the contract gains or loses one.
type ContractDrillDownKey = ResultOf<'getSprintHealthDrillDown'>['metric'];
type ContractCriterionKey = ResultOf<'getHealthSettings'>['record']['settings']['criteria'][number]['key'];

const drillDownKeys = Object.keys({
  committed: true,
  added: true,
  removed: true,
  completed: true,
  sayDo: true,
  scopeChange: true,
  carryOver: true,
  flowTime: true,
  flowLoad: true,
  flowEfficiency: true,
  impediments: true,
  improvementsDone: true,
  flowDistribution: true,
} satisfies Record<ContractDrillDownKey, true>);

const criterionKeys = Object.keys({
  sayDo: true,
  scopeChange: true,
  flowEfficiency: true,
  carryOver: true,
  impediments: true,
  improvementsDone: true,
  kpiAttainment: true,
} satisfies Record<ContractCriterionKey, true>);

describe('sprint health wording (the UI’s own)', () => {
  it('explains every number the contract can send: drill-downs, criteria, health and completeness', () => {
    const expected = new Set(['health', ...drillDownKeys, ...criterionKeys, 'completeness']);
    expect(new Set(METRIC_KEYS)).toEqual(expected);
    for (const key of METRIC_KEYS) {
      const help = metricHelp[key];
      expect([key, help.label.length > 0, help.short.length > 0, help.long.length > 0]).toEqual([key, true, true, true]);
    }
  });

  it('lists the numbers in the help panel’s order: health first, completeness last', () => {
    expect(METRIC_KEYS[0]).toBe('health');
    expect(METRIC_KEYS.slice(1, 1 + drillDownKeys.length)).toEqual(drillDownKeys);
    expect(METRIC_KEYS.at(-1)).toBe('completeness');
  });

  it('words every health criterion the settings can hold, in the settings’ order', () => {
    expect(Object.keys(criterionHelp)).toEqual(criterionKeys);
    for (const key of criterionKeys) {
      const help = criterionHelp[key as ContractCriterionKey];
      expect(help.label && help.rule).toBeTruthy();
    }
  });

  it('says durations the way the drill-downs do', () => {
    expect(describeDuration(0)).toBe('no time');
    expect(describeDuration(30_000)).toBe('under a minute');
    expect(describeDuration((2 * 60 + 5) * 60_000)).toBe('2 hours 5 minutes');
    // Past 30 days the days stay days, not months.
    expect(describeDuration((40 * 24 + 3) * 3_600_000)).toBe('40 days 3 hours');
  });
});

describe('which issues each flow figure covers', () => {
  it('says flow time covers completed issues only and flow efficiency every issue in progress, finished or not', () => {
    expect(metricHelp.flowTime.short).toMatch(/completed in the sprint only/);
    expect(metricHelp.flowTime.long).toMatch(/^Covers only the issues completed in the sprint/);
    expect(metricHelp.flowEfficiency.short).toMatch(/every issue in progress in it, finished or not/);
    expect(metricHelp.flowEfficiency.long).toMatch(
      /issues still in progress at the end .* unlike flow time, which covers completed issues only/,
    );
  });
});

describe('incomplete data', () => {
  it('explains the marker on every criterion the backend may name, and names added as well as removed', () => {
    for (const key of ['sayDo', 'scopeChange', 'flowEfficiency'] as const)
      expect(incompleteDataHelp[key]).toMatch(/before the app was watching/);
    expect(metricHelp.completeness.long).toMatch(/added after the start and removed again/);
    expect(metricHelp.completeness.long).toMatch(/"incomplete data"/);
  });
});
