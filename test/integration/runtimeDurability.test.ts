import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kvs } from '@forge/kvs';
import Resolver from '@forge/resolver';
import { createWorkbenchPlatform, type WorkbenchPlatform } from '../../workbench/platform';
import { FakeJira } from '../support/fakeJira';
import { aMinimalDataset } from '../support/minimalDataset';

/**
 * The platform keeps what the app stored across a restart, and a crash mid-write (a torn last
 * log line) loses only that unacknowledged write.
 */
let dir: string;
const opened: WorkbenchPlatform<FakeJira>[] = [];

function openPlatform(file: string): WorkbenchPlatform<FakeJira> {
  const resolver = new Resolver();
  resolver.define('remember', async ({ payload }) => {
    const { key, value } = payload as { key: string; value: unknown };
    await kvs.set(key, value);
    return kvs.get(key);
  });
  resolver.define('recall', async ({ payload }) => kvs.get((payload as { key: string }).key));
  const platform = createWorkbenchPlatform({
    dataFile: file,
    dataset: aMinimalDataset(),
    contractGuard: false,
    createJira: ({ store }) => new FakeJira(store),
    loadHandler: (ref) => (ref === 'index.projectPageResolver' ? resolver.getDefinitions() : undefined),
  });
  opened.push(platform);
  return platform;
}

const call = (platform: WorkbenchPlatform<FakeJira>, functionKey: string, payload: unknown) =>
  platform.host.invokeResolver({ functionKey, payload, accountId: 'u-member', context: { extension: { type: 'jira:projectPage' } } });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-durability-'));
});
afterEach(() => {
  for (const platform of opened.splice(0)) platform.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('durability', () => {
  it('keeps stored values and the loaded dataset after a restart', async () => {
    const file = path.join(dir, 'store.log');
    const first = openPlatform(file);
    expect(await call(first, 'remember', { key: 'note', value: { text: 'kept' } })).toEqual({ text: 'kept' });
    first.close();

    const second = openPlatform(file);
    expect(await call(second, 'recall', { key: 'note' })).toEqual({ text: 'kept' });
    expect(second.jira.hasData()).toBe(true);
  });

  it('ignores a torn last log line and keeps working', async () => {
    const file = path.join(dir, 'store.log');
    const first = openPlatform(file);
    await call(first, 'remember', { key: 'acknowledged', value: 1 });
    first.close();
    fs.appendFileSync(file, '{"ops":[{"op":"set","ns":"kvs","key":"torn","value":{"val');

    const second = openPlatform(file);
    expect(await call(second, 'recall', { key: 'acknowledged' })).toBe(1);
    expect(await call(second, 'recall', { key: 'torn' })).toBeUndefined();
    await call(second, 'remember', { key: 'after', value: 2 });
    second.close();

    const third = openPlatform(file);
    expect(await call(third, 'recall', { key: 'after' })).toBe(2);
  });
});
