import { kvs } from '@forge/kvs';
import {
  deleteIssueRecords,
  readImprovementRecord,
  readImprovementRecords,
  readImprovementRecordVersioned,
  readLinkRecord,
  updateImprovementRecord,
  writeLinkRecord,
  writeLinkRecords,
} from '../../../src/storage/appRecordStore';
import type { ImprovementRecord } from '../../../src/domain/records/appRecords';
import { storageTestFrame } from '../../support/useCaseInvocation';

const inFrame = storageTestFrame();
const at = new Date().toISOString();
const writeImprovementRecord = (issueId: string, record: ImprovementRecord) => updateImprovementRecord(issueId, () => ({ record }));

describe('the app’s own records of issues', () => {
  it('reads version 1 records as written, and an unreadable one as absent (nobody credited)', async () => {
    const outcome = { value: 'refuted' as const, note: 'No change', by: 'acc-apo', at };
    await inFrame(() => writeImprovementRecord('10001', { outcome, dodTicks: [{ itemId: 'runbook', by: 'acc-asm', at }] }));
    expect(await inFrame(() => kvs.get('improvement-record:10001'))).toEqual({
      schemaVersion: 1,
      version: 1,
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

  it('updates a record written before save versions from version 0, and each update moves it on by one', async () => {
    const legacy = { outcome: null, dodTicks: [{ itemId: 'runbook', by: 'acc-asm', at }] };
    await inFrame(() => kvs.set('improvement-record:10003', { schemaVersion: 1, data: legacy }));
    expect(await inFrame(() => readImprovementRecordVersioned('10003'))).toEqual({ record: legacy, version: 0 });
    const tick = { itemId: 'kpi', by: 'acc-apo', at };
    const saved = await inFrame(() =>
      updateImprovementRecord('10003', ({ record }) => ({ record: { outcome: null, dodTicks: [...(record?.dodTicks ?? []), tick] } })),
    );
    expect(saved.version).toBe(1);
    expect(await inFrame(() => readImprovementRecordVersioned('10003'))).toEqual({
      record: { outcome: null, dodTicks: [...legacy.dodTicks, tick] },
      version: 1,
    });
    await inFrame(() => writeImprovementRecord('10003', { outcome: null, dodTicks: [] }));
    expect((await inFrame(() => readImprovementRecordVersioned('10003'))).version).toBe(2);
  });

  it('deletes an issue’s records and save version row; deleting again is harmless', async () => {
    await inFrame(() => writeImprovementRecord('10004', { outcome: null, dodTicks: [{ itemId: 'runbook', by: 'acc-asm', at }] }));
    await inFrame(() => writeLinkRecord('10004', { link: null, by: 'acc-member', at }));
    await inFrame(() => writeLinkRecord('10005', { link: null, by: 'acc-member', at }));
    await inFrame(() => deleteIssueRecords('10004'));
    await inFrame(() => deleteIssueRecords('10004'));
    expect(await inFrame(() => readImprovementRecordVersioned('10004'))).toEqual({ record: null, version: 0 });
    expect(await inFrame(() => readLinkRecord('10004'))).toBeNull();
    expect(await inFrame(() => kvs.entity('save-version').get('improvement-record:10004#version'))).toBeUndefined();
    expect(await inFrame(() => readLinkRecord('10005'))).not.toBeNull();
    // A story created again under the id starts from version 0 without a stale version row in the way.
    expect((await inFrame(() => writeImprovementRecord('10004', { outcome: null, dodTicks: [] }))).version).toBe(1);
  });
});
