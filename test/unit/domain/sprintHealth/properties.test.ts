import fc from 'fast-check';
import { computeSprintHealth } from '../../../../src/domain/sprintHealth/computeSprintHealth';
import type { SprintHealthInput, SprintMetrics } from '../../../../src/domain/sprintHealth/types';
import { aKpiReading, aSprint, aSprintHealthInput, anIssueTimeline } from '../../../builders/sprintBuilders';

const START = Date.parse('2026-11-02T09:00:00Z');
const END = Date.parse('2026-11-16T09:00:00Z');
const FROM = START - 10 * 86_400_000;
const TO = END + 4 * 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

const eventArb = fc.record({
  at: fc.integer({ min: FROM, max: TO }),
  kind: fc.constantFrom('in', 'in11', 'out', 'to13', 'status', 'status', 'status', 'flag', 'unflag'),
  status: fc.constantFrom('To Do', 'In Progress', 'In Review', 'Waiting', 'Done', 'Closed'),
});

const issueArb = fc.record({
  created: fc.integer({ min: FROM - 5 * 86_400_000, max: TO }),
  createdIn: fc.boolean(),
  events: fc.array(eventArb, { maxLength: 10 }),
  process: fc.constantFrom('INC', 'PUR', null),
  type: fc.constantFrom('Story', 'Bug', 'Risk', 'Tech debt', 'Process Improvement', 'Spike'),
  readable: fc.boolean(),
});

const scenarioArb = fc.record({
  issues: fc.array(issueArb, { maxLength: 25 }),
  active: fc.boolean(),
  now: fc.integer({ min: START, max: TO }),
  snapshot: fc.option(fc.array(fc.nat({ max: 30 })), { nil: undefined }),
  kpi: fc.array(fc.record({ value: fc.integer({ min: 0, max: 10 }), target: fc.integer({ min: 0, max: 10 }), higher: fc.boolean() }), {
    maxLength: 4,
  }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function buildInput(scenario: Scenario): SprintHealthInput {
  const timelines = scenario.issues.map((spec, index) => {
    const timeline = anIssueTimeline(`ABC-${index + 1}`)
      .created(iso(spec.created))
      .ofType(spec.type)
      .linkedTo(spec.process);
    if (spec.createdIn) timeline.createdIn();
    const events = spec.events.map((e) => ({ ...e, at: Math.max(e.at, spec.created) })).sort((a, b) => a.at - b.at);
    for (const event of events) {
      const at = iso(event.at);
      if (event.kind === 'in') timeline.inSprintFrom(at);
      else if (event.kind === 'in11') timeline.inSprintFrom(at, '11');
      else if (event.kind === 'out') timeline.leavesSprint(at);
      else if (event.kind === 'to13') timeline.leavesSprint(at, { to: '13' });
      else if (event.kind === 'flag') timeline.flagged(at);
      else if (event.kind === 'unflag') timeline.unflagged(at);
      else timeline.status(event.status, at);
    }
    if (!spec.readable) timeline.withoutChangelog();
    return timeline;
  });
  const built = aSprintHealthInput(timelines, {
    sprint: scenario.active ? aSprint({ state: 'active', completeDate: null }) : aSprint(),
    now: iso(scenario.now),
    kpiReadings: {
      INC: scenario.kpi.map((k, i) =>
        aKpiReading({ kpiId: `k${i}`, value: k.value, target: k.target, direction: k.higher ? 'higher' : 'lower' }),
      ),
    },
  });
  if (scenario.snapshot) {
    const ids = built.issues.map((issue) => issue.id);
    built.committedSnapshot = scenario.snapshot.map((n) => ids[n] ?? `missing-${n}`);
  }
  return built;
}

function permute<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}

const inRange = (value: number | null) => value === null || (value >= 0 && value <= 100);

function checkMetrics(m: SprintMetrics) {
  expect([m.sayDoPct, m.carryOverPct, m.flowEfficiencyPct, m.kpi.attainmentPct].every(inRange)).toBe(true);
  expect(Object.values(m.flowDistributionPct ?? {}).every(inRange)).toBe(true);
  expect(m.scopeChangePct === null || m.scopeChangePct >= 0).toBe(true);
  if (m.flowTimeP50Ms !== null && m.flowTimeP85Ms !== null) expect(m.flowTimeP50Ms).toBeLessThanOrEqual(m.flowTimeP85Ms);
  expect(m.flowTimeP50Ms === null).toBe(m.flowTimeSamples === 0);
  expect(m.completed).toBeLessThanOrEqual(m.committed + m.added);
  expect(m.completedCommitted).toBeLessThanOrEqual(Math.min(m.completed, m.committed));
  expect(m.scopeAtEnd).toBe(m.committed + m.added - m.removed);
  expect(m.completed + m.carryOver).toBeLessThanOrEqual(m.scopeAtEnd);
  expect(m.flowLoad).toBeLessThanOrEqual(m.carryOver);
  expect(m.impedimentsOpen).toBeLessThanOrEqual(m.impediments);
  expect(m.improvementsDone).toBeLessThanOrEqual(m.completed);
  expect(Object.values(m.flowDistribution).reduce((a, b) => a + b, 0)).toBe(m.completed);
}

describe('sprint health invariants', () => {
  it('keeps percentages in range, p50 ≤ p85, completed ≤ committed + added, and the counts consistent', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const result = computeSprintHealth(buildInput(scenario));
        for (const row of [...result.rows, result.totals]) {
          checkMetrics(row.metrics);
          expect(row.health.score === null || (row.health.score >= 0 && row.health.score <= 100)).toBe(true);
          const effective = row.criteria.reduce((sum, c) => sum + c.effectiveWeight, 0);
          expect(row.health.score === null ? effective === 0 : Math.abs(effective - 100) < 1e-9).toBe(true);
        }
        const sum = (pick: (m: SprintMetrics) => number) => result.rows.reduce((total, row) => total + pick(row.metrics), 0);
        expect(sum((m) => m.committed)).toBe(result.totals.metrics.committed);
        expect(sum((m) => m.completed)).toBe(result.totals.metrics.completed);
        expect(sum((m) => m.activeMs)).toBe(result.totals.metrics.activeMs);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same output for the same input in any order', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (scenario, keys) => {
        const input = buildInput(scenario);
        const shuffled: SprintHealthInput = {
          ...input,
          issues: permute(input.issues, keys),
          changelogs: Object.fromEntries(
            permute(Object.entries(input.changelogs), keys).map(([id, histories]) => [id, permute(histories, [...keys].reverse())]),
          ),
          ...(input.committedSnapshot ? { committedSnapshot: permute(input.committedSnapshot, keys) } : {}),
          kpiReadings: { INC: permute(input.kpiReadings?.INC ?? [], keys) },
        };
        expect(computeSprintHealth(shuffled)).toEqual(computeSprintHealth(input));
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same output whatever offset the timestamps are written in', () => {
    const inAuckland = (value: string) => {
      const shifted = new Date(Date.parse(value) + 13 * 3_600_000).toISOString().replace('Z', '');
      return `${shifted}+1300`;
    };
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const input = buildInput(scenario);
        const moved: SprintHealthInput = {
          ...input,
          issues: input.issues.map((issue) => ({ ...issue, created: inAuckland(issue.created) })),
          changelogs: Object.fromEntries(
            Object.entries(input.changelogs).map(([id, histories]) => [
              id,
              histories.map((h) => ({ ...h, created: inAuckland(h.created) })),
            ]),
          ),
        };
        expect(computeSprintHealth(moved)).toEqual(computeSprintHealth(input));
      }),
      { numRuns: 100 },
    );
  });
});
