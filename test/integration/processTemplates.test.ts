import { processTemplates, valueStreamTemplates } from '../../src/domain/catalog/templates/processTemplateLibrary';
import {
  buildProcessFromTemplate,
  buildValueStreamFromTemplate,
  type ProcessTemplate,
} from '../../src/domain/catalog/templates/processTemplates';
import { aProcessInput, aValueStreamInput } from '../builders/catalogBuilders';
import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';

/**
 * Templates through the emulated runtime: the library as each viewer sees it, and a process created
 * from a template by the normal save path, conflicts included.
 */
let wb: TestWorkbench;

type TemplatesAnswer = {
  ok: true;
  data: {
    templates: Array<{
      key: string;
      keyInUse: boolean;
      canCreate: boolean;
      streamMissing: boolean;
      stageId: string | null;
      nameUsedBy: string | null;
    }>;
    valueStreams: Array<{ key: string; exists: boolean }>;
    usedProcessKeys: string[];
    viewer: { canCreateProcesses: boolean; canCreateValueStreams: boolean; whoCanCreate: string };
  };
};

async function templatesFor(accountId: string): Promise<TemplatesAnswer['data']> {
  const answer = (await wb.invoke(accountId, 'getProcessTemplates', {})) as TemplatesAnswer;
  expect(answer).toMatchObject({ ok: true });
  return answer.data;
}

const template = (key: string) => processTemplates.find((candidate) => candidate.key === key) as ProcessTemplate;
const streamTemplate = (key: string) => valueStreamTemplates.find((candidate) => candidate.key === key)!;

beforeEach(async () => {
  wb = await createTestWorkbench();
});
afterEach(() => {
  wb.expectNoContractViolations();
});

describe('getProcessTemplates', () => {
  it('offers every template to an admin on an empty catalog, with their streams still to create', async () => {
    const seen = await templatesFor(wb.users.admin);
    expect(seen.templates).toHaveLength(processTemplates.length);
    expect(seen.templates.every((t) => t.canCreate && !t.keyInUse && t.streamMissing)).toBe(true);
    expect(seen.valueStreams.every((s) => !s.exists)).toBe(true);
    expect(seen.usedProcessKeys).toEqual([]);
    expect(seen.viewer).toMatchObject({ canCreateProcesses: true, canCreateValueStreams: true });
  });

  it('tells a member they may not create, and who may', async () => {
    const seen = await templatesFor(wb.users.member);
    expect(seen.templates.some((t) => t.canCreate)).toBe(false);
    expect(seen.viewer).toMatchObject({ canCreateProcesses: false, canCreateValueStreams: false });
    expect(seen.viewer.whoCanCreate).toMatch(/Jira administrators/);
  });

  it('marks keys in use, and lets a stream owner create in their own stream only', async () => {
    const { admin, apo } = wb.users;
    const run = buildValueStreamFromTemplate(streamTemplate('RUN'), apo);
    await wb.invoke(admin, 'saveValueStream', { valueStream: run, expectedVersion: null });
    const incident = aProcessInput({ apoAccountId: apo, asmAccountId: null, stageId: 'resolve' });
    await wb.invoke(admin, 'saveProcess', { process: incident, expectedVersion: null });
    const seen = await templatesFor(apo);
    const byKey = new Map(seen.templates.map((t) => [t.key, t]));
    expect(byKey.get('INC')).toMatchObject({ keyInUse: true, canCreate: true, streamMissing: false, stageId: 'resolve' });
    expect(byKey.get('INC')?.nameUsedBy).toBe('INC');
    expect(byKey.get('PRB')).toMatchObject({ keyInUse: false, canCreate: true });
    expect(byKey.get('CHG')).toMatchObject({ canCreate: false, streamMissing: true });
    expect(seen.usedProcessKeys).toEqual(['INC']);
    expect(seen.valueStreams.find((s) => s.key === 'RUN')).toMatchObject({ exists: true });
    expect(seen.viewer).toMatchObject({ canCreateProcesses: true, canCreateValueStreams: false });
  });

  it('answers with one Jira request at most (the admin check)', async () => {
    wb.jira.clearRequestLog();
    await templatesFor(wb.users.admin);
    expect(wb.jira.requestLog.length).toBeLessThanOrEqual(1);
  });
});

describe('creating from a template through saveProcess', () => {
  it('creates the stream, then the processes, one save each, as the catalog shows them', async () => {
    const { admin, apo, asm } = wb.users;
    const change = buildValueStreamFromTemplate(streamTemplate('CHANGE'), apo);
    const stream = await wb.invoke(admin, 'saveValueStream', { valueStream: change, expectedVersion: null });
    expect(stream).toMatchObject({ ok: true, data: { outcome: 'saved', record: { key: 'CHANGE', ownerAccountId: apo } } });
    const seen = await templatesFor(admin);
    for (const key of ['CHG', 'DEP']) {
      const placed = seen.templates.find((t) => t.key === key)!;
      const process = buildProcessFromTemplate(template(key), {
        key,
        apoAccountId: apo,
        asmAccountId: asm,
        status: 'active',
        placement: { valueStreamKey: 'CHANGE', stageId: placed.stageId, streamMissing: false },
      });
      const saved = await wb.invoke(admin, 'saveProcess', { process, expectedVersion: null });
      expect(saved).toMatchObject({
        ok: true,
        data: { outcome: 'saved', record: { key, status: 'active', apoAccountId: apo, valueStreamKey: 'CHANGE', version: 1 } },
      });
    }
    type Answer = { data: { processes: Array<{ key: string; kpis: unknown[]; raci: unknown[] }> } };
    const catalog = (await wb.invoke(wb.users.member, 'getCatalog', {})) as Answer;
    expect(catalog.data.processes.map((p) => p.key)).toEqual(['CHG', 'DEP']);
    expect(catalog.data.processes[0]!.kpis).toEqual(template('CHG').kpis);
    expect(catalog.data.processes[0]!.raci).toEqual(template('CHG').raci);
    const after = await templatesFor(admin);
    expect(after.usedProcessKeys).toEqual(['CHG', 'DEP']);
  });

  it('refuses a key that exists already and leaves the existing process as it was', async () => {
    const { admin, apo } = wb.users;
    await wb.invoke(admin, 'saveValueStream', { valueStream: aValueStreamInput({ ownerAccountId: admin }), expectedVersion: null });
    const ours = aProcessInput({ apoAccountId: apo, asmAccountId: null, name: 'Our own incident process' });
    await wb.invoke(admin, 'saveProcess', { process: ours, expectedVersion: null });
    const process = buildProcessFromTemplate(template('INC'), {
      key: 'INC',
      apoAccountId: admin,
      asmAccountId: null,
      status: 'draft',
      placement: { valueStreamKey: 'RUN', stageId: 'resolve', streamMissing: false },
    });
    const result = await wb.invoke(admin, 'saveProcess', { process, expectedVersion: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { key: 'This key is already used.' } } });
    type Answer = { data: { processes: Array<{ key: string; name: string; version: number }> } };
    const catalog = (await wb.invoke(admin, 'getCatalog', {})) as Answer;
    expect(catalog.data.processes).toEqual([expect.objectContaining({ key: 'INC', name: 'Our own incident process', version: 1 })]);
  });

  it("refuses a member's create (the normal permission rule) and writes nothing", async () => {
    const before = JSON.stringify(wb.store.entries('kvs'));
    const process = buildProcessFromTemplate(template('KNW'), {
      key: 'KNW',
      apoAccountId: wb.users.member,
      asmAccountId: null,
      status: 'active',
      placement: { valueStreamKey: 'RUN', stageId: 'learn', streamMissing: true },
    });
    const run = buildValueStreamFromTemplate(streamTemplate('RUN'), wb.users.member);
    const stream = await wb.invoke(wb.users.member, 'saveValueStream', { valueStream: run, expectedVersion: null });
    expect(stream).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const result = await wb.invoke(wb.users.member, 'saveProcess', { process, expectedVersion: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(wb.store.entries('kvs'))).toBe(before);
  });
});
