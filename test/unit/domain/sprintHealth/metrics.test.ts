import { aKpiReading, aSprintHealthInput, anIssueTimeline } from '../../../builders/sprintBuilders';
import { computeRow, DAY, drill, HOUR } from './helpers';

// Sprint 12 runs 2 Nov 09:00 → closed 16 Nov 09:00 (UTC) unless a test says otherwise.
const BEFORE = '2026-10-30T10:00:00Z';

describe('committed', () => {
  it('counts issues in the sprint at its start instant, from the Sprint field history', () => {
    const row = computeRow(
      aSprintHealthInput([
        anIssueTimeline('ABC-1').inSprintFrom(BEFORE),
        anIssueTimeline('ABC-2').inSprintFrom('2026-11-02T09:00:00Z'), // exactly at the start: committed
        anIssueTimeline('ABC-3').inSprintFrom('2026-11-03T14:02:00Z'),
        anIssueTimeline('ABC-4').inSprintFrom('2026-10-28T10:00:00Z').leavesSprint('2026-10-31T10:00:00Z'), // gone before the start
      ]),
    );
    expect(row.metrics.committed).toBe(2);
    expect(drill(row, 'committed')).toEqual([
      'ABC-1 ✓ in the sprint when it started (2 Nov 09:00)',
      'ABC-2 ✓ in the sprint when it started (2 Nov 09:00)',
      'ABC-3 ✗ added 3 Nov 14:02, after the sprint started',
    ]);
  });
});

describe('added', () => {
  it('counts issues moved in or created in the sprint after its start, not after its close', () => {
    const row = computeRow(
      aSprintHealthInput([
        anIssueTimeline('ABC-1').inSprintFrom(BEFORE),
        anIssueTimeline('ABC-2').inSprintFrom('2026-11-03T14:02:00Z'),
        anIssueTimeline('ABC-3').created('2026-11-04T10:00:00Z').createdIn(),
        anIssueTimeline('ABC-4').inSprintFrom('2026-11-16T10:00:00Z'), // after the close
      ]),
    );
    expect(row.metrics.added).toBe(2);
    expect(drill(row, 'added')).toEqual([
      'ABC-2 ✓ added 3 Nov 14:02, after the sprint started',
      'ABC-3 ✓ created in the sprint 4 Nov 10:00, after it started',
    ]);
  });
});

describe('removed', () => {
  it('counts issues that left after the start, but not those Jira carries over on close', () => {
    const row = computeRow(
      aSprintHealthInput([
        anIssueTimeline('ABC-1').inSprintFrom(BEFORE).leavesSprint('2026-11-05T10:00:00Z', { to: '13' }),
        anIssueTimeline('ABC-2').inSprintFrom(BEFORE).leavesSprint('2026-11-06T11:00:00Z'),
        anIssueTimeline('ABC-3').inSprintFrom(BEFORE).carriedOverTo('2026-11-16T09:00:00Z', '13'),
      ]),
    );
    expect(row.metrics).toMatchObject({ committed: 3, removed: 2, scopeAtEnd: 1, carryOver: 1 });
    expect(drill(row, 'removed')).toEqual([
      'ABC-1 ✓ removed 5 Nov 10:00, after the sprint started (moved to sprint 13)',
      'ABC-2 ✓ removed 6 Nov 11:00, after the sprint started (moved to the backlog)',
    ]);
  });
});

describe('completed, say/do and carry-over', () => {
  const input = () =>
    aSprintHealthInput([
      anIssueTimeline('ABC-1').inSprintFrom(BEFORE).status('In Progress', '2026-11-03T10:00:00Z').status('Done', '2026-11-06T10:00:00Z'),
      anIssueTimeline('ABC-2').inSprintFrom(BEFORE).status('Done', '2026-11-04T10:00:00Z'),
      anIssueTimeline('ABC-3').inSprintFrom(BEFORE).status('Done', '2026-10-31T12:00:00Z'), // done before the start
      anIssueTimeline('ABC-4').inSprintFrom(BEFORE).status('In Progress', '2026-11-05T10:00:00Z').status('Done', '2026-11-16T10:00:00Z'), // after close
      anIssueTimeline('ABC-5').inSprintFrom('2026-11-03T09:00:00Z').status('Done', '2026-11-07T09:00:00Z'), // added, done
    ]);

  it('credits issues done during the sprint while in it', () => {
    const row = computeRow(input());
    expect(row.metrics).toMatchObject({ committed: 4, added: 1, completed: 3, completedCommitted: 2, carryOver: 1, scopeAtEnd: 5 });
    expect(drill(row, 'completed')).toEqual([
      'ABC-1 ✓ done 6 Nov 10:00, during the sprint',
      'ABC-2 ✓ done 4 Nov 10:00, during the sprint',
      'ABC-3 ✗ done 31 Oct 12:00, before the sprint started, not counted',
      'ABC-5 ✓ done 7 Nov 09:00, during the sprint',
    ]);
  });

  it('say/do is completed ∩ committed ÷ committed', () => {
    const row = computeRow(input());
    expect(row.metrics.sayDoPct).toBe(50);
    expect(drill(row, 'sayDo')).toEqual([
      'ABC-1 ✓ committed and done 6 Nov 10:00',
      'ABC-2 ✓ committed and done 4 Nov 10:00',
      'ABC-3 ✗ done 31 Oct 12:00, before the sprint started, not counted',
      'ABC-4 ✗ not done when the sprint closed (In Progress)',
      'ABC-5 ✗ done 7 Nov 09:00 but added after the start, so not part of the commitment',
    ]);
  });

  it('carry-over is what was in the sprint at its close and not done, as a share of the final scope', () => {
    const row = computeRow(input());
    expect(row.metrics.carryOver).toBe(1);
    expect(row.metrics.carryOverPct).toBe(20);
    expect(drill(row, 'carryOver')).toEqual(['ABC-4 ✓ not done when the sprint closed (In Progress)']);
  });
});

describe('scope change', () => {
  it('is (added + removed) ÷ committed', () => {
    const row = computeRow(
      aSprintHealthInput([
        anIssueTimeline('ABC-1').inSprintFrom(BEFORE),
        anIssueTimeline('ABC-2').inSprintFrom(BEFORE),
        anIssueTimeline('ABC-3').inSprintFrom(BEFORE),
        anIssueTimeline('ABC-4').inSprintFrom(BEFORE).leavesSprint('2026-11-04T08:00:00Z'),
        anIssueTimeline('ABC-5').inSprintFrom('2026-11-05T08:00:00Z'),
      ]),
    );
    expect(row.metrics.scopeChangePct).toBe(50);
    expect(drill(row, 'scopeChange')).toEqual([
      'ABC-4 ✓ removed 4 Nov 08:00, after the sprint started (moved to the backlog)',
      'ABC-5 ✓ added 5 Nov 08:00, after the sprint started',
    ]);
  });
});

describe('flow time', () => {
  it('runs from the first active or waiting status to done; p50 and p85 by nearest rank', () => {
    const row = computeRow(
      aSprintHealthInput([
        anIssueTimeline('ABC-1').inSprintFrom(BEFORE).status('In Progress', '2026-11-03T09:00:00Z').status('Done', '2026-11-04T09:00:00Z'), // 1 day
        anIssueTimeline('ABC-2').inSprintFrom(BEFORE).status('Waiting', '2026-11-03T09:00:00Z').status('Done', '2026-11-05T09:00:00Z'), // 2 days
        anIssueTimeline('ABC-3').inSprintFrom(BEFORE).status('In Progress', '2026-10-31T09:00:00Z').status('Done', '2026-11-04T09:00:00Z'), // 4 days, started before
        anIssueTimeline('ABC-4').inSprintFrom(BEFORE).status('Done', '2026-11-05T09:00:00Z'), // never started
      ]),
    );
    expect(row.metrics).toMatchObject({ flowTimeP50Ms: 2 * DAY, flowTimeP85Ms: 4 * DAY, flowTimeSamples: 3 });
    expect(drill(row, 'flowTime')).toEqual([
      'ABC-1 ✓ 1 day: started 3 Nov 09:00, done 4 Nov 09:00',
      'ABC-2 ✓ 2 days: started 3 Nov 09:00, done 5 Nov 09:00',
      'ABC-3 ✓ 4 days: started 31 Oct 09:00, done 4 Nov 09:00',
      'ABC-4 ✗ went to done 5 Nov 09:00 without passing an active or waiting status: no flow time, not counted',
    ]);
  });
});

describe('flow load', () => {
  it('counts issues active or waiting at the close', () => {
    const row = computeRow(
      aSprintHealthInput([
        anIssueTimeline('ABC-1').inSprintFrom(BEFORE).status('In Progress', '2026-11-03T09:00:00Z'),
        anIssueTimeline('ABC-2').inSprintFrom(BEFORE).status('Waiting', '2026-11-03T09:00:00Z'),
        anIssueTimeline('ABC-3').inSprintFrom(BEFORE),
        anIssueTimeline('ABC-4').inSprintFrom(BEFORE).status('In Progress', '2026-11-03T09:00:00Z').status('Done', '2026-11-04T09:00:00Z'),
        anIssueTimeline('ABC-5').inSprintFrom(BEFORE).status('In Progress', '2026-11-17T09:00:00Z'), // started after close
      ]),
    );
    expect(row.metrics.flowLoad).toBe(2);
    expect(drill(row, 'flowLoad')).toEqual([
      'ABC-1 ✓ in progress (In Progress) when the sprint closed',
      'ABC-2 ✓ waiting (Waiting) when the sprint closed',
    ]);
  });
});

describe('flow efficiency', () => {
  it('is active ÷ (active + waiting) within the sprint window, flagged time counting as waiting', () => {
    const row = computeRow(
      aSprintHealthInput([
        // Active 2 Nov 09:00 → 3 Nov 09:00 inside the window (started before it): 1 day active.
        anIssueTimeline('ABC-1').inSprintFrom(BEFORE).status('In Progress', '2026-10-30T09:00:00Z').status('Done', '2026-11-03T09:00:00Z'),
        // 1 day active, 1 day waiting, then 1 day active of which 12 h flagged: 1.5 days active, 1.5 waiting.
        anIssueTimeline('ABC-2')
          .inSprintFrom(BEFORE)
          .status('In Progress', '2026-11-03T09:00:00Z')
          .status('Waiting', '2026-11-04T09:00:00Z')
          .status('In Progress', '2026-11-05T09:00:00Z')
          .flagged('2026-11-05T09:00:00Z')
          .unflagged('2026-11-05T21:00:00Z')
          .status('Done', '2026-11-06T09:00:00Z'),
      ]),
    );
    expect(row.metrics.activeMs).toBe(2.5 * DAY);
    expect(row.metrics.waitingMs).toBe(1.5 * DAY);
    expect(row.metrics.flowEfficiencyPct).toBe(62.5);
    expect(drill(row, 'flowEfficiency')).toEqual([
      'ABC-1 ✓ 1 day active, no time waiting or flagged during the sprint',
      'ABC-2 ✓ 1 day 12 hours active, 1 day 12 hours waiting or flagged during the sprint',
    ]);
  });

  it('does not count time before the issue joined the sprint', () => {
    const row = computeRow(
      aSprintHealthInput([
        anIssueTimeline('ABC-1')
          .status('In Progress', '2026-11-02T09:00:00Z')
          .inSprintFrom('2026-11-02T21:00:00Z')
          .status('Done', '2026-11-03T09:00:00Z'),
      ]),
    );
    expect(row.metrics.activeMs).toBe(12 * HOUR);
  });
});

describe('impediments', () => {
  it('counts issues flagged at any time in the window, with each flagged period', () => {
    const row = computeRow(
      aSprintHealthInput([
        anIssueTimeline('ABC-1').inSprintFrom(BEFORE).flagged('2026-10-31T10:00:00Z').unflagged('2026-11-03T10:00:00Z'),
        anIssueTimeline('ABC-2').inSprintFrom(BEFORE).flagged('2026-10-31T10:00:00Z').unflagged('2026-11-01T10:00:00Z'), // before the start
        anIssueTimeline('ABC-3').inSprintFrom(BEFORE).flagged('2026-11-10T10:00:00Z'),
      ]),
    );
    expect(row.metrics).toMatchObject({ impediments: 2, impedimentsOpen: 1 });
    expect(drill(row, 'impediments')).toEqual([
      'ABC-1 ✓ flagged: 2 Nov 09:00 – 3 Nov 10:00',
      'ABC-3 ✓ flagged: since 10 Nov 10:00, still flagged',
    ]);
  });
});

describe('improvements done and flow distribution', () => {
  const input = () =>
    aSprintHealthInput([
      anIssueTimeline('ABC-1').ofType('Process Improvement').inSprintFrom(BEFORE).status('Done', '2026-11-05T09:00:00Z'),
      anIssueTimeline('ABC-2').ofType('Story').flaggedAsImprovement().inSprintFrom(BEFORE).status('Done', '2026-11-05T09:00:00Z'),
      anIssueTimeline('ABC-3').ofType('Process Improvement').inSprintFrom(BEFORE).status('In Progress', '2026-11-05T09:00:00Z'),
      anIssueTimeline('ABC-4').ofType('Bug').inSprintFrom(BEFORE).status('Done', '2026-11-05T09:00:00Z'),
      anIssueTimeline('ABC-5').ofType('Risk').inSprintFrom(BEFORE).status('Done', '2026-11-05T09:00:00Z'),
      anIssueTimeline('ABC-6').ofType('Spike').inSprintFrom(BEFORE).status('Done', '2026-11-05T09:00:00Z'),
      anIssueTimeline('ABC-7').ofType('Tech debt').inSprintFrom(BEFORE).status('Done', '2026-11-05T09:00:00Z'),
    ]);

  it('counts completed Process Improvements, by type or flag', () => {
    const row = computeRow(input());
    expect(row.metrics.improvementsDone).toBe(2);
    expect(drill(row, 'improvementsDone')).toEqual([
      'ABC-1 ✓ process improvement done 5 Nov 09:00',
      'ABC-2 ✓ process improvement done 5 Nov 09:00',
      'ABC-3 ✗ process improvement not completed in this sprint (In Progress), not counted',
    ]);
  });

  it('shares completed work by kind from the issue type', () => {
    const row = computeRow(input());
    expect(row.metrics.flowDistribution).toEqual({ feature: 2, defect: 1, risk: 1, debt: 2 });
    expect(row.metrics.flowDistributionPct?.feature).toBeCloseTo(100 / 3, 10);
    expect(drill(row, 'flowDistribution')).toEqual([
      'ABC-1 ✓ Process Improvement: debt / improvement',
      'ABC-2 ✓ Story: feature',
      'ABC-4 ✓ Bug: defect',
      'ABC-5 ✓ Risk: risk',
      'ABC-6 ✓ Spike is not mapped to a kind: counted as feature',
      'ABC-7 ✓ Tech debt: debt / improvement',
    ]);
  });
});

describe('KPI attainment', () => {
  it('compares each reading with its target in its direction', () => {
    const row = computeRow(
      aSprintHealthInput([anIssueTimeline('ABC-1').inSprintFrom(BEFORE)], {
        kpiReadings: {
          INC: [
            aKpiReading({ kpiId: 'mttr', value: 3, target: 4, direction: 'lower' }),
            aKpiReading({ kpiId: 'fcr', name: 'First contact resolution', value: 60, target: 70, direction: 'higher' }),
            aKpiReading({ kpiId: 'csat', name: 'Satisfaction', value: 4.5, target: 4.5, direction: 'higher' }),
            aKpiReading({ kpiId: 'x', name: 'Other', value: 1, target: 1, direction: 'lower' }),
          ],
        },
      }),
    );
    expect(row.metrics.kpi.onTarget).toBe(3);
    expect(row.metrics.kpi.attainmentPct).toBe(75);
    expect(row.metrics.kpi.readings.map((r) => [r.kpiId, r.onTarget])).toEqual([
      ['csat', true],
      ['fcr', false],
      ['mttr', true],
      ['x', true],
    ]);
  });
});
