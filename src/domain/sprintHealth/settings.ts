import { z } from 'zod';
import { CRITERION_KEYS, FLOW_KINDS, type CriterionKey, type FlowKind } from './metricKeys';
import type { StatusCategory, StatusInfo } from './statuses';

export { CRITERION_KEYS } from './metricKeys';

/**
 * Health settings a Jira administrator configures: criteria with weights and thresholds, the
 * green / amber bands, which statuses count as waiting or done, and issue type → flow kind.
 */

/** How each criterion compares its value with the threshold, and in what unit. Fixed per criterion. */
export const CRITERION_RULES: Record<CriterionKey, { comparison: 'atLeast' | 'atMost'; unit: '%' | 'issues'; max: number }> = {
  sayDo: { comparison: 'atLeast', unit: '%', max: 100 },
  scopeChange: { comparison: 'atMost', unit: '%', max: 1000 },
  flowEfficiency: { comparison: 'atLeast', unit: '%', max: 100 },
  carryOver: { comparison: 'atMost', unit: '%', max: 100 },
  impediments: { comparison: 'atMost', unit: 'issues', max: 1000 },
  improvementsDone: { comparison: 'atLeast', unit: 'issues', max: 1000 },
  kpiAttainment: { comparison: 'atLeast', unit: '%', max: 100 },
};

const flowKindSchema = z.enum(FLOW_KINDS);

const criterionSettingSchema = z
  .object({
    key: z.enum(CRITERION_KEYS),
    weight: z.number().int('Weights are whole numbers.').min(0, 'A weight cannot be negative.').max(100),
    threshold: z.number().finite().min(0, 'A threshold cannot be negative.'),
  })
  .strict();

export const healthSettingsSchema = z
  .object({
    criteria: z.array(criterionSettingSchema).min(1, 'Keep at least one criterion.'),
    bands: z
      .object({
        green: z.number().min(0).max(100),
        amber: z.number().min(0).max(100),
      })
      .strict(),
    /** Statuses that count as waiting (queues, "Blocked", "Waiting for customer"); other in-progress statuses are active. */
    waitingStatusIds: z.array(z.string().min(1)).max(500),
    /** Statuses that count as done; null means Jira's Done status category. */
    doneStatusIds: z.array(z.string().min(1)).max(500).nullable(),
    /** Issue type name (any case) → flow kind. */
    kindByIssueType: z.record(z.string().min(1), flowKindSchema),
    /** Kind of an issue type missing from the map. */
    defaultKind: flowKindSchema,
    /** Issue type names that are Process Improvements (besides issues the caller flags `isImprovement`). */
    improvementIssueTypeNames: z.array(z.string().min(1)).max(50),
  })
  .strict()
  .superRefine((settings, ctx) => {
    const seen = new Set<string>();
    settings.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.key))
        ctx.addIssue({ code: 'custom', path: ['criteria', index, 'key'], message: 'Each criterion can appear once.' });
      seen.add(criterion.key);
      const rule = CRITERION_RULES[criterion.key];
      if (criterion.threshold > rule.max) {
        ctx.addIssue({ code: 'custom', path: ['criteria', index, 'threshold'], message: `The threshold can be at most ${rule.max}.` });
      }
      if (rule.unit === 'issues' && !Number.isInteger(criterion.threshold)) {
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', index, 'threshold'],
          message: 'This threshold counts issues: use a whole number.',
        });
      }
    });
    const total = settings.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
    if (total !== 100) ctx.addIssue({ code: 'custom', path: ['criteria'], message: `The weights must add up to 100 (now ${total}).` });
    if (settings.bands.green <= settings.bands.amber) {
      ctx.addIssue({ code: 'custom', path: ['bands', 'green'], message: 'Green must start above amber.' });
    }
    const done = new Set(settings.doneStatusIds ?? []);
    const both = settings.waitingStatusIds.filter((id) => done.has(id));
    if (both.length) ctx.addIssue({ code: 'custom', path: ['waitingStatusIds'], message: 'A status cannot be both waiting and done.' });
  });

export type HealthSettings = z.infer<typeof healthSettingsSchema>;
export type CriterionSetting = HealthSettings['criteria'][number];

export const DEFAULT_KIND_BY_ISSUE_TYPE: Record<string, FlowKind> = {
  story: 'feature',
  epic: 'feature',
  task: 'feature',
  'sub-task': 'feature',
  subtask: 'feature',
  'new feature': 'feature',
  bug: 'defect',
  defect: 'defect',
  incident: 'defect',
  risk: 'risk',
  'tech debt': 'debt',
  'technical debt': 'debt',
  'process improvement': 'debt',
  improvement: 'debt',
};

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = {
  criteria: [
    { key: 'sayDo', weight: 30, threshold: 80 },
    { key: 'scopeChange', weight: 15, threshold: 20 },
    { key: 'flowEfficiency', weight: 15, threshold: 40 },
    { key: 'carryOver', weight: 15, threshold: 20 },
    { key: 'impediments', weight: 10, threshold: 0 },
    { key: 'improvementsDone', weight: 5, threshold: 1 },
    { key: 'kpiAttainment', weight: 10, threshold: 50 },
  ],
  bands: { green: 80, amber: 50 },
  waitingStatusIds: [],
  doneStatusIds: null,
  kindByIssueType: DEFAULT_KIND_BY_ISSUE_TYPE,
  defaultKind: 'feature',
  improvementIssueTypeNames: ['Process Improvement'],
};

export type SettingsValidation = { ok: true; settings: HealthSettings } | { ok: false; fields: Record<string, string> };

/** Checks settings an administrator sends; `fields` maps a dot path (e.g. `criteria.2.threshold`) to a message. */
export function validateHealthSettings(input: unknown): SettingsValidation {
  const parsed = healthSettingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  return { ok: false, fields };
}

/** A starting point for the "waiting" list: statuses whose names say they wait. The admin confirms it. */
export function suggestWaitingStatusIds(statuses: Record<string, StatusInfo>): string[] {
  return Object.entries(statuses)
    .filter(([, status]) => status.category !== 'done' && /wait|block|hold|queue|pending/i.test(status.name))
    .map(([id]) => id)
    .sort();
}

export type StatusClass = 'todo' | 'active' | 'waiting' | 'done';

/** Classifies status ids once per computation: done wins, then waiting, then the status category. */
export function statusClassifier(settings: HealthSettings, statuses: Record<string, StatusInfo>): (statusId: string) => StatusClass {
  const done = settings.doneStatusIds ? new Set(settings.doneStatusIds) : null;
  const waiting = new Set(settings.waitingStatusIds);
  const cache = new Map<string, StatusClass>();
  return (statusId) => {
    let value = cache.get(statusId);
    if (value) return value;
    const category: StatusCategory | undefined = statuses[statusId]?.category;
    if (done ? done.has(statusId) : category === 'done') value = 'done';
    else if (waiting.has(statusId)) value = 'waiting';
    else if (category === 'indeterminate') value = 'active';
    else value = 'todo';
    cache.set(statusId, value);
    return value;
  };
}

export type KindSource = 'issue-type' | 'improvement' | 'default';

/** Issue type name → flow kind, case-insensitive; an unmapped Process Improvement counts as debt. */
export function kindResolver(
  settings: HealthSettings,
): (issueTypeName: string, isImprovement: boolean) => { kind: FlowKind; source: KindSource } {
  const byName = new Map(Object.entries(settings.kindByIssueType).map(([name, kind]) => [name.trim().toLowerCase(), kind]));
  return (issueTypeName, isImprovement) => {
    const kind = byName.get(issueTypeName.trim().toLowerCase());
    if (kind) return { kind, source: 'issue-type' };
    if (isImprovement) return { kind: 'debt', source: 'improvement' };
    return { kind: settings.defaultKind, source: 'default' };
  };
}
