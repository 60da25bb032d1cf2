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
    storyOutcomes: [{ issueId: '10001', issueKey: 'ITSM-1', value: 'confirmed', note: '' }],
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

  it('writes the current record version, and only the record’s fields', async () => {
    const review = { ...storedV1.data, uiOnly: 'not stored' } as unknown as Parameters<typeof writeSprintReview>[0];
    const history = { version: 2, at: storedV1.data.updatedAt, by: 'b', sprintState: 'closed' as const, changes: [] };
    expect(await inFrame(() => writeSprintReview(review, history))).toBe(true);
    expect(await inFrame(() => kvs.get('sprint-review:INC:42'))).toEqual(storedV1);
    expect(await inFrame(() => readReviewHistory('INC', 42))).toEqual([history]);
    expect(await inFrame(() => writeSprintReview(review, history))).toBe(false);
  });
});
