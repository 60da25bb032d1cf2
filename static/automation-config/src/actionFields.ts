import type { AutomationActionKey } from '../../../src/contract/automationContract';

/**
 * The configuration form's fields per automation action: the same names as the action's `inputs`
 * in manifest.yml (Automation rejects any other). Smart values such as {{issue.key}} are allowed
 * in text fields; the backend validates again at run time, once they are resolved.
 */
export type ActionKey = AutomationActionKey;

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'number' | 'process' | 'stage' | 'kpi';
  required: boolean;
  helper?: string;
  defaultValue?: string;
}

export const ACTION_FIELDS: Record<ActionKey, FieldSpec[]> = {
  'link-work-item-to-process': [
    {
      name: 'issueKey',
      label: 'Work item key',
      kind: 'text',
      required: true,
      defaultValue: '{{issue.key}}',
      helper: 'Usually {{issue.key}}: the rule’s work item.',
    },
    { name: 'processKey', label: 'Process', kind: 'process', required: true },
    { name: 'stageId', label: 'Value stream stage', kind: 'stage', required: false, helper: 'Empty: the process’s own stage.' },
  ],
  'create-process-improvement-story': [
    { name: 'projectKey', label: 'Project key', kind: 'text', required: true, defaultValue: '{{project.key}}' },
    { name: 'processKey', label: 'Process', kind: 'process', required: true },
    { name: 'summary', label: 'I want …', kind: 'text', required: true, helper: 'What the team wants to change; the story’s summary.' },
    { name: 'hypothesis', label: 'We believe …', kind: 'text', required: true, helper: 'The change you believe will help.' },
    { name: 'measure', label: 'Measure', kind: 'text', required: false },
    { name: 'kpiId', label: 'KPI', kind: 'kpi', required: false },
    { name: 'baseline', label: 'Baseline', kind: 'number', required: false },
    { name: 'target', label: 'Target', kind: 'number', required: false },
    { name: 'benefit', label: 'Benefit (1–5)', kind: 'number', required: false, defaultValue: '3' },
    { name: 'cost', label: 'Cost (1–5)', kind: 'number', required: false, defaultValue: '3' },
  ],
  'record-kpi-reading': [
    { name: 'projectKey', label: 'Project key', kind: 'text', required: true, defaultValue: '{{project.key}}' },
    { name: 'processKey', label: 'Process', kind: 'process', required: true },
    { name: 'kpi', label: 'KPI', kind: 'kpi', required: true },
    { name: 'value', label: 'Value', kind: 'text', required: true, helper: 'A number in the KPI’s unit, or a smart value that gives one.' },
    { name: 'sprintId', label: 'Sprint id', kind: 'text', required: false, helper: 'Empty: the project’s active sprint.' },
  ],
};

export function isActionKey(value: unknown): value is ActionKey {
  return typeof value === 'string' && value in ACTION_FIELDS;
}

/** The stored inputs with the form's defaults filled in, as strings for the fields. */
export function initialValues(action: ActionKey, stored: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(
    ACTION_FIELDS[action].map((field) => {
      const value = stored?.[field.name];
      if (value === undefined || value === null) return [field.name, field.defaultValue ?? ''];
      if (typeof value === 'string') return [field.name, value];
      return [field.name, typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)];
    }),
  );
}

/** What is submitted to Automation: blanks left out, numbers as numbers when they are plain numbers. */
export function toInputs(action: ActionKey, values: Record<string, string>): Record<string, string | number> {
  const inputs: Record<string, string | number> = {};
  for (const field of ACTION_FIELDS[action]) {
    const raw = (values[field.name] ?? '').trim();
    if (raw === '') continue;
    inputs[field.name] = field.kind === 'number' && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  }
  return inputs;
}

/**
 * Process keys the catalog does not know (typed ones; smart values are resolved only when the rule
 * runs). `catalog` null: the catalog could not be loaded, so nothing can be said.
 */
export function catalogProblems(
  action: ActionKey,
  inputs: Record<string, string | number>,
  catalog: string[] | null,
): Record<string, string> {
  if (!catalog) return {};
  const known = new Set(catalog);
  const problems: Record<string, string> = {};
  for (const field of ACTION_FIELDS[action]) {
    const value = inputs[field.name];
    if (field.kind !== 'process' || typeof value !== 'string' || value.includes('{{')) continue;
    if (!known.has(value.toUpperCase())) problems[field.name] = `There is no process with key ${value} in the catalog.`;
  }
  return problems;
}
