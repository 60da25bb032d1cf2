import { kvs } from '@forge/kvs';
import { DomainError } from '../../../../src/domain/errors';
import { recordKpiReading } from '../../../../src/useCases/review/recordKpiReading';
import { readReviewHistory, readSprintReview } from '../../../../src/storage/sprintReviewStore';
import { createTestWorkbench, type TestWorkbench } from '../../../support/testWorkbench';
import { seedIncidentProcess } from '../../../support/improvementSeed';
import { asUser } from '../../../support/useCaseInvocation';

let wb: TestWorkbench;

beforeEach(async () => {
  wb = await createTestWorkbench();
  await seedIncidentProcess(wb);
});
afterEach(() => {
  jest.restoreAllMocks();
  wb.expectNoContractViolations();
  wb.close();
});

const record = (accountId: string, value: number, extra: { kpi?: string; sprintId?: number } = {}) =>
  asUser(wb, accountId, (actor) => recordKpiReading({ projectKey: 'ITSM', processKey: 'INC', kpi: 'mttr', value, ...extra }, actor));
const storedReview = (sprintId: number) => asUser(wb, wb.users.apo, () => readSprintReview('INC', sprintId));
const storedHistory = (sprintId: number) => asUser(wb, wb.users.apo, () => readReviewHistory('INC', sprintId));

describe('recording one KPI reading in a sprint review', () => {
  it('adds the reading to the active sprint’s review, with a history entry, keeping what the review already says', async () => {
    const first = await record(wb.users.apo, 3.5, { kpi: 'Mean time to restore' });
    expect(first).toMatchObject({ processKey: 'INC', kpiId: 'mttr', value: 3.5, changed: true });
    const saved = await wb.invoke(wb.users.apo, 'saveSprintReview', {
      processKey: 'INC',
      sprintId: first.sprintId,
      achieved: 'Runbooks for the top ten services',
      next: '',
      kpiReadings: [{ kpiId: 'mttr', value: 3.5 }],
      storyOutcomes: [],
      expectedVersion: 1,
    });
    expect(saved).toMatchObject({ ok: true, data: { outcome: 'saved' } });

    const second = await record(wb.users.asm, 3, { sprintId: first.sprintId });
    expect(second).toMatchObject({ sprintId: first.sprintId, value: 3, changed: true });
    expect(await storedReview(first.sprintId)).toMatchObject({
      version: 3,
      achieved: 'Runbooks for the top ten services',
      kpiReadings: [{ kpiId: 'mttr', value: 3 }],
      updatedBy: wb.users.asm,
    });
    const history = await storedHistory(first.sprintId);
    expect(history.map((entry) => entry.version)).toEqual([1, 2, 3]);
    expect(history[2]?.changes).toEqual([
      { field: 'kpiReadings', before: '[{"kpiId":"mttr","value":3.5}]', after: '[{"kpiId":"mttr","value":3}]' },
    ]);
  });

  it('writes nothing when the review already holds that value', async () => {
    const first = await record(wb.users.apo, 2.5);
    const again = await record(wb.users.apo, 2.5, { sprintId: first.sprintId });
    expect(again).toMatchObject({ sprintId: first.sprintId, changed: false });
    expect(await storedReview(first.sprintId)).toMatchObject({ version: 1 });
    expect(await storedHistory(first.sprintId)).toHaveLength(1);
  });

  it('refuses someone who is neither the APO nor the ASM nor a Jira admin, and stores nothing', async () => {
    const refused = record(wb.users.member, 2);
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ kind: 'forbidden' });
    const { sprintId } = await record(wb.users.apo, 2);
    expect(await storedHistory(sprintId)).toHaveLength(1);
  });

  it('refuses a value that does not fit the KPI’s unit', async () => {
    await expect(record(wb.users.apo, -1)).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('tries again on the fresh review when another save took the version first', async () => {
    const { sprintId } = await record(wb.users.apo, 5);
    const realTransact = kvs.transact.bind(kvs);
    let raced = false;
    // Someone else's save lands between our read and our write, taking version 2.
    const racingSave = async () => {
      const saved = await wb.invoke(wb.users.asm, 'saveSprintReview', {
        processKey: 'INC',
        sprintId,
        achieved: 'Saved in between',
        next: '',
        kpiReadings: [{ kpiId: 'mttr', value: 5 }],
        storyOutcomes: [],
        expectedVersion: 1,
      });
      expect(saved).toMatchObject({ ok: true, data: { outcome: 'saved' } });
    };
    jest.spyOn(kvs, 'transact').mockImplementation(() => {
      const transaction = realTransact();
      if (raced) return transaction;
      raced = true;
      const execute = transaction.execute.bind(transaction);
      transaction.execute = async () => {
        await racingSave();
        return execute();
      };
      return transaction;
    });
    const result = await record(wb.users.apo, 4, { sprintId });
    expect(raced).toBe(true);
    expect(result.changed).toBe(true);
    expect(await storedReview(sprintId)).toMatchObject({
      version: 3,
      achieved: 'Saved in between',
      kpiReadings: [{ kpiId: 'mttr', value: 4 }],
    });
    expect((await storedHistory(sprintId)).map((entry) => entry.by)).toEqual([wb.users.apo, wb.users.asm, wb.users.apo]);
  });
});
