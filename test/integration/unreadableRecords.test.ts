import { kvs } from '@forge/kvs';
import { aProcessInput } from '../builders/catalogBuilders';
import { seedIncidentProcess } from '../support/improvementSeed';
import { resolverAnswers } from '../support/resolverAnswers';
import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';
import { asUser } from '../support/useCaseInvocation';

/**
 * A stored record this version of the app cannot read (written by another version, or damaged) is reported in
 * plain words and kept exactly as it is: no save, and no "create" of the same key, may replace it.
 */
let wb: TestWorkbench;
const { invoke, ok } = resolverAnswers(() => wb);

/** What a newer version of the app might have stored: a record version this one does not know. */
const fromAnotherVersion = { schemaVersion: 7, data: { written: 'by a later version' } };

beforeEach(async () => {
  wb = await createTestWorkbench();
  await seedIncidentProcess(wb);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  jest.restoreAllMocks();
  wb.expectNoContractViolations();
  wb.close();
});

const store = (key: string, value: unknown) => asUser(wb, wb.users.admin, () => kvs.set(key, value));
const storedUnder = (key: string) => asUser(wb, wb.users.admin, () => kvs.get(key));
const unreadable = (what: RegExp) => ({ ok: false, error: { code: 'UNREADABLE', message: expect.stringMatching(what) } });

describe('unreadable stored records', () => {
  it('refuses to create a process over an unreadable one, and keeps the rest of the catalog usable', async () => {
    const { admin, apo, asm } = wb.users;
    await store('process:CHG', fromAnotherVersion);
    const created = await invoke(admin, 'saveProcess', {
      process: aProcessInput({ key: 'CHG', name: 'Change enablement', apoAccountId: apo, asmAccountId: asm }),
      expectedVersion: null,
    });
    expect(created).toEqual(unreadable(/process CHG can't be read.*kept as it is/));
    expect(await storedUnder('process:CHG')).toEqual(fromAnotherVersion);
    expect((await ok(admin, 'getCatalog', {})).processes.map((process) => process.key)).toEqual(['INC']);
  });

  it('reports unreadable auto-link rules to the admin and never saves over them', async () => {
    const { admin } = wb.users;
    await store('auto-link-rules', fromAnotherVersion);
    expect(await invoke(admin, 'getAutomationSettings', {})).toEqual(unreadable(/auto-link rules can't be read/));
    const rules = [{ id: 'outages', kind: 'label', value: 'outage', processKey: 'INC' }];
    expect(await invoke(admin, 'saveAutoLinkRules', { rules, expectedVersion: 0 })).toEqual(unreadable(/auto-link rules/));
    expect(await storedUnder('auto-link-rules')).toEqual(fromAnotherVersion);
  });

  it('reports unreadable health settings and never saves over them', async () => {
    const { admin } = wb.users;
    const { defaults } = await ok(admin, 'getHealthSettings', {});
    await store('sprint-health:settings', fromAnotherVersion);
    expect(await invoke(admin, 'getHealthSettings', {})).toEqual(unreadable(/health settings can't be read/));
    expect(await invoke(admin, 'saveHealthSettings', { settings: defaults, expectedVersion: 0 })).toEqual(unreadable(/health settings/));
    expect(await storedUnder('sprint-health:settings')).toEqual(fromAnotherVersion);
  });

  it('reports an unreadable review instead of answering every save with a conflict, and keeps it', async () => {
    const { apo } = wb.users;
    const sprintId = (await ok(apo, 'getSprintReview', { processKey: 'INC', sprintId: null })).sprint.id;
    await store(`sprint-review:INC:${sprintId}`, fromAnotherVersion);
    for (const expectedVersion of [null, 1]) {
      const saved = await invoke(apo, 'saveSprintReview', {
        processKey: 'INC',
        sprintId,
        achieved: 'Runbooks',
        next: '',
        kpiReadings: [],
        storyOutcomes: [],
        expectedVersion,
      });
      expect(saved).toEqual(unreadable(new RegExp(`review of INC for sprint ${sprintId} can't be read`)));
    }
    expect(await storedUnder(`sprint-review:INC:${sprintId}`)).toEqual(fromAnotherVersion);
  });
});
