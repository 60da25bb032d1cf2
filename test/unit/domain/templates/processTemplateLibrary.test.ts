import { processInputSchema, valueStreamInputSchema } from '../../../../src/domain/catalog/catalogSchemas';
import { processTemplates, valueStreamTemplates } from '../../../../src/domain/catalog/templates/processTemplateLibrary';
import {
  buildProcessFromTemplate,
  buildValueStreamFromTemplate,
  describeTemplatesFor,
  placeTemplate,
  type ProcessTemplate,
} from '../../../../src/domain/catalog/templates/processTemplates';
import { aProcess, aValueStream } from '../../../builders/catalogBuilders';

const library = { valueStreams: valueStreamTemplates, processes: processTemplates };
const admin = { accountId: 'admin-1', isJiraAdmin: true };
const member = { accountId: 'member-1', isJiraAdmin: false };
const noStreams = new Map();
const choicesFor = (template: ProcessTemplate) => ({
  key: template.key,
  apoAccountId: 'apo-1',
  asmAccountId: 'asm-1',
  status: 'active' as const,
  placement: placeTemplate(template, noStreams, valueStreamTemplates),
});
const duplicates = (values: string[]) => values.filter((value, index) => values.indexOf(value) !== index);

describe('the process template library', () => {
  it('covers the common service management practices', () => {
    expect(processTemplates.length).toBeGreaterThanOrEqual(15);
    const names = processTemplates.map((template) => template.name);
    for (const practice of [
      'Incident management',
      'Problem management',
      'Change enablement',
      'Service request management',
      'Service level management',
      'Knowledge management',
      'Release management',
      'Deployment management',
      'Monitoring and event management',
      'IT asset management',
      'Service configuration management',
      'Supplier management',
      'Relationship management',
      'Employee onboarding',
      'Purchasing',
    ]) {
      expect(names).toContain(practice);
    }
  });

  it('has unique template ids, process keys and names', () => {
    expect(duplicates(processTemplates.map((t) => t.id))).toEqual([]);
    expect(duplicates(processTemplates.map((t) => t.key))).toEqual([]);
    expect(duplicates(processTemplates.map((t) => t.name.toLowerCase()))).toEqual([]);
    expect(duplicates(valueStreamTemplates.map((s) => s.key))).toEqual([]);
  });

  const streams = valueStreamTemplates.map((stream) => [stream.key, stream] as const);
  it.each(streams)('value stream %s is a valid value stream', (_key, stream) => {
    expect(valueStreamInputSchema.safeParse(buildValueStreamFromTemplate(stream, 'owner-1'))).toMatchObject({ success: true });
    expect(stream.stages.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(processTemplates.map((template) => [template.key, template] as const))('template %s', (_key, template) => {
    it('builds a process the catalog accepts as it is, keeping every field', () => {
      const built = buildProcessFromTemplate(template, choicesFor(template));
      const parsed = processInputSchema.safeParse(built);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data).toEqual(built);
    });

    it('answers the questions: purpose, 2–4 KPIs with a target, 3–5 RACI steps, 3–5 DoD items, automation', () => {
      expect(template.purpose.length).toBeGreaterThan(40);
      expect(template.kpis.length).toBeGreaterThanOrEqual(2);
      expect(template.kpis.length).toBeLessThanOrEqual(4);
      for (const kpi of template.kpis) {
        expect(Number.isFinite(kpi.target)).toBe(true);
        expect(kpi.unit.trim()).not.toBe('');
        if (kpi.unit === '%') expect(kpi.target).toBeGreaterThan(0);
        if (kpi.unit === '%') expect(kpi.target).toBeLessThanOrEqual(100);
      }
      expect(template.raci.length).toBeGreaterThanOrEqual(3);
      expect(template.raci.length).toBeLessThanOrEqual(5);
      expect(template.definitionOfDone.length).toBeGreaterThanOrEqual(3);
      expect(template.definitionOfDone.length).toBeLessThanOrEqual(5);
      expect(template.automationCandidates.length).toBeGreaterThanOrEqual(1);
    });

    it('gives every RACI step a responsible party and exactly one accountable, with unique item ids', () => {
      for (const raciStep of template.raci) {
        expect(raciStep.responsible.length).toBeGreaterThan(0);
        expect(raciStep.accountable).toHaveLength(1);
      }
      expect(duplicates(template.kpis.map((k) => k.id))).toEqual([]);
      expect(duplicates(template.raci.map((s) => s.id))).toEqual([]);
      expect(duplicates(template.definitionOfDone.map((d) => d.id))).toEqual([]);
      expect(duplicates(template.automationCandidates.map((a) => a.id))).toEqual([]);
    });

    it('sits at a stage of a value stream of the library', () => {
      const stream = valueStreamTemplates.find((candidate) => candidate.key === template.valueStreamKey);
      expect(stream?.stages.map((stage) => stage.id)).toContain(template.stageId);
    });
  });

  it('puts at least one template in every value stream', () => {
    const used = new Set(processTemplates.map((template) => template.valueStreamKey));
    expect(valueStreamTemplates.filter((stream) => !used.has(stream.key)).map((stream) => stream.key)).toEqual([]);
  });

  it('builds copies: editing a created process never changes the library', () => {
    const template = processTemplates[0] as ProcessTemplate;
    const built = buildProcessFromTemplate(template, choicesFor(template));
    built.kpis[0]!.target = -1;
    built.raci[0]!.responsible.push({ kind: 'role', name: 'Intruder' });
    expect(template.kpis[0]!.target).not.toBe(-1);
    expect(template.raci[0]!.responsible).not.toContainEqual({ kind: 'role', name: 'Intruder' });
  });
});

describe('placing a template in an existing catalog', () => {
  const incident = processTemplates.find((t) => t.key === 'INC') as ProcessTemplate;

  it('asks for the stream when the catalog has none of that key', () => {
    const placed = placeTemplate(incident, noStreams, valueStreamTemplates);
    expect(placed).toEqual({ valueStreamKey: 'RUN', stageId: 'resolve', streamMissing: true });
  });

  it('uses a same-key stream that exists, matching the stage by id, else by name, else no stage', () => {
    const byId = new Map([['RUN', aValueStream({ stages: [{ id: 'resolve', name: 'Fix' }] })]]);
    expect(placeTemplate(incident, byId, valueStreamTemplates)).toMatchObject({ stageId: 'resolve', streamMissing: false });
    const byName = new Map([['RUN', aValueStream({ stages: [{ id: 'stage-7', name: 'resolve' }] })]]);
    expect(placeTemplate(incident, byName, valueStreamTemplates)).toMatchObject({ stageId: 'stage-7' });
    const neither = new Map([['RUN', aValueStream({ stages: [{ id: 'other', name: 'Other' }] })]]);
    expect(placeTemplate(incident, neither, valueStreamTemplates)).toMatchObject({ stageId: null, streamMissing: false });
  });
});

describe('the library as a viewer sees it', () => {
  it('marks keys and names in use and lets an admin create everything', () => {
    const processes = [aProcess({ key: 'INC', name: 'Other name' }), aProcess({ key: 'OPS1', name: 'change enablement' })];
    const seen = describeTemplatesFor(admin, { processes, valueStreams: [] }, library);
    const byKey = new Map(seen.templates.map((t) => [t.key, t]));
    expect(byKey.get('INC')).toMatchObject({ keyInUse: true, nameUsedBy: null, canCreate: true, streamMissing: true });
    expect(byKey.get('CHG')).toMatchObject({ keyInUse: false, nameUsedBy: 'OPS1' });
    expect(seen.usedProcessKeys).toEqual(['INC', 'OPS1']);
    expect(seen.viewer).toMatchObject({ canCreateProcesses: true, canCreateValueStreams: true });
    expect(seen.templates.every((t) => t.canCreate)).toBe(true);
  });

  it('lets a stream owner create only in their existing stream, and nobody else anything', () => {
    const run = aValueStream({ key: 'RUN', ownerAccountId: member.accountId, stages: valueStreamTemplates[0]!.stages });
    const owner = describeTemplatesFor(member, { processes: [], valueStreams: [run] }, library);
    const creatable = owner.templates.filter((t) => t.canCreate).map((t) => t.valueStreamKey);
    expect(new Set(creatable)).toEqual(new Set(['RUN']));
    expect(owner.viewer).toMatchObject({ canCreateProcesses: true, canCreateValueStreams: false });
    expect(owner.valueStreams.find((s) => s.key === 'RUN')).toMatchObject({ exists: true, name: run.name });

    const stranger = describeTemplatesFor({ accountId: 'someone', isJiraAdmin: false }, { processes: [], valueStreams: [run] }, library);
    expect(stranger.templates.some((t) => t.canCreate)).toBe(false);
    expect(stranger.viewer.canCreateProcesses).toBe(false);
    expect(stranger.viewer.whoCanCreate).toMatch(/Jira administrators/);
  });
});
