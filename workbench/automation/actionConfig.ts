import { z } from 'zod';
import type { Manifest } from '../manifest/readManifest';

/**
 * What Automation's rule editor knows about an app action (manifest `action` modules), what it hands
 * the action's configuration UI, and the checks it runs on the configuration before a rule is saved.
 *
 * Source: developer.atlassian.com/platform/forge/manifest-reference/modules/automation-action
 * ("Action configuration", "Maintaining configuration state", "Rule Validation"):
 * - `view.getContext()` → `extension.data.inputs` holds the stored configuration and
 *   `extension.errors.invalidInputs` ({ [input]: { message } }) the fields Automation found invalid,
 *   "enabling it to highlight those fields on initial load".
 * - `view.submit(payload)`: the payload is the configuration itself, one key per declared input;
 *   forms call it on every change (state survives switching components) and from the
 *   `AUTOMATION_ACTION_SUBMIT` event the native Next button sends; `AUTOMATION_ACTION_VALIDATE_RULE_EVENT`
 *   carries `{ isValidating }` while the rule is validated.
 * - Rule validation: at most 100 kB of JSON, only declared inputs, each value of its declared type.
 * The extension's `type` is not documented; the workbench uses the module type @forge/manifest names
 * (`core:action`).
 */
export const ACTION_EXTENSION_TYPE = 'core:action';
export const MAX_CONFIG_BYTES = 100 * 1024;

const inputSchema = z.object({
  title: z.string(),
  type: z.enum(['string', 'integer', 'number', 'boolean']),
  required: z.boolean().default(false),
  description: z.string().optional(),
});

const actionModuleSchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  function: z.string(),
  config: z.object({ resource: z.string() }).optional(),
  resolver: z.object({ function: z.string() }).optional(),
  inputs: z.record(z.string(), inputSchema).default({}),
});

export type AutomationAction = z.infer<typeof actionModuleSchema>;
export type ActionInputs = Record<string, unknown>;
export type InvalidInputs = Record<string, { message: string }>;

/** The actions Automation offers: those an `automation:actionProvider` lists. */
export function automationActions(manifest: Pick<Manifest, 'modules'>): AutomationAction[] {
  const provided = new Set(
    (manifest.modules['automation:actionProvider'] ?? []).flatMap((provider) =>
      Array.isArray(provider.actions) ? provider.actions.map(String) : [],
    ),
  );
  return (manifest.modules.action ?? [])
    .filter((module) => provided.has(String(module.key)))
    .map((module) => actionModuleSchema.parse(module));
}

export function findAutomationAction(manifest: Pick<Manifest, 'modules'>, actionKey: string): AutomationAction | null {
  return automationActions(manifest).find((action) => action.key === actionKey) ?? null;
}

function typeError(type: z.infer<typeof inputSchema>['type'], value: unknown): string | null {
  // A smart value is resolved when the rule runs, so any declared type may hold one as text.
  if (typeof value === 'string' && value.includes('{{')) return null;
  switch (type) {
    case 'string':
      return typeof value === 'string' ? null : 'must be text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'integer':
      return Number.isInteger(value) ? null : 'must be a whole number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
  }
}

/** Automation's own checks before it saves a rule: the fields it would flag, by input name ('' for the whole). */
export function ruleConfigErrors(action: AutomationAction, config: ActionInputs): InvalidInputs {
  const errors: InvalidInputs = {};
  if (Buffer.byteLength(JSON.stringify(config), 'utf8') > MAX_CONFIG_BYTES)
    errors[''] = { message: `The configuration is larger than ${MAX_CONFIG_BYTES / 1024} kB.` };
  for (const name of Object.keys(config)) {
    if (!action.inputs[name]) errors[name] = { message: `${name} is not an input of ${action.name}.` };
  }
  for (const [name, input] of Object.entries(action.inputs)) {
    const value = config[name];
    if (value === undefined || value === null || value === '') {
      if (input.required) errors[name] = { message: `${input.title} is required.` };
      continue;
    }
    const problem = typeError(input.type, value);
    if (problem) errors[name] = { message: `${input.title} ${problem}.` };
  }
  return errors;
}

/** `context.extension` of the configuration UI: the stored configuration and what Automation flagged in it. */
export function actionConfigExtension(action: AutomationAction, stored: ActionInputs): Record<string, unknown> {
  const invalidInputs = Object.keys(stored).length ? ruleConfigErrors(action, stored) : {};
  return { type: ACTION_EXTENSION_TYPE, data: { inputs: stored }, errors: { invalidInputs } };
}
