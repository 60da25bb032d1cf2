import { kvs } from '@forge/kvs';
import {
  readImprovementRecord,
  readImprovementRecords,
  readLinkRecord,
  writeImprovementRecord,
  writeLinkRecords,
} from '../../../src/storage/appRecordStore';
import { storageTestFrame } from '../../support/useCaseInvocation';

const inFrame = storageTestFrame();
const at = new Date().toISOString();

describe('the app’s own records of issues', () => {
  it('reads version 1 records as written, and an unreadable one as absent (nobody credited)', async () => {
    const outcome = { value: 'refuted' as const, note: 'No change', by: 'acc-apo', at };
    await inFrame(() => writeImprovementRecord('10001', { outcome, dodTicks: [{ itemId: 'runbook', by: 'acc-asm', at }] }));
    expect(await inFrame(() => kvs.get('improvement-record:10001'))).toEqual({
      schemaVersion: 1,
      data: { outcome, dodTicks: [{ itemId: 'runbook', by: 'acc-asm', at }] },
    });
    await inFrame(() => kvs.set('improvement-record:10002', { schemaVersion: 7, data: {} }));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await inFrame(() => readImprovementRecord('10002'))).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('improvement-record:10002'));
    warn.mockRestore();
  });

  it('reads and writes many records in batches of the storage limit', async () => {
    const ids = Array.from({ length: 60 }, (_, index) => String(20000 + index));
    const record = { link: { processKey: 'INC', stageId: null, source: 'person' as const }, by: 'acc-member', at };
    await inFrame(() => writeLinkRecords(ids, record));
    expect(await inFrame(() => readLinkRecord(ids[59] as string))).toEqual(record);
    for (const id of ids.slice(0, 30)) await inFrame(() => writeImprovementRecord(id, { outcome: null, dodTicks: [] }));
    const read = await inFrame(() => readImprovementRecords(ids));
    expect([...read.keys()]).toEqual(ids.slice(0, 30));
  });
});
