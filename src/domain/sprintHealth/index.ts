export { computeSprintHealth } from './computeSprintHealth';
export { evaluateCriteria, previewHealth, scoreHealth } from './health';
export type { MetricKey } from './definitions';
export { describeDuration, describeReason, formatInstant, type Reason, type ReasonCode } from './reasons';
export {
  CRITERION_KEYS,
  CRITERION_RULES,
  DEFAULT_HEALTH_SETTINGS,
  DEFAULT_KIND_BY_ISSUE_TYPE,
  healthSettingsSchema,
  suggestWaitingStatusIds,
  validateHealthSettings,
  type CriterionSetting,
  type HealthSettings,
  type SettingsValidation,
} from './settings';
export { DRILL_DOWN_KEYS, METRIC_KEYS } from './metricKeys';
export { PROVISIONAL_REASON, provisionalReason } from './provisional';
export * from './types';
