import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { DomainError } from '../../../src/domain/errors';
import { readRecord, SAVE_VERSION_ENTITY, writeRecordAtVersion } from '../../../src/storage/versionedRecord';
import { createTestWorkbench, type TestWorkbench } from '../../support/testWorkbench';
import { asUser } from '../../support/useCaseInvocation';

let wb: TestWorkbench;
afterEach(() => wb.close());

const inFrame = <T>(run: () => Promise<T>) => asUser(wb, wb.users.admin, run);

const KEY = 'thing:A';
const schema = z.object({ schemaVersion: z.literal(1), data: z.object({ name: z.string(), version: z.number() }) });
const stored = (name: string, version: number) => ({ schemaVersion: 1, data: { name, version } });
const read = () => inFrame(() => readRecord(KEY, 'thing A', schema, (value) => value.data));
const storedVersion = (raw: unknown) => schema.parse(raw).data.version;
const save = (name: string, from: number) =>
  inFrame(() => writeRecordAtVersion(KEY, { from, to: from + 1 }, stored(name, from + 1), storedVersion));

describe('versioned records', () => {
  beforeEach(async () => {
    wb = await createTestWorkbench();
  });

  it('saves over the version read and refuses a save from an older one, writing nothing', async () => {
    expect(await save('first', 0)).toBe(true);
    expect(await save('second', 1)).toBe(true);
    expect(await save('stale', 1)).toBe(false);
    expect(await save('new again', 0)).toBe(false);
    expect(await read()).toEqual({ name: 'second', version: 2 });
    expect(wb.store.get(`kvs-entity:${SAVE_VERSION_ENTITY}`, `${KEY}#version`)).toMatchObject({ value: { version: 2 } });
  });

  it('takes over a record stored before versions were kept, at the version it holds', async () => {
    await inFrame(() => kvs.set(KEY, stored('old', 4)));
    expect(await save('from a stale copy', 3)).toBe(false);
    expect(await read()).toEqual({ name: 'old', version: 4 });
    expect(await save('next', 4)).toBe(true);
    expect(await read()).toEqual({ name: 'next', version: 5 });
  });

  it('passes on a refusal that is not about versions', async () => {
    const tooDeep = JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown;
    await expect(inFrame(() => writeRecordAtVersion(KEY, { from: 0, to: 1 }, tooDeep, storedVersion))).rejects.toThrow();
    expect(await read()).toBeNull();
  });

  it('reports a record that fails its schema and keeps it', async () => {
    await inFrame(() => kvs.set(KEY, { schemaVersion: 99, data: 'from the future' }));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failure = await read().catch((error: unknown) => error);
    warn.mockRestore();
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ kind: 'unreadable', message: expect.stringMatching(/thing A can't be read/) });
    expect(await inFrame(() => kvs.get(KEY))).toEqual({ schemaVersion: 99, data: 'from the future' });
  });
});

describe('versioned records under storage latency', () => {
  beforeEach(async () => {
    wb = await createTestWorkbench({ kvsLatency: { minMs: 5, maxMs: 15 } });
  });

  it('lets exactly one of ten concurrent saves from the same version through, each round', async () => {
    for (let round = 0; round < 3; round++) {
      const names = Array.from({ length: 10 }, (_, editor) => `round ${round} editor ${editor}`);
      const results = await Promise.all(names.map((name) => save(name, round)));
      const winners = names.filter((_, index) => results[index]);
      expect(winners).toHaveLength(1);
      expect(await read()).toEqual({ name: winners[0], version: round + 1 });
    }
  });

  it('lets one of ten first saves of a record stored before versions were kept through', async () => {
    await inFrame(() => kvs.set(KEY, stored('old', 7)));
    const names = Array.from({ length: 10 }, (_, editor) => `editor ${editor}`);
    const results = await Promise.all(names.map((name) => save(name, 7)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await read()).toEqual({ name: names[results.indexOf(true)], version: 8 });
  });
});
