/**
 * The names of the sprint-health numbers, written once. Types, the contract's zod enums and the UI's
 * lists all derive from these arrays. No imports: the browser bundle may load this file as is.
 */

/** The health criteria, in the order the settings and the criteria popup list them. */
export const CRITERION_KEYS = [
  'sayDo',
  'scopeChange',
  'flowEfficiency',
  'carryOver',
  'impediments',
  'improvementsDone',
  'kpiAttainment',
] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];

/** The numbers that open a drill-down, in table column order. */
export const DRILL_DOWN_KEYS = [
  'committed',
  'added',
  'removed',
  'completed',
  'sayDo',
  'scopeChange',
  'carryOver',
  'flowTime',
  'flowLoad',
  'flowEfficiency',
  'impediments',
  'improvementsDone',
  'flowDistribution',
] as const;
export type DrillDownKey = (typeof DRILL_DOWN_KEYS)[number];

/** Every number the page explains, in the help panel's order. */
export const METRIC_KEYS = ['health', ...DRILL_DOWN_KEYS, 'kpiAttainment', 'completeness'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export const FLOW_KINDS = ['feature', 'defect', 'risk', 'debt'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];
