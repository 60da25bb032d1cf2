import { decideProcessSave, decideValueStreamSave, stagesStillInUse } from '../../../src/domain/catalog/catalogChanges';
import { processInputSchema, valueStreamInputSchema } from '../../../src/domain/catalog/catalogSchemas';
import { buildProcessLink, isSameLink, readProcessLink } from '../../../src/domain/catalog/processLink';
import { DomainError } from '../../../src/domain/errors';
import { aProcess, aProcessInput, aValueStream, aValueStreamInput } from '../../builders/catalogBuilders';

const admin = { accountId: 'admin-1', isJiraAdmin: true };
const apo = { accountId: 'apo-1', isJiraAdmin: false };
const stranger = { accountId: 'someone', isJiraAdmin: false };
const now = new Date('2026-11-25T10:00:00Z');
const streams = new Map([['RUN', aValueStream()]]);

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected an DomainError');
}

describe('process input validation', () => {
  it('upper-cases and trims keys, and fills defaults', () => {
    const parsed = processInputSchema.parse({ key: ' inc ', name: 'Incident', apoAccountId: 'apo-1' });
    expect(parsed).toMatchObject({ key: 'INC', status: 'draft', kpis: [], asmAccountId: null, valueStreamKey: null });
  });

  it.each([
    [{ key: 'I' }, 'key'],
    [{ key: '1NC' }, 'key'],
    [{ name: '   ' }, 'name'],
    [{ apoAccountId: '' }, 'apoAccountId'],
    [{ stageId: 'resolve', valueStreamKey: null }, 'stageId'],
    [
      {
        kpis: [
          { id: 'a', name: 'MTTR', unit: 'h', direction: 'lower', target: 1 },
          { id: 'b', name: 'mttr', unit: 'h', direction: 'lower', target: 2 },
        ],
      },
      'kpis.1.name',
    ],
    [
      {
        raci: [
          {
            id: 's',
            step: 'Triage',
            accountable: [
              { kind: 'role', name: 'Lead' },
              { kind: 'role', name: 'Other' },
            ],
          },
        ],
      },
      'raci.0.accountable',
    ],
    [{ unexpected: true }, ''],
  ])('rejects %j at %s', (override, path) => {
    const result = processInputSchema.safeParse({ ...aProcessInput(), ...override });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('rejects duplicate stage names in a value stream', () => {
    const result = valueStreamInputSchema.safeParse(
      aValueStreamInput({
        stages: [
          { id: 'a', name: 'Detect' },
          { id: 'b', name: 'detect' },
        ],
      }),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['stages', 1, 'name']);
  });
});

describe('process saves', () => {
  it('creates version 1 with audit fields for an admin', () => {
    const decision = decideProcessSave(aProcessInput(), {
      viewer: admin,
      existing: null,
      expectedVersion: null,
      now,
      valueStreams: streams,
    });
    expect(decision).toEqual({
      outcome: 'save',
      record: expect.objectContaining({ key: 'INC', version: 1, createdBy: 'admin-1', updatedAt: now.toISOString() }),
    });
  });

  it('lets the value stream owner create inside their stream, and nobody else who is not admin', () => {
    const owner = { accountId: 'owner-1', isJiraAdmin: false };
    expect(
      decideProcessSave(aProcessInput(), { viewer: owner, existing: null, expectedVersion: null, now, valueStreams: streams }).outcome,
    ).toBe('save');
    expect(
      errorOf(() => decideProcessSave(aProcessInput(), { viewer: apo, existing: null, expectedVersion: null, now, valueStreams: streams }))
        .kind,
    ).toBe('forbidden');
  });

  it("lets the APO edit their own process but not another APO's", () => {
    const existing = aProcess();
    const saved = decideProcessSave(aProcessInput({ name: 'Renamed' }), {
      viewer: apo,
      existing,
      expectedVersion: 1,
      now,
      valueStreams: streams,
    });
    expect(saved).toMatchObject({ outcome: 'save', record: { name: 'Renamed', version: 2, createdBy: 'admin-1', updatedBy: 'apo-1' } });
    expect(
      errorOf(() => decideProcessSave(aProcessInput(), { viewer: stranger, existing, expectedVersion: 1, now, valueStreams: streams }))
        .kind,
    ).toBe('forbidden');
  });

  it('reports a conflict with the newer record when the editor started from an older version', () => {
    const existing = aProcess({ version: 3, name: 'Newer name' });
    const decision = decideProcessSave(aProcessInput(), { viewer: admin, existing, expectedVersion: 2, now, valueStreams: streams });
    expect(decision).toEqual({ outcome: 'conflict', current: existing });
  });

  it('refuses to create a key that exists, and unknown value streams or stages', () => {
    expect(
      errorOf(() =>
        decideProcessSave(aProcessInput(), { viewer: admin, existing: aProcess(), expectedVersion: null, now, valueStreams: streams }),
      ).details.fields,
    ).toEqual({ key: 'This key is already used.' });
    expect(
      errorOf(() =>
        decideProcessSave(aProcessInput({ valueStreamKey: 'NOPE', stageId: null }), {
          viewer: admin,
          existing: null,
          expectedVersion: null,
          now,
          valueStreams: streams,
        }),
      ).details.fields,
    ).toHaveProperty('valueStreamKey');
    expect(
      errorOf(() =>
        decideProcessSave(aProcessInput({ stageId: 'nope' }), {
          viewer: admin,
          existing: null,
          expectedVersion: null,
          now,
          valueStreams: streams,
        }),
      ).details.fields,
    ).toHaveProperty('stageId');
  });
});

describe('value stream saves', () => {
  it('only admins create; the owner edits', () => {
    expect(
      errorOf(() =>
        decideValueStreamSave(aValueStreamInput(), {
          viewer: { accountId: 'owner-1', isJiraAdmin: false },
          existing: null,
          expectedVersion: null,
          now,
        }),
      ).kind,
    ).toBe('forbidden');
    const edited = decideValueStreamSave(aValueStreamInput({ name: 'Run' }), {
      viewer: { accountId: 'owner-1', isJiraAdmin: false },
      existing: aValueStream(),
      expectedVersion: 1,
      now,
    });
    expect(edited).toMatchObject({ outcome: 'save', record: { name: 'Run', version: 2 } });
  });

  it('finds stages still used by processes', () => {
    const without = aValueStreamInput({ stages: [{ id: 'detect', name: 'Detect' }] });
    expect(stagesStillInUse(without, [aProcess(), aProcess({ key: 'CHG', stageId: 'detect' })])).toEqual(['resolve']);
  });
});

describe('process links', () => {
  it('records process, stream and stage name, defaulting to the process stage', () => {
    const link = buildProcessLink({ process: aProcess(), valueStream: aValueStream(), stageId: null, linkedBy: 'member-1', now });
    expect(link).toEqual({
      schemaVersion: 1,
      processKey: 'INC',
      valueStreamKey: 'RUN',
      stageId: 'resolve',
      stageName: 'Resolve',
      linkedBy: 'member-1',
      linkedAt: now.toISOString(),
    });
    expect(readProcessLink(link)).toEqual(link);
  });

  it('refuses retired processes and stages outside the stream', () => {
    expect(
      errorOf(() =>
        buildProcessLink({ process: aProcess({ status: 'retired' }), valueStream: aValueStream(), stageId: null, linkedBy: 'm', now }),
      ).details.fields,
    ).toHaveProperty('processKey');
    expect(
      errorOf(() => buildProcessLink({ process: aProcess(), valueStream: aValueStream(), stageId: 'elsewhere', linkedBy: 'm', now }))
        .details.fields,
    ).toHaveProperty('stageId');
  });

  it('calls a link the same when process and stage match, and for the app’s own links the reason too', () => {
    const linkOf = (source: 'person' | 'automation' | 'inherited' | 'auto-rule', stageId: string | null = null, linkedBy = 'm') =>
      buildProcessLink({ process: aProcess(), valueStream: aValueStream(), stageId, linkedBy, now, source });
    expect(isSameLink(linkOf('person', null, 'someone'), linkOf('automation'))).toBe(true);
    expect(isSameLink(linkOf('automation'), linkOf('automation', 'detect'))).toBe(false);
    expect(isSameLink(linkOf('inherited'), linkOf('inherited'))).toBe(true);
    expect(isSameLink(linkOf('inherited'), linkOf('auto-rule'))).toBe(false);
    expect(isSameLink(null, linkOf('person'))).toBe(false);
  });

  it('treats unreadable stored properties as no link', () => {
    expect(readProcessLink({ processKey: 'INC' })).toBeNull();
    expect(readProcessLink('garbage')).toBeNull();
  });
});
