import { kvs } from '@forge/kvs';
import { BACKLOG_ORDER_VERSIONS_KEPT, readBacklogOrder, writeBacklogOrder } from '../../../src/storage/improvementBacklogOrder';
import { createTestWorkbench, type TestWorkbench } from '../../support/testWorkbench';
import { asUser } from '../../support/useCaseInvocation';

/** The backlog's manual order: one save a version, each version also under its own key, only the last few kept. */
let wb: TestWorkbench;
beforeEach(async () => {
  wb = await createTestWorkbench();
});
afterEach(() => wb.close());

const inFrame = <T>(run: () => Promise<T>) => asUser(wb, wb.users.apo, run);
const versionKeys = (processKey: string) =>
  wb.store
    .entries('kvs')
    .map(([key]) => key)
    .filter((key) => key.startsWith(`improvement-order-v:${processKey}:`));

async function reorder(processKey: string, times: number): Promise<void> {
  for (let version = 0; version < times; version++) {
    const saved = await inFrame(() =>
      writeBacklogOrder({ processKey, issueIds: [String(10000 + version)], expectedVersion: version || null, by: 'apo', now: new Date() }),
    );
    expect(saved?.version).toBe(version + 1);
  }
}

describe('backlog order versions', () => {
  it(`keeps the last ${BACKLOG_ORDER_VERSIONS_KEPT} versions of a process's order and deletes older ones`, async () => {
    await reorder('INC', BACKLOG_ORDER_VERSIONS_KEPT + 3);
    await reorder('CHG', 2);
    const last = BACKLOG_ORDER_VERSIONS_KEPT + 3;
    const expected = Array.from({ length: BACKLOG_ORDER_VERSIONS_KEPT }, (_, i) => last - BACKLOG_ORDER_VERSIONS_KEPT + 1 + i);
    expect(versionKeys('INC')).toEqual(expected.map((version) => `improvement-order-v:INC:${String(version).padStart(8, '0')}`));
    expect(versionKeys('CHG')).toHaveLength(2);
    expect(await inFrame(() => readBacklogOrder('INC'))).toMatchObject({ version: last, issueIds: [String(10000 + last - 1)] });
  });

  it('still refuses a save from a version someone else has moved past', async () => {
    await reorder('INC', BACKLOG_ORDER_VERSIONS_KEPT + 1);
    const stale = await inFrame(() =>
      writeBacklogOrder({ processKey: 'INC', issueIds: ['1'], expectedVersion: 1, by: 'apo', now: new Date() }),
    );
    expect(stale).toBeNull();
  });

  it('never replaces an order it cannot read, and keeps one save a version', async () => {
    const unreadable = { schemaVersion: 9, issueIds: 'not a list' };
    await inFrame(() => kvs.set('improvement-order:INC', unreadable));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await inFrame(() => readBacklogOrder('INC'))).toBeNull();
    await expect(
      inFrame(() => writeBacklogOrder({ processKey: 'INC', issueIds: ['1'], expectedVersion: null, by: 'apo', now: new Date() })),
    ).rejects.toMatchObject({ kind: 'unreadable' });
    warn.mockRestore();
    expect(await inFrame(() => kvs.get('improvement-order:INC'))).toEqual(unreadable);
    expect(versionKeys('INC')).toEqual([]);
  });
});
