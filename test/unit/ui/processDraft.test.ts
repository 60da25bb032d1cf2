import { errorsUnder, fieldErrorsFrom } from '../../../static/common/forms/fieldErrors';
import { draftToInput, emptyProcessDraft, newKpi, processToDraft } from '../../../static/project-page/src/processes/processDraft';
import { defaultCatalogFilter, filterProcesses } from '../../../static/project-page/src/processes/catalogFilters';
import { aProcessInput } from '../../builders/catalogBuilders';
import { aCatalogProcess, aResolverError } from './uiBuilders';

const raciStep = {
  id: 'r1',
  step: 'Triage',
  when: 'On arrival',
  responsible: [
    { kind: 'role' as const, name: 'Agent' },
    { kind: 'user' as const, accountId: 'u-1' },
    { kind: 'role' as const, name: 'Lead' },
  ],
  accountable: [{ kind: 'user' as const, accountId: 'apo-1' }],
  consulted: [],
  informed: [{ kind: 'role' as const, name: 'Customer' }],
};

describe('processToDraft', () => {
  it('keeps KPI targets as text and RACI roles as comma-separated text beside the users', () => {
    const draft = processToDraft(aCatalogProcess({ raci: [raciStep] }));
    expect(draft.kpis).toEqual([{ id: 'mttr', name: 'Mean time to restore', unit: 'hours', direction: 'lower', target: '4' }]);
    expect(draft.raci[0]?.responsible).toEqual({ roles: 'Agent, Lead', users: ['u-1'] });
    expect(draft.raci[0]?.accountable).toEqual({ roles: '', users: ['apo-1'] });
    expect(draft.raci[0]?.informed).toEqual({ roles: 'Customer', users: [] });
  });
});

describe('draftToInput', () => {
  it('gives back the saved process’s input unchanged (users first in each RACI cell)', () => {
    const input = aProcessInput({
      raci: [
        {
          ...raciStep,
          responsible: [
            { kind: 'user', accountId: 'u-1' },
            { kind: 'role', name: 'Agent' },
            { kind: 'role', name: 'Lead' },
          ],
        },
      ],
    });
    const { input: roundTripped, errors } = draftToInput(processToDraft(aCatalogProcess(input)));
    expect(errors).toEqual({});
    expect(roundTripped).toEqual(input);
  });

  it('reads a decimal comma in a KPI target and trims and drops empty roles', () => {
    const draft = processToDraft(aCatalogProcess({ raci: [raciStep] }));
    draft.kpis = [{ ...newKpi(), id: 'k', target: ' 2,5 ' }];
    draft.raci[0]!.consulted = { roles: ' Security ,, ', users: [] };
    const { input } = draftToInput(draft);
    expect(input.kpis?.[0]?.target).toBe(2.5);
    expect(input.raci?.[0]?.consulted).toEqual([{ kind: 'role', name: 'Security' }]);
  });

  it('names each KPI whose target is not a number by its index, and asks for an APO', () => {
    const draft = emptyProcessDraft({ apoAccountId: null, valueStreamKey: null });
    draft.kpis = [
      { ...newKpi(), target: '4' },
      { ...newKpi(), target: '' },
      { ...newKpi(), target: 'soon' },
    ];
    expect(draftToInput(draft).errors).toEqual({
      'kpis.1.target': 'The target must be a number.',
      'kpis.2.target': 'The target must be a number.',
      apoAccountId: 'Pick the APO (process owner).',
    });
  });

  it('drops the stage when no value stream is chosen', () => {
    const draft = processToDraft(aCatalogProcess({ valueStreamKey: 'RUN', stageId: 'resolve' }));
    expect(draftToInput(draft).input.stageId).toBe('resolve');
    expect(draftToInput({ ...draft, valueStreamKey: null }).input.stageId).toBeNull();
  });
});

describe('emptyProcessDraft', () => {
  it('starts as a draft with the given defaults and no lists', () => {
    expect(emptyProcessDraft({ apoAccountId: 'me', valueStreamKey: 'RUN' })).toMatchObject({
      status: 'draft',
      apoAccountId: 'me',
      valueStreamKey: 'RUN',
      stageId: null,
      kpis: [],
      raci: [],
    });
  });
});

describe('fieldErrorsFrom (catalog forms)', () => {
  it('strips the entity prefix from the backend’s paths', () => {
    const error = aResolverError({
      code: 'INVALID_INPUT',
      fields: { 'process.kpis.0.target': 'Must be a number.', 'process.name': 'Name is required.', expectedVersion: 'Stale.' },
    });
    expect(fieldErrorsFrom(error, 'process')).toEqual({
      'kpis.0.target': 'Must be a number.',
      name: 'Name is required.',
      expectedVersion: 'Stale.',
    });
  });

  it('strips only its own entity', () => {
    const error = aResolverError({ fields: { 'valueStream.stages.2.name': 'Required.', 'process.name': 'x' } });
    expect(fieldErrorsFrom(error, 'valueStream')).toEqual({ 'stages.2.name': 'Required.', 'process.name': 'x' });
  });
});

describe('errorsUnder', () => {
  it('collects messages for a field and everything beneath it, not for siblings sharing the prefix', () => {
    const errors = { kpis: 'Too many.', 'kpis.0.target': 'Not a number.', 'kpis.1.name': 'Required.', kpisNote: 'other' };
    expect(errorsUnder(errors, 'kpis')).toEqual(['Too many.', 'Not a number.', 'Required.']);
    expect(errorsUnder(errors, 'kpis.0')).toEqual(['Not a number.']);
    expect(errorsUnder(errors, 'raci')).toEqual([]);
  });
});

describe('filterProcesses', () => {
  const processes = [
    aCatalogProcess({ key: 'A', status: 'active', valueStreamKey: 'RUN', apoAccountId: 'u1', asmAccountId: null }),
    aCatalogProcess({ key: 'B', status: 'draft', valueStreamKey: 'BUILD', apoAccountId: 'u2', asmAccountId: 'u1' }),
    aCatalogProcess({ key: 'C', status: 'retired', valueStreamKey: 'RUN', apoAccountId: 'u2', asmAccountId: null }),
  ];
  const keys = (filter: Partial<typeof defaultCatalogFilter>) =>
    filterProcesses(processes, { ...defaultCatalogFilter, ...filter }).map((p) => p.key);

  it('hides retired processes by default, and shows them when asked', () => {
    expect(keys({})).toEqual(['A', 'B']);
    expect(keys({ status: 'all' })).toEqual(['A', 'B', 'C']);
    expect(keys({ status: 'retired' })).toEqual(['C']);
  });

  it('filters by value stream, and by owner as APO or ASM', () => {
    expect(keys({ valueStreamKey: 'RUN', status: 'all' })).toEqual(['A', 'C']);
    expect(keys({ ownerAccountId: 'u1' })).toEqual(['A', 'B']);
  });
});
