import { z } from 'zod';
import { canCreateProcessIn, canCreateValueStream, type CatalogViewer } from '../catalogPermissions';
import type { Kpi, Process, ProcessInput, ProcessStatus, RaciParty, RaciStep, ValueStream, ValueStreamInput } from '../catalogSchemas';

/**
 * Templates of common service management practices, so a catalog never has to start from a blank
 * form. Pure data and the rules that turn a template into the same inputs the catalog's own forms
 * send: a process created from a template goes through the normal save path (permissions, conflict
 * check, validation) like any other.
 */

/** A value stream the templates place processes in, created on demand (owner chosen then). */
export interface ValueStreamTemplate {
  key: string;
  name: string;
  description: string;
  stages: { id: string; name: string }[];
}

/** What names a template and says where it belongs: the same in the library's data and in what the UI is sent. */
export const templateHeadingSchema = z.object({
  /** Stable id of the template itself (the key can be changed when creating). */
  id: z.string(),
  /** The ITIL 4 practice (or common business process) it starts from. */
  practice: z.string(),
  key: z.string(),
  name: z.string(),
  purpose: z.string(),
  valueStreamKey: z.string(),
});

export interface ProcessTemplate {
  /** Stable id of the template itself (the key can be changed when creating). */
  id: string;
  /** The ITIL 4 practice (or common business process) it starts from. */
  practice: string;
  key: string;
  name: string;
  purpose: string;
  valueStreamKey: string;
  stageId: string;
  kpis: Kpi[];
  raci: RaciStep[];
  definitionOfDone: { id: string; text: string }[];
  automationCandidates: { id: string; text: string; done: boolean }[];
}

/** Where a template's process lands in this catalog: its own stream, or one of the same key that already exists. */
export interface TemplatePlacement {
  valueStreamKey: string;
  /** Null when an existing stream of that key has no stage of that id or name. */
  stageId: string | null;
  /** The stream has to be created first (from its template). */
  streamMissing: boolean;
}

export function placeTemplate(
  template: Pick<ProcessTemplate, 'valueStreamKey' | 'stageId'>,
  streams: ReadonlyMap<string, Pick<ValueStream, 'stages'>>,
  library: readonly ValueStreamTemplate[],
): TemplatePlacement {
  const existing = streams.get(template.valueStreamKey);
  if (!existing) return { valueStreamKey: template.valueStreamKey, stageId: template.stageId, streamMissing: true };
  if (existing.stages.some((stage) => stage.id === template.stageId)) {
    return { valueStreamKey: template.valueStreamKey, stageId: template.stageId, streamMissing: false };
  }
  // A stream someone made by hand may call the stage the same but give it another id.
  const ownStream = library.find((stream) => stream.key === template.valueStreamKey);
  const wanted = ownStream?.stages.find((stage) => stage.id === template.stageId)?.name.toLowerCase();
  const byName = wanted ? existing.stages.find((stage) => stage.name.toLowerCase() === wanted) : undefined;
  return { valueStreamKey: template.valueStreamKey, stageId: byName?.id ?? null, streamMissing: false };
}

export interface TemplateChoices {
  key: string;
  apoAccountId: string;
  asmAccountId: string | null;
  status: Extract<ProcessStatus, 'draft' | 'active'>;
  placement: TemplatePlacement;
}

/** The process a template creates: exactly what the process form would send (still to be validated by the save). */
export function buildProcessFromTemplate(template: ProcessTemplate, choices: TemplateChoices): ProcessInput {
  return {
    key: choices.key,
    name: template.name,
    purpose: template.purpose,
    currentSituation: '',
    apoAccountId: choices.apoAccountId,
    asmAccountId: choices.asmAccountId,
    valueStreamKey: choices.placement.valueStreamKey,
    stageId: choices.placement.stageId,
    kpis: template.kpis.map((kpi) => ({ ...kpi })),
    raci: template.raci.map((step) => ({
      ...step,
      responsible: [...step.responsible],
      accountable: [...step.accountable],
      consulted: [...step.consulted],
      informed: [...step.informed],
    })),
    definitionOfDone: template.definitionOfDone.map((item) => ({ ...item })),
    automationCandidates: template.automationCandidates.map((item) => ({ ...item })),
    status: choices.status,
  };
}

export function buildValueStreamFromTemplate(template: ValueStreamTemplate, ownerAccountId: string): ValueStreamInput {
  const stages = template.stages.map((stage) => ({ ...stage }));
  return { key: template.key, name: template.name, description: template.description, ownerAccountId, stages };
}

/**
 * May the viewer create this template's process here? The rule of the normal create path: admins,
 * or the owner of the (existing) stream. A missing stream needs a stream creator (admins) first.
 */
export function canCreateFromTemplate(
  viewer: CatalogViewer,
  placement: TemplatePlacement,
  streams: ReadonlyMap<string, Pick<ValueStream, 'ownerAccountId'>>,
): boolean {
  if (placement.streamMissing) return canCreateValueStream(viewer) && canCreateProcessIn(viewer, null);
  return canCreateProcessIn(viewer, streams.get(placement.valueStreamKey) ?? null);
}

export const WHO_CAN_CREATE_FROM_TEMPLATES =
  'Jira administrators can create processes (and the value streams they sit in) from templates; ' +
  'a value stream’s owner can create them in their own stream.';

/* Small builders that keep the library below readable: ids come from the text, so they stay stable. */

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 64);
}

export const kpi = (name: string, unit: string, direction: Kpi['direction'], target: number): Kpi => ({
  id: slug(name),
  name,
  unit,
  direction,
  target,
});

const roles = (names: string[]): RaciParty[] => names.map((name) => ({ kind: 'role', name }));

/** One RACI step: responsible, the one accountable role, consulted and informed, all as roles (people are named later). */
export function step(text: string, when: string, r: string[], a: string, c: string[] = [], i: string[] = []): RaciStep {
  return { id: slug(text), step: text, when, responsible: roles(r), accountable: roles([a]), consulted: roles(c), informed: roles(i) };
}

export const checklist = (items: string[]) => items.map((text) => ({ id: slug(text), text }));
export const candidates = (items: string[]) => items.map((text) => ({ id: slug(text), text, done: false }));

/** The library as one viewer sees it against the catalog as it is now. */
export function describeTemplatesFor(
  viewer: CatalogViewer,
  catalog: {
    processes: readonly Pick<Process, 'key' | 'name'>[];
    valueStreams: readonly Pick<ValueStream, 'key' | 'name' | 'ownerAccountId' | 'stages'>[];
  },
  library: { valueStreams: readonly ValueStreamTemplate[]; processes: readonly ProcessTemplate[] },
) {
  const streams = new Map(catalog.valueStreams.map((stream) => [stream.key, stream]));
  const usedKeys = new Set(catalog.processes.map((process) => process.key));
  const keyByName = new Map(catalog.processes.map((process) => [process.name.trim().toLowerCase(), process.key]));
  const canCreateAny = canCreateProcessIn(viewer, null) || catalog.valueStreams.some((stream) => canCreateProcessIn(viewer, stream));
  return {
    valueStreams: library.valueStreams.map((template) => {
      const existing = streams.get(template.key);
      // A stream that exists is shown as it is: its name and stages are the ones the processes will get.
      const stages = (existing ?? template).stages.map((stage) => ({ ...stage }));
      return { ...template, stages, name: existing?.name ?? template.name, exists: !!existing };
    }),
    templates: library.processes.map((template) => {
      const placement = placeTemplate(template, streams, library.valueStreams);
      return {
        ...template,
        valueStreamKey: placement.valueStreamKey,
        stageId: placement.stageId,
        streamMissing: placement.streamMissing,
        keyInUse: usedKeys.has(template.key),
        nameUsedBy: keyByName.get(template.name.toLowerCase()) ?? null,
        canCreate: canCreateFromTemplate(viewer, placement, streams),
      };
    }),
    usedProcessKeys: [...usedKeys].sort(),
    viewer: {
      canCreateProcesses: canCreateAny,
      canCreateValueStreams: canCreateValueStream(viewer),
      whoCanCreate: WHO_CAN_CREATE_FROM_TEMPLATES,
    },
  };
}
