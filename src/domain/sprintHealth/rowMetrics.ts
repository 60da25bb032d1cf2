import type { IssueFacts } from './issueFacts';
import { nearestRank } from './percentile';
import type { Reason } from './reasons';
import { toIso } from './timeline';
import { DRILL_DOWN_KEYS, FLOW_KINDS, type DrillDownKey, type FlowKind } from './metricKeys';
import type { DrillDownEntry, KpiReading, SprintMetrics } from './types';

const pct = (part: number, whole: number): number | null => (whole > 0 ? (part / whole) * 100 : null);

/** Adds up the facts of one row's issues (already in drill-down order) into its metrics and drill-down. */
export function rowMetrics(
  facts: readonly IssueFacts[],
  kpiReadings: readonly KpiReading[] | undefined,
  window: { start: number; sprintOpen: boolean },
): { metrics: SprintMetrics; drillDown: Record<DrillDownKey, DrillDownEntry[]> } {
  const drillDown = Object.fromEntries(DRILL_DOWN_KEYS.map((key) => [key, [] as DrillDownEntry[]])) as Record<
    DrillDownKey,
    DrillDownEntry[]
  >;
  const startIso = toIso(window.start);
  // Counts and sums over the row's issues, named as the metrics they become.
  const tally = {
    committed: 0,
    added: 0,
    removed: 0,
    completed: 0,
    completedCommitted: 0,
    scopeAtEnd: 0,
    carryOver: 0,
    flowLoad: 0,
    activeMs: 0,
    waitingMs: 0,
    impediments: 0,
    impedimentsOpen: 0,
    improvementsDone: 0,
  };
  const flowTimes: number[] = [];
  const flowDistribution: Record<FlowKind, number> = { feature: 0, defect: 0, risk: 0, debt: 0 };

  for (const fact of facts) {
    const entry = (key: DrillDownKey, counted: boolean, reason: Reason) =>
      drillDown[key].push({
        issueId: fact.issue.id,
        issueKey: fact.issue.key,
        summary: fact.issue.summary,
        statusName: fact.statusName,
        counted,
        reason,
      });

    if (fact.committed) {
      tally.committed++;
      entry('committed', true, { code: 'committed-at-start', at: startIso, source: fact.committedSource });
    } else if (fact.added) {
      tally.added++;
      const reason: Reason = { code: fact.added.created ? 'created-in-sprint' : 'added-after-start', at: toIso(fact.added.at) };
      entry('added', true, reason);
      entry('committed', false, reason);
      entry('scopeChange', true, reason);
    }
    if (fact.removed) {
      tally.removed++;
      const reason: Reason = { code: 'removed-after-start', at: toIso(fact.removed.at), toSprintIds: fact.removed.toSprintIds };
      entry('removed', true, reason);
      entry('scopeChange', true, reason);
    }
    if (fact.memberAtEnd) tally.scopeAtEnd++;

    const isCompleted = fact.completion === 'completed';
    if (isCompleted && fact.doneAt !== null) {
      const doneIso = toIso(fact.doneAt);
      tally.completed++;
      entry('completed', true, { code: 'done-in-sprint', at: doneIso });
      if (fact.committed) {
        tally.completedCommitted++;
        entry('sayDo', true, { code: 'committed-and-done', at: doneIso });
      } else entry('sayDo', false, { code: 'done-not-committed', at: doneIso });
      if (fact.flowStart !== null) {
        flowTimes.push(fact.doneAt - fact.flowStart);
        entry('flowTime', true, {
          code: 'flow-time',
          startedAt: toIso(fact.flowStart),
          doneAt: doneIso,
          durationMs: fact.doneAt - fact.flowStart,
        });
      } else entry('flowTime', false, { code: 'never-started', doneAt: doneIso });
      flowDistribution[fact.kind]++;
      entry('flowDistribution', true, {
        code: 'flow-kind',
        kind: fact.kind,
        issueTypeName: fact.issue.issueTypeName,
        source: fact.kindSource,
      });
      if (fact.isImprovement) {
        tally.improvementsDone++;
        entry('improvementsDone', true, { code: 'improvement-done', at: doneIso });
      }
    } else {
      if (fact.completion === 'done-before-start' && fact.doneAt !== null)
        entry('completed', false, { code: 'done-before-start', at: toIso(fact.doneAt) });
      if (fact.completion === 'done-outside-sprint' && fact.doneAt !== null)
        entry('completed', false, { code: 'done-outside-sprint', at: toIso(fact.doneAt) });
      if (fact.reopened && fact.memberAtEnd)
        entry('completed', false, { code: 'reopened', doneAt: toIso(fact.reopened.doneAt), at: toIso(fact.reopened.at) });
      if (fact.committed && fact.removed) {
        entry('sayDo', false, { code: 'removed-after-start', at: toIso(fact.removed.at), toSprintIds: fact.removed.toSprintIds });
      } else if (fact.committed && fact.completion === 'done-before-start' && fact.doneAt !== null) {
        // Already Done at the start: "not done when the sprint closed (Done)" would contradict itself.
        entry('sayDo', false, { code: 'done-before-start', at: toIso(fact.doneAt) });
      } else if (fact.committed)
        entry('sayDo', false, { code: 'not-done', statusName: fact.statusNameAtEnd, sprintOpen: window.sprintOpen });
      if (fact.isImprovement) entry('improvementsDone', false, { code: 'improvement-not-done', statusName: fact.statusNameAtEnd });
    }

    if (fact.memberAtEnd && fact.classAtEnd !== 'done') {
      tally.carryOver++;
      entry('carryOver', true, { code: 'not-done', statusName: fact.statusNameAtEnd, sprintOpen: window.sprintOpen });
      if (fact.classAtEnd === 'active' || fact.classAtEnd === 'waiting') {
        tally.flowLoad++;
        entry('flowLoad', true, {
          code: 'in-progress',
          statusName: fact.statusNameAtEnd,
          waiting: fact.classAtEnd === 'waiting',
          sprintOpen: window.sprintOpen,
        });
      }
    }

    if (fact.activeMs + fact.waitingMs > 0) {
      tally.activeMs += fact.activeMs;
      tally.waitingMs += fact.waitingMs;
      entry('flowEfficiency', true, { code: 'flow-efficiency', activeMs: fact.activeMs, waitingMs: fact.waitingMs });
    }

    if (fact.flagPeriods.length) {
      tally.impediments++;
      if (fact.flagPeriods.some((period) => period.to === null)) tally.impedimentsOpen++;
      entry('impediments', true, {
        code: 'flagged',
        periods: fact.flagPeriods.map((period) => ({ from: toIso(period.from), to: period.to === null ? null : toIso(period.to) })),
      });
    }
  }

  flowTimes.sort((a, b) => a - b);
  const readings = (kpiReadings ?? []).map((reading) => ({
    ...reading,
    onTarget: reading.direction === 'higher' ? reading.value >= reading.target : reading.value <= reading.target,
  }));
  readings.sort((a, b) => (a.kpiId < b.kpiId ? -1 : a.kpiId > b.kpiId ? 1 : 0));
  const onTarget = readings.filter((reading) => reading.onTarget).length;

  const metrics: SprintMetrics = {
    ...tally,
    sayDoPct: pct(tally.completedCommitted, tally.committed),
    scopeChangePct: pct(tally.added + tally.removed, tally.committed),
    carryOverPct: pct(tally.carryOver, tally.scopeAtEnd),
    flowTimeP50Ms: nearestRank(flowTimes, 50),
    flowTimeP85Ms: nearestRank(flowTimes, 85),
    flowTimeSamples: flowTimes.length,
    flowEfficiencyPct: pct(tally.activeMs, tally.activeMs + tally.waitingMs),
    flowDistribution,
    flowDistributionPct: tally.completed
      ? (Object.fromEntries(FLOW_KINDS.map((kind) => [kind, (flowDistribution[kind] / tally.completed) * 100])) as Record<FlowKind, number>)
      : null,
    kpi: { readings, onTarget, attainmentPct: pct(onTarget, readings.length) },
  };
  return { metrics, drillDown };
}
