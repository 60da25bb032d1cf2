import { criterionLabel } from './definitions';
import { describeDuration } from './reasons';
import { CRITERION_RULES, type CriterionSetting, type HealthSettings } from './settings';
import type { CriterionKey, CriterionResult, Health, ScoredMetrics, SprintHealthResult, SprintMetrics } from './types';

/**
 * Health = the weighted share of applicable criteria that pass. A criterion that does not apply
 * to a row (nothing committed, no KPI readings…) drops out and the others' weights are scaled
 * back up to 100, so a row is never punished for what it cannot measure.
 */

interface Evaluation {
  value: number | null;
  /** Plain words for the measured part; the verdict is appended. Used alone when n/a. */
  words: string;
}

export interface CriterionContext {
  sprintOpen: boolean;
}

const fmt = (value: number): string => String(Math.round(value * 10) / 10);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function measure(key: CriterionKey, m: SprintMetrics, ctx: CriterionContext): Evaluation {
  switch (key) {
    case 'sayDo':
      return m.sayDoPct === null
        ? { value: null, words: 'Nothing was in the sprint when it started, so there is no commitment to measure.' }
        : { value: m.sayDoPct, words: `${m.completedCommitted} of ${m.committed} committed issues were done (${fmt(m.sayDoPct)}%)` };
    case 'scopeChange':
      return m.scopeChangePct === null
        ? { value: null, words: 'Nothing was in the sprint when it started, so scope change has nothing to compare with.' }
        : {
            value: m.scopeChangePct,
            words: `${m.added} added and ${m.removed} removed against ${m.committed} committed (${fmt(m.scopeChangePct)}%)`,
          };
    case 'flowEfficiency':
      return m.flowEfficiencyPct === null
        ? { value: null, words: 'No issue spent time in an active or waiting status during the sprint.' }
        : {
            value: m.flowEfficiencyPct,
            // Unlike flow time (completed issues only), every issue worked on counts, so the words say so.
            words:
              `${describeDuration(m.activeMs)} active out of ${describeDuration(m.activeMs + m.waitingMs)} in progress, ` +
              `over every issue worked on in the sprint, finished or not (${fmt(m.flowEfficiencyPct)}%)`,
          };
    case 'carryOver':
      return m.carryOverPct === null
        ? { value: null, words: `No issue ${ctx.sprintOpen ? 'is' : 'was'} left in the sprint${ctx.sprintOpen ? '' : ' at its end'}.` }
        : {
            value: m.carryOverPct,
            words: `${m.carryOver} of ${m.scopeAtEnd} issues in the sprint ${ctx.sprintOpen ? 'are not done yet' : 'were not done at its end'} (${fmt(m.carryOverPct)}%)`,
          };
    case 'impediments':
      return {
        value: m.impedimentsOpen,
        words: `${plural(m.impediments, 'issue')} flagged during the sprint, ${m.impedimentsOpen} still flagged ${ctx.sprintOpen ? 'now' : 'at its end'}`,
      };
    case 'improvementsDone':
      return { value: m.improvementsDone, words: `${plural(m.improvementsDone, 'Process Improvement')} done` };
    case 'kpiAttainment':
      return m.kpi.attainmentPct === null
        ? { value: null, words: 'No KPI readings were entered for this sprint.' }
        : {
            value: m.kpi.attainmentPct,
            words: `${m.kpi.onTarget} of ${plural(m.kpi.readings.length, 'KPI reading')} on target (${fmt(m.kpi.attainmentPct)}%)`,
          };
  }
}

function verdict(setting: CriterionSetting, value: number): { passed: boolean; words: string } {
  const rule = CRITERION_RULES[setting.key];
  const target = `${fmt(setting.threshold)}${rule.unit === '%' ? '%' : ''}`;
  if (rule.comparison === 'atLeast') {
    const passed = value >= setting.threshold;
    return { passed, words: passed ? `meets the target of at least ${target}` : `below the target of at least ${target}` };
  }
  const passed = value <= setting.threshold;
  return { passed, words: passed ? `within the limit of at most ${target}` : `over the limit of at most ${target}` };
}

/** Criteria of one row under the given settings; needs only the metrics, so the admin preview is cheap. */
export function evaluateCriteria(metrics: SprintMetrics, settings: HealthSettings, ctx: CriterionContext): CriterionResult[] {
  const evaluated = settings.criteria.map((setting) => {
    const rule = CRITERION_RULES[setting.key];
    const { value, words } = measure(setting.key, metrics, ctx);
    const base = {
      key: setting.key,
      label: criterionLabel(setting.key),
      weight: setting.weight,
      target: setting.threshold,
      comparison: rule.comparison,
      unit: rule.unit,
    };
    if (value === null) return { ...base, passed: null, value: null, explanation: `Not applicable: ${words}` };
    const { passed, words: judged } = verdict(setting, value);
    return { ...base, passed, value, explanation: `${passed ? 'Passed' : 'Failed'}: ${words}, ${judged}.` };
  });
  const applicableWeight = evaluated.reduce((sum, c) => sum + (c.passed === null ? 0 : c.weight), 0);
  return evaluated.map((c) => ({
    ...c,
    effectiveWeight: c.passed === null || applicableWeight === 0 ? 0 : (c.weight / applicableWeight) * 100,
  }));
}

export function scoreHealth(criteria: readonly CriterionResult[], bands: HealthSettings['bands']): Health {
  let applicable = 0;
  let passed = 0;
  for (const c of criteria) {
    if (c.passed === null) continue;
    applicable += c.weight;
    if (c.passed) passed += c.weight;
  }
  if (applicable === 0) return { score: null, band: null };
  const score = Math.round((passed / applicable) * 100);
  return { score, band: score >= bands.green ? 'green' : score >= bands.amber ? 'amber' : 'red' };
}

export function scoreMetrics<T extends { metrics: SprintMetrics }>(
  row: T,
  settings: HealthSettings,
  ctx: CriterionContext,
): T & ScoredMetrics {
  const criteria = evaluateCriteria(row.metrics, settings, ctx);
  return { ...row, criteria, health: scoreHealth(criteria, settings.bands) };
}

/** The same result scored under other settings, without recomputing any metric: the admin's preview. */
export function previewHealth(result: SprintHealthResult, settings: HealthSettings): SprintHealthResult {
  const ctx = { sprintOpen: result.sprintState !== 'closed' };
  return {
    ...result,
    rows: result.rows.map((row) => scoreMetrics(row, settings, ctx)),
    totals: scoreMetrics(result.totals, settings, ctx),
  };
}
