import { Filter, FilterConditions, ForgeKvsAPIError, MetadataField, Sort, WhereConditions, kvs } from '@forge/kvs';
import { aRuntimeRig, type RuntimeRig } from '../../../support/runtimeFixtures';

/**
 * The storage service through Atlassian's real @forge/kvs: whatever the library sends, the
 * service must answer in the shape the library reads.
 */
let rig: RuntimeRig;

beforeEach(() => {
  rig = aRuntimeRig();
});
afterEach(() => rig.host.close());

async function kvsErrorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ForgeKvsAPIError) return error.code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('keys and values', () => {
  it('sets, gets and deletes a value, and reads a missing key as undefined', async () => {
    await kvs.set('note:1', { text: 'hello', tags: ['a'] });
    expect(await kvs.get('note:1')).toEqual({ text: 'hello', tags: ['a'] });
    await kvs.delete('note:1');
    expect(await kvs.get('note:1')).toBeUndefined();
    expect(await kvs.get('never-set')).toBeUndefined();
    await expect(kvs.delete('never-set')).resolves.toBeUndefined();
  });

  it('keeps createdAt and moves updatedAt on overwrite', async () => {
    await kvs.set('k', 1);
    rig.clock.now = new Date('2026-11-02T10:00:00.000Z');
    await kvs.set('k', 2);
    const result = await kvs.get('k', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] });
    expect(result).toEqual({
      key: 'k',
      value: 2,
      createdAt: Date.parse('2026-11-02T09:00:00.000Z'),
      updatedAt: Date.parse('2026-11-02T10:00:00.000Z'),
    });
  });

  it('keeps its state in the store namespace "kvs"', async () => {
    await kvs.set('a', 'x');
    expect(rig.store.entries('kvs').map(([key]) => key)).toEqual(['a']);
  });

  it.each([
    ['an empty key', '', 'x', 'KEY_TOO_SHORT'],
    ['a key over 500 characters', 'k'.repeat(501), 'x', 'KEY_TOO_LONG'],
    ['a key with a slash', 'a/b', 'x', 'INVALID_KEY'],
    ['a value over 240 KiB', 'big', 'x'.repeat(240 * 1024), 'MAX_SIZE'],
  ])('refuses %s with %s', async (_what, key, value, code) => {
    expect(await kvsErrorCode(kvs.set(key, value))).toBe(code);
    expect(rig.store.size('kvs')).toBe(0);
  });

  it('honours keyPolicy FAIL_IF_EXISTS and returns the previous value when asked', async () => {
    await kvs.set('k', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await kvsErrorCode(kvs.set('k', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }))).toBe('KEY_ALREADY_EXISTS');
    const previous = await kvs.set('k', 'third', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(previous).toEqual({ key: 'k', value: 'first' });
    expect(await kvs.get('k')).toBe('third');
  });

  it('forgets a value after its ttl', async () => {
    await kvs.set('session', 'x', { ttl: { value: 1, unit: 'HOURS' } });
    expect(await kvs.get('session')).toBe('x');
    rig.clock.now = new Date('2026-11-02T10:00:01.000Z');
    expect(await kvs.get('session')).toBeUndefined();
  });
});

describe('queries', () => {
  beforeEach(async () => {
    for (let n = 1; n <= 25; n++) await kvs.set(`p:${String(n).padStart(2, '0')}`, n);
    await kvs.set('q:1', 'other');
  });

  it('pages through keys with a prefix in key order, 10 a page by default', async () => {
    const first = await kvs.query().where('key', WhereConditions.beginsWith('p:')).getMany();
    expect(first.results).toHaveLength(10);
    expect(first.nextCursor).toEqual(expect.any(String));
    const seen: unknown[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith('p:')).limit(7);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      seen.push(...page.results.map((result) => result.value));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('does not repeat or skip rows written between two pages', async () => {
    const first = await kvs.query().where('key', WhereConditions.beginsWith('p:')).limit(5).getMany();
    await kvs.delete('p:03');
    await kvs.set('p:00', 0);
    const second = await kvs
      .query()
      .where('key', WhereConditions.beginsWith('p:'))
      .limit(5)
      .cursor(first.nextCursor ?? '')
      .getMany();
    expect(second.results.map((result) => result.key)).toEqual(['p:06', 'p:07', 'p:08', 'p:09', 'p:10']);
  });

  it('refuses a page larger than 100', async () => {
    expect(await kvsErrorCode(kvs.query().limit(101).getMany())).toBe('LIST_QUERY_LIMIT_EXCEEDED');
  });
});

describe('transactions', () => {
  it('writes sets and deletes together in one store write', async () => {
    await kvs.set('old', 1);
    const apply = jest.spyOn(rig.store, 'apply');
    await kvs.transact().set('a', 1).set('b', 2).delete('old').execute();
    expect(apply).toHaveBeenCalledTimes(1);
    expect(rig.store.entries('kvs').map(([key]) => key)).toEqual(['a', 'b']);
  });

  it('writes nothing when one operation is invalid', async () => {
    await kvs.set('keep', 'me');
    const before = JSON.stringify(rig.store.entries('kvs'));
    const code = await kvsErrorCode(
      kvs
        .transact()
        .set('a', 1)
        .set('b', 'x'.repeat(250 * 1024))
        .delete('keep')
        .execute(),
    );
    expect(code).toBe('MAX_SIZE');
    expect(JSON.stringify(rig.store.entries('kvs'))).toBe(before);
  });

  it('refuses more than 25 operations and a key named twice', async () => {
    let big = kvs.transact();
    for (let n = 0; n < 26; n++) big = big.set(`k${n}`, n);
    expect(await kvsErrorCode(big.execute())).toBe('TOO_MANY_OPERATIONS');
    expect(await kvsErrorCode(kvs.transact().set('k', 1).delete('k').execute())).toBe('DUPLICATE_KEYS');
    expect(rig.store.size('kvs')).toBe(0);
  });

  it('checks entity conditions before writing anything', async () => {
    await kvs.entity('task').set('t1', { title: 'One', priority: 1, team: 'ops', done: false });
    const notDone = new Filter<{ done: boolean }>().and('done', FilterConditions.equalTo(true));
    const code = await kvsErrorCode(kvs.transact().set('plain', 'x').check('t1', { entityName: 'task', conditions: notDone }).execute());
    expect(code).toBe('CONDITION_CHECK_FAILED');
    expect(await kvs.get('plain')).toBeUndefined();
    const stillOpen = new Filter<{ done: boolean }>().and('done', FilterConditions.equalTo(false));
    await kvs
      .transact()
      .set('plain', 'x')
      .set('t1', { title: 'One', priority: 1, team: 'ops', done: true }, { entityName: 'task', conditions: stillOpen })
      .execute();
    expect(await kvs.entity('task').get('t1')).toMatchObject({ done: true });
  });
});

describe('batches', () => {
  it('reports per-item success and failure', async () => {
    const set = await kvs.batchSet<unknown>([
      { key: 'a', value: 1 },
      { key: 'bad/key', value: 2 },
      { key: 't1', value: { title: 'x', priority: 3 }, entityName: 'task' },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'a' }, { key: 't1', entityName: 'task' }]);
    expect(set.failedKeys).toEqual([{ key: 'bad/key', error: { code: 'INVALID_KEY', message: expect.any(String) } }]);
    const got = await kvs.batchGet([{ key: 'a' }, { key: 'missing' }]);
    expect(got.successfulKeys).toEqual([{ key: 'a', value: 1 }]);
    expect(got.failedKeys).toEqual([{ key: 'missing', error: { code: 'KEY_NOT_FOUND', message: expect.any(String) } }]);
    await kvs.batchDelete([{ key: 'a' }, { key: 't1', entityName: 'task' }]);
    expect(await kvs.get('a')).toBeUndefined();
    expect(await kvs.entity('task').get('t1')).toBeUndefined();
  });
});

describe('secrets', () => {
  it('keeps secrets apart from plain keys', async () => {
    await kvs.setSecret('token', 's3cret');
    expect(await kvs.getSecret('token')).toBe('s3cret');
    expect(await kvs.get('token')).toBeUndefined();
    expect(rig.store.entries('kvs-secret').map(([key]) => key)).toEqual(['token']);
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
  });
});

describe('custom entities', () => {
  type Task = { title: string; priority: number; team: string; done: boolean };
  const tasks = () => kvs.entity<Task>('task');

  beforeEach(async () => {
    const rows: Array<[string, Task]> = [
      ['t1', { title: 'A', priority: 3, team: 'ops', done: false }],
      ['t2', { title: 'B', priority: 1, team: 'ops', done: true }],
      ['t3', { title: 'C', priority: 2, team: 'dev', done: false }],
      ['t4', { title: 'D', priority: 5, team: 'ops', done: false }],
    ];
    for (const [key, value] of rows) await tasks().set(key, value);
  });

  it('queries an index by range, partition, filters and sort, with paging', async () => {
    const byPriority = await tasks().query().index('priority').where(WhereConditions.between(2, 5)).sort(Sort.DESC).getMany();
    expect(byPriority.results.map((result) => result.key)).toEqual(['t4', 't1', 't3']);
    const openOps = await tasks()
      .query()
      .index('by-team', { partition: ['ops'] })
      .filters(new Filter<Task>().and('done', FilterConditions.equalTo(false)))
      .limit(1)
      .getMany();
    expect(openOps.results.map((result) => result.key)).toEqual(['t1']);
    const next = await tasks()
      .query()
      .index('by-team', { partition: ['ops'] })
      .filters(new Filter<Task>().and('done', FilterConditions.equalTo(false)))
      .limit(1)
      .cursor(openOps.nextCursor ?? '')
      .getMany();
    expect(next.results.map((result) => result.key)).toEqual(['t4']);
    expect(next.nextCursor).toBeUndefined();
  });

  it('refuses undeclared attributes, wrong types, unknown entities and unknown indexes', async () => {
    expect(await kvsErrorCode(kvs.entity('task').set('x', { colour: 'red' }))).toBe('INVALID_ENTITY_VALUE');
    expect(await kvsErrorCode(kvs.entity('task').set('x', { priority: 1.5 }))).toBe('INVALID_ENTITY_VALUE');
    expect(await kvsErrorCode(kvs.entity('nope').set('x', { a: 1 }))).toBe('INVALID_ENTITY_TYPE');
    expect(await kvsErrorCode(tasks().query().index('by-title').getMany())).toBe('INVALID_ENTITY_INDEX');
    expect(rig.store.size('kvs-entity:task')).toBe(4);
  });
});
