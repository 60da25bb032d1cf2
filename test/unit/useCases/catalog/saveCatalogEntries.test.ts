import { aProcessInput, aValueStreamInput } from '../../../builders/catalogBuilders';
import { createTestWorkbench, type TestWorkbench } from '../../../support/testWorkbench';
import { actorsOf, runAs } from '../../../support/useCaseInvocation';
import { getCatalog } from '../../../../src/useCases/catalog/getCatalog';
import { saveProcess, saveValueStream } from '../../../../src/useCases/catalog/saveCatalogEntries';
import type { Actor } from '../../../../src/useCases/actor';

/** Saving catalog entries with plain input and an actor: who may, conflicts, and what the viewer then may edit. */
let wb: TestWorkbench;
let actors: ReturnType<typeof actorsOf>;

beforeEach(async () => {
  wb = await createTestWorkbench();
  actors = actorsOf(wb);
});
afterEach(() => {
  wb.expectNoContractViolations();
  wb.close();
});

const process = () =>
  aProcessInput({ key: 'INC', apoAccountId: wb.users.apo, asmAccountId: wb.users.asm, valueStreamKey: null, stageId: null });
const save = (actor: Actor, expectedVersion: number | null, input = process()) =>
  runAs(wb, actor, () => saveProcess({ process: input, expectedVersion }, actor));

describe('saveProcess', () => {
  it('saves a new process for an admin, then reports a conflict to a save made from an older version', async () => {
    const admin = actors.user(wb.users.admin);
    expect(await save(admin, null)).toMatchObject({ outcome: 'saved', record: { key: 'INC', version: 1 } });
    await save(admin, 1, { ...process(), name: 'Renamed first' });
    const stale = await save(admin, 1, { ...process(), name: 'Renamed from version 1' });
    expect(stale).toMatchObject({ outcome: 'conflict', current: { name: 'Renamed first', version: 2 } });
  });

  it('refuses a second new process with a key already taken', async () => {
    const admin = actors.user(wb.users.admin);
    await save(admin, null);
    await expect(save(admin, null)).rejects.toMatchObject({ kind: 'invalid', details: { fields: { key: expect.any(String) } } });
  });

  it('lets the APO edit their process but refuses a member', async () => {
    await save(actors.user(wb.users.admin), null);
    await expect(save(actors.user(wb.users.member), 1, { ...process(), purpose: 'Mine now' })).rejects.toMatchObject({ kind: 'forbidden' });
    expect(await save(actors.user(wb.users.apo), 1, { ...process(), purpose: 'Restore faster' })).toMatchObject({
      outcome: 'saved',
      record: { version: 2 },
    });
  });

  it('refuses people Jira does not know, naming the field', async () => {
    const admin = actors.user(wb.users.admin);
    await expect(save(admin, null, { ...process(), asmAccountId: 'nobody-at-all' })).rejects.toMatchObject({
      kind: 'invalid',
      details: { fields: { asmAccountId: expect.any(String) } },
    });
  });

  it('is a person’s act: the app cannot save', async () => {
    await expect(save(actors.app, null)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('getCatalog', () => {
  it('tells each viewer what they may edit', async () => {
    const admin = actors.user(wb.users.admin);
    await runAs(wb, admin, () =>
      saveValueStream({ valueStream: aValueStreamInput({ ownerAccountId: wb.users.asm }), expectedVersion: null }, admin),
    );
    await save(admin, null);
    const asApo = await runAs(wb, actors.user(wb.users.apo), () => getCatalog(actors.user(wb.users.apo)));
    expect(asApo.viewer).toMatchObject({
      isJiraAdmin: false,
      editableProcessKeys: ['INC'],
      editableValueStreamKeys: [],
      canCreateValueStream: false,
    });
    const asOwner = await runAs(wb, actors.user(wb.users.asm), () => getCatalog(actors.user(wb.users.asm)));
    expect(asOwner.viewer).toMatchObject({ editableProcessKeys: [], editableValueStreamKeys: ['RUN'], processCreationStreamKeys: ['RUN'] });
  });
});
