import type { PayloadOf, ResolverError, ResultOf } from '../../../../src/contract';
import { fieldErrorsFrom } from '../../../common/forms/fieldErrors';

// Types only: the library itself comes from the backend, never in this bundle.
export type TemplateLibrary = ResultOf<'getProcessTemplates'>;
export type ProcessTemplateView = TemplateLibrary['templates'][number];
export type ValueStreamTemplateView = TemplateLibrary['valueStreams'][number];
type ProcessInput = PayloadOf<'saveProcess'>['process'];
type ValueStreamInput = PayloadOf<'saveValueStream'>['valueStream'];

/** Picked template id → the key it will be created with (editable, prefilled with the template's). */
export type Selection = Record<string, string>;

export type Choices = { apoAccountId: string | null; asmAccountId: string | null; status: 'active' | 'draft' };

/** The same rule and words as the catalog's own key check (catalogSchemas), so the form reads alike. */
const KEY_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;
export const KEY_RULE = 'A process key is 2–10 letters or digits, starting with a letter (for example INC).';

export const normaliseKey = (key: string) => key.trim().toUpperCase();

function matches(template: ProcessTemplateView, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const fields = [template.key, template.name, template.practice, template.purpose, ...template.kpis.map((kpi) => kpi.name)];
  const text = fields.join(' ').toLowerCase();
  return words.every((word) => text.includes(word));
}

/** Templates matching the search, grouped by the value stream they suggest, in the library's order. */
export function groupTemplates(
  library: TemplateLibrary,
  query: string,
): { stream: ValueStreamTemplateView; templates: ProcessTemplateView[] }[] {
  return library.valueStreams
    .map((stream) => ({ stream, templates: library.templates.filter((t) => t.valueStreamKey === stream.key && matches(t, query)) }))
    .filter((group) => group.templates.length > 0);
}

export type SelectionCheck = {
  /** Problems that stop creating, by field: `apo`, `selection`, or a template id for its key. */
  errors: Record<string, string>;
  /** Keys already used: created anyway they would be refused, so these are reported as skipped. */
  warnings: Record<string, string>;
};

export function checkSelection(library: TemplateLibrary, selection: Selection, choices: Choices): SelectionCheck {
  const errors: Record<string, string> = {};
  const warnings: Record<string, string> = {};
  const picked = Object.entries(selection);
  if (picked.length === 0) errors.selection = 'Pick at least one template.';
  if (!choices.apoAccountId) errors.apo = 'Pick the APO (process owner).';
  const used = new Set(library.usedProcessKeys);
  const seen = new Map<string, string>();
  for (const [id, rawKey] of picked) {
    const key = normaliseKey(rawKey);
    if (!KEY_PATTERN.test(key)) errors[id] = KEY_RULE;
    else if (seen.has(key)) errors[id] = `Another picked template uses ${key} too: keys must be unique.`;
    else if (used.has(key)) warnings[id] = `${key} is already used in the catalog: change the key, or this template will be skipped.`;
    seen.set(key, id);
  }
  return { errors, warnings };
}

export type Plan = {
  /** Value streams to create first, owned by the APO. */
  streams: ValueStreamInput[];
  processes: { template: ProcessTemplateView; input: ProcessInput }[];
};

/** What to save, one record per request: the missing streams, then each picked process. */
export function planCreation(library: TemplateLibrary, selection: Selection, choices: Choices & { apoAccountId: string }): Plan {
  const picked = library.templates.filter((template) => template.id in selection);
  const missing = new Set(picked.filter((t) => t.streamMissing).map((t) => t.valueStreamKey));
  return {
    streams: library.valueStreams
      .filter((stream) => missing.has(stream.key))
      .map(({ key, name, description, stages }) => ({ key, name, description, ownerAccountId: choices.apoAccountId, stages })),
    processes: picked.map((template) => ({
      template,
      input: {
        key: normaliseKey(selection[template.id] ?? template.key),
        name: template.name,
        purpose: template.purpose,
        currentSituation: '',
        apoAccountId: choices.apoAccountId,
        asmAccountId: choices.asmAccountId,
        valueStreamKey: template.valueStreamKey,
        stageId: template.stageId,
        kpis: template.kpis,
        raci: template.raci,
        definitionOfDone: template.definitionOfDone,
        automationCandidates: template.automationCandidates,
        status: choices.status,
      },
    })),
  };
}

export type TemplateOutcome =
  | { state: 'waiting' | 'creating' }
  | { state: 'created'; key: string }
  | { state: 'skipped'; key: string; message: string }
  | { state: 'failed'; message: string };

/** The normal create path refuses a key in use (nothing is overwritten): that is a skip, not a failure. */
export function isKeyInUse(error: ResolverError): boolean {
  return error.code === 'INVALID_INPUT' && !!fieldErrorsFrom(error, 'process').key && /already exists/i.test(error.message);
}

export function failureMessage(error: ResolverError): string {
  const fields = Object.values(error.fields ?? {});
  return fields.length > 0 && !fields.includes(error.message) ? `${error.message} ${fields.join(' ')}` : error.message;
}

type Invoke = {
  saveValueStream: (payload: PayloadOf<'saveValueStream'>) => Promise<{ ok: true } | { ok: false; error: ResolverError }>;
  saveProcess: (payload: PayloadOf<'saveProcess'>) => Promise<{ ok: true } | { ok: false; error: ResolverError }>;
};

/**
 * Runs the plan one request at a time, reporting each template's outcome as it lands. A stream that
 * someone created meanwhile is used as it is; a stream that cannot be created fails its templates.
 */
export async function runPlan(plan: Plan, invoke: Invoke, report: (templateId: string, outcome: TemplateOutcome) => void): Promise<void> {
  const streamFailures = new Map<string, string>();
  for (const stream of plan.streams) {
    const response = await invoke.saveValueStream({ valueStream: stream, expectedVersion: null });
    if (!response.ok && !/already exists/i.test(response.error.message)) {
      streamFailures.set(stream.key, `The value stream ${stream.name} could not be created: ${failureMessage(response.error)}`);
    }
  }
  for (const { template, input } of plan.processes) {
    const streamFailure = input.valueStreamKey ? streamFailures.get(input.valueStreamKey) : undefined;
    if (streamFailure) {
      report(template.id, { state: 'failed', message: streamFailure });
      continue;
    }
    report(template.id, { state: 'creating' });
    const response = await invoke.saveProcess({ process: input, expectedVersion: null });
    if (response.ok) report(template.id, { state: 'created', key: input.key });
    else if (!isKeyInUse(response.error)) report(template.id, { state: 'failed', message: failureMessage(response.error) });
    else {
      const message = `A process with key ${input.key} already exists and was left as it is.`;
      report(template.id, { state: 'skipped', key: input.key, message });
    }
  }
}
