import { processTemplates, valueStreamTemplates } from '../../../src/domain/catalog/templates/processTemplateLibrary';
import { describeTemplatesFor } from '../../../src/domain/catalog/templates/processTemplates';
import { aProcess } from '../../builders/catalogBuilders';
import {
  checkSelection,
  groupTemplates,
  planCreation,
  runPlan,
  type TemplateLibrary,
  type TemplateOutcome,
} from '../../../static/project-page/src/templates/templateSelection';

const admin = { accountId: 'admin-1', isJiraAdmin: true };
const libraryFor = (processes = [aProcess({ key: 'INC' })]): TemplateLibrary =>
  describeTemplatesFor(admin, { processes, valueStreams: [] }, { valueStreams: valueStreamTemplates, processes: processTemplates });
const idOf = (key: string) => processTemplates.find((t) => t.key === key)!.id;
const choices = { apoAccountId: 'apo-1', asmAccountId: 'asm-1', status: 'active' as const };

describe('groupTemplates', () => {
  it('groups by suggested value stream in the library order and searches name, key, purpose and KPIs', () => {
    const all = groupTemplates(libraryFor(), '');
    expect(all.map((group) => group.stream.key)).toEqual(valueStreamTemplates.map((stream) => stream.key));
    expect(all.flatMap((group) => group.templates)).toHaveLength(processTemplates.length);
    expect(groupTemplates(libraryFor(), 'restore').flatMap((g) => g.templates.map((t) => t.key))).toContain('INC');
    expect(groupTemplates(libraryFor(), 'onb').map((g) => g.stream.key)).toEqual(['JOIN']);
    expect(groupTemplates(libraryFor(), 'nothing like this')).toEqual([]);
  });
});

describe('checkSelection', () => {
  it('needs a pick and an APO', () => {
    expect(checkSelection(libraryFor(), {}, { ...choices, apoAccountId: null }).errors).toEqual({
      selection: 'Pick at least one template.',
      apo: 'Pick the APO (process owner).',
    });
  });

  it('validates keys like the process form, refuses duplicates and warns about keys in use', () => {
    const selection = { [idOf('PRB')]: 'p', [idOf('CHG')]: 'X1', [idOf('DEP')]: 'x1', [idOf('KNW')]: 'inc' };
    const result = checkSelection(libraryFor(), selection, choices);
    expect(result.errors[idOf('PRB')]).toMatch(/2–10 letters or digits/);
    expect(result.errors[idOf('CHG')]).toBeUndefined();
    expect(result.errors[idOf('DEP')]).toMatch(/unique/);
    expect(result.warnings[idOf('KNW')]).toMatch(/INC is already used/);
    expect(result.errors[idOf('KNW')]).toBeUndefined();
  });
});

describe('planCreation', () => {
  it('creates each missing stream once, owned by the APO, then each process with the chosen key, owners and status', () => {
    const selection = { [idOf('INC')]: 'inc2', [idOf('PRB')]: 'PRB', [idOf('ONB')]: 'ONB' };
    const plan = planCreation(libraryFor(), selection, { ...choices, status: 'draft' });
    expect(plan.streams.map((s) => [s.key, s.ownerAccountId])).toEqual([
      ['RUN', 'apo-1'],
      ['JOIN', 'apo-1'],
    ]);
    expect(plan.processes.map((p) => p.input.key)).toEqual(['INC2', 'PRB', 'ONB']);
    expect(plan.processes[0]!.input).toMatchObject({ apoAccountId: 'apo-1', asmAccountId: 'asm-1', status: 'draft' });
    expect(plan.processes[0]!.input).toMatchObject({ valueStreamKey: 'RUN', stageId: 'resolve' });
  });
});

describe('runPlan', () => {
  const error = (code: 'INVALID_INPUT' | 'FORBIDDEN', message: string, fields?: Record<string, string>) => ({
    ok: false as const,
    error: { code, message, ...(fields ? { fields } : {}) },
  });
  const keyUsed = { key: 'This key is already used.' };

  it('reports created, skipped for a key in use, and failed with the reason, one request per record', async () => {
    const plan = planCreation(libraryFor(), { [idOf('INC')]: 'INC', [idOf('PRB')]: 'PRB', [idOf('KNW')]: 'KNW' }, choices);
    const calls: string[] = [];
    const outcomes: Record<string, TemplateOutcome> = {};
    await runPlan(
      plan,
      {
        saveValueStream: ({ valueStream }) => {
          calls.push(`stream ${valueStream.key}`);
          return Promise.resolve({ ok: true });
        },
        saveProcess: ({ process }) => {
          calls.push(`process ${process.key}`);
          if (process.key === 'INC') return Promise.resolve(error('INVALID_INPUT', 'A process with key INC already exists.', keyUsed));
          if (process.key === 'KNW') return Promise.resolve(error('FORBIDDEN', 'Only Jira administrators can create a process.'));
          return Promise.resolve({ ok: true });
        },
      },
      (id, outcome) => {
        outcomes[id] = outcome;
      },
    );
    expect(calls).toEqual(['stream RUN', 'process INC', 'process PRB', 'process KNW']);
    expect(outcomes[idOf('INC')]).toMatchObject({ state: 'skipped', key: 'INC' });
    expect(outcomes[idOf('PRB')]).toEqual({ state: 'created', key: 'PRB' });
    expect(outcomes[idOf('KNW')]).toEqual({ state: 'failed', message: 'Only Jira administrators can create a process.' });
  });

  it('fails the templates of a stream that could not be created, untried, and uses a stream someone made meanwhile', async () => {
    const plan = planCreation(libraryFor([]), { [idOf('INC')]: 'INC', [idOf('ONB')]: 'ONB' }, choices);
    const tried: string[] = [];
    const outcomes: Record<string, TemplateOutcome> = {};
    await runPlan(
      plan,
      {
        saveValueStream: ({ valueStream }) =>
          Promise.resolve(
            valueStream.key === 'RUN'
              ? error('INVALID_INPUT', 'A value stream with key RUN already exists.', keyUsed)
              : error('FORBIDDEN', 'Only Jira administrators can create a value stream.'),
          ),
        saveProcess: ({ process }) => {
          tried.push(process.key);
          return Promise.resolve({ ok: true });
        },
      },
      (id, outcome) => {
        outcomes[id] = outcome;
      },
    );
    expect(tried).toEqual(['INC']);
    expect(outcomes[idOf('ONB')]).toEqual({
      state: 'failed',
      message: expect.stringContaining('Join the organisation could not be created: Only Jira administrators'),
    });
  });
});
