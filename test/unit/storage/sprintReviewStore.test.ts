import { kvs } from '@forge/kvs';
import { readKpiReadings, readReviewHistory, readSprintReview, writeSprintReview } from '../../../src/storage/sprintReviewStore';
import { storageTestFrame } from '../../support/useCaseInvocation';

const inFrame = storageTestFrame();

const at = new Date().toISOString();

/** A review exactly as version 1 of the record has been stored since reviews exist. */
const storedV1 = {
  schemaVersion: 1,
  data: {
    processKey: 'INC',
    sprintId: 42,
    achieved: 'Runbooks',
    next: 'Alerts',
    kpiReadings: [{ kpiId: 'mttr', value: 3 }],
    storyOutcomes: [{ issueId: '10001', issueKey: 'ITSM-1', value: 'confirmed' as const, note: '' }],
    version: 2,
    createdAt: at,
    createdBy: 'a',
    updatedAt: at,
    updatedBy: 'b',
  },
};

describe('stored sprint reviews', () => {
  it('reads the records written so far', async () => {
    await inFrame(() => kvs.set('sprint-review:INC:42', storedV1));
    expect(await inFrame(() => readSprintReview('INC', 42))).toEqual(storedV1.data);
    expect(await inFrame(() => readKpiReadings('INC', 42))).toEqual([{ kpiId: 'mttr', value: 3 }]);
  });

  it('reports a record of a version it does not know, keeps it, and leaves its readings out of health', async () => {
    const unknown = { ...storedV1, schemaVersion: 99 };
    await inFrame(() => kvs.set('sprint-review:INC:42', unknown));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(inFrame(() => readSprintReview('INC', 42))).rejects.toMatchObject({ kind: 'unreadable' });
    expect(await inFrame(() => readKpiReadings('INC', 42))).toEqual([]);
    warn.mockRestore();
    expect(await inFrame(() => kvs.get('sprint-review:INC:42'))).toEqual(unknown);
  });

  it('writes the current record version, and only the record’s fields, with its history entry', async () => {
    const first = { ...storedV1.data, version: 1 };
    const review = { ...first, uiOnly: 'not stored' } as unknown as Parameters<typeof writeSprintReview>[0];
    const history = { version: 1, at: storedV1.data.updatedAt, by: 'b', sprintState: 'closed' as const, changes: [] };
    expect(await inFrame(() => writeSprintReview(review, history))).toBe(true);
    expect(await inFrame(() => kvs.get('sprint-review:INC:42'))).toEqual({ ...storedV1, data: first });
    expect(await inFrame(() => readReviewHistory('INC', 42))).toEqual([history]);
    // The same version again: taken, nothing written.
    expect(await inFrame(() => writeSprintReview({ ...review, achieved: 'Other' }, history))).toBe(false);
    expect(await inFrame(() => kvs.get('sprint-review:INC:42'))).toEqual({ ...storedV1, data: first });
  });

  it('writes a version over a review stored before versions were kept, and refuses one that skips ahead', async () => {
    await inFrame(() => kvs.set('sprint-review:INC:42', storedV1));
    const history = (version: number) => ({ version, at, by: 'b', sprintState: 'closed' as const, changes: [] });
    expect(await inFrame(() => writeSprintReview({ ...storedV1.data, version: 4 }, history(4)))).toBe(false);
    expect(await inFrame(() => writeSprintReview({ ...storedV1.data, version: 3, next: 'More' }, history(3)))).toBe(true);
    expect(await inFrame(() => readSprintReview('INC', 42))).toMatchObject({ version: 3, next: 'More' });
    expect((await inFrame(() => readReviewHistory('INC', 42))).map((entry) => entry.version)).toEqual([3]);
  });

  it('never replaces a review it cannot read', async () => {
    const unknown = { ...storedV1, schemaVersion: 99 };
    await inFrame(() => kvs.set('sprint-review:INC:42', unknown));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const history = { version: 1, at, by: 'b', sprintState: 'closed' as const, changes: [] };
    await expect(inFrame(() => writeSprintReview({ ...storedV1.data, version: 1 }, history))).rejects.toMatchObject({ kind: 'unreadable' });
    warn.mockRestore();
    expect(await inFrame(() => kvs.get('sprint-review:INC:42'))).toEqual(unknown);
    expect(await inFrame(() => readReviewHistory('INC', 42))).toEqual([]);
  });
});
