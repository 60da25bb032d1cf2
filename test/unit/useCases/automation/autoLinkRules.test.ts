import { aProcessInput } from '../../../builders/catalogBuilders';
import { createTestWorkbench, type TestWorkbench } from '../../../support/testWorkbench';
import { actorsOf, runAs } from '../../../support/useCaseInvocation';
import { getAutomationSettings, saveAutoLinkRules } from '../../../../src/useCases/automation/autoLinkRules';
import { saveProcess } from '../../../../src/useCases/catalog/saveCatalogEntries';
import { rotateWebTriggerSecret } from '../../../../src/useCases/automation/webTriggerSecret';
import type { AutoLinkRule } from '../../../../src/domain/autoLink/autoLinkRules';

/** Auto-link rules and the web trigger's secret: Jira admins change them; everyone reads the rules, only admins the secret. */
let wb: TestWorkbench;
let actors: ReturnType<typeof actorsOf>;

beforeEach(async () => {
  wb = await createTestWorkbench();
  actors = actorsOf(wb);
  const admin = actors.user(wb.users.admin);
  const process = aProcessInput({
    key: 'INC',
    apoAccountId: wb.users.apo,
    asmAccountId: wb.users.asm,
    valueStreamKey: null,
    stageId: null,
  });
  await runAs(wb, admin, () => saveProcess({ process, expectedVersion: null }, admin));
});
afterEach(() => wb.close());

const rule = (overrides: Partial<AutoLinkRule> = {}): AutoLinkRule => ({
  id: 'r1',
  kind: 'label',
  value: 'outage',
  processKey: 'INC',
  ...overrides,
});

describe('saveAutoLinkRules', () => {
  it('saves for an admin, recording who, and reports a conflict to a stale version', async () => {
    const admin = actors.user(wb.users.admin);
    const saved = await runAs(wb, admin, () => saveAutoLinkRules({ rules: [rule()], expectedVersion: 0 }, admin));
    expect(saved).toMatchObject({ outcome: 'saved', autoLinkRules: { version: 1, updatedBy: wb.users.admin, rules: [rule()] } });
    const stale = await runAs(wb, admin, () => saveAutoLinkRules({ rules: [], expectedVersion: 0 }, admin));
    expect(stale).toMatchObject({ outcome: 'conflict', autoLinkRules: { version: 1 } });
  });

  it('refuses someone who is not a Jira admin', async () => {
    const apo = actors.user(wb.users.apo);
    await expect(runAs(wb, apo, () => saveAutoLinkRules({ rules: [rule()], expectedVersion: 0 }, apo))).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });

  it('names each rule that points at no usable process, and duplicate ids', async () => {
    const admin = actors.user(wb.users.admin);
    const rules = [rule(), rule({ processKey: 'GONE' })];
    await expect(runAs(wb, admin, () => saveAutoLinkRules({ rules, expectedVersion: 0 }, admin))).rejects.toMatchObject({
      kind: 'invalid',
      details: { fields: { 'rules.1.processKey': expect.any(String), rules: 'Rule ids must be unique.' } },
    });
  });
});

describe('the web trigger secret', () => {
  it('is shown to admins only, after an admin rotated it', async () => {
    const admin = actors.user(wb.users.admin);
    const member = actors.user(wb.users.member);
    await expect(runAs(wb, member, () => rotateWebTriggerSecret(member))).rejects.toMatchObject({ kind: 'forbidden' });
    const rotated = await runAs(wb, admin, () => rotateWebTriggerSecret(admin));
    expect(rotated.secret).toMatch(/^[0-9a-f]{64}$/);
    const asMember = await runAs(wb, member, () => getAutomationSettings(member));
    expect(asMember.webTrigger).toMatchObject({ secret: null, rotatedBy: wb.users.admin });
    const asAdmin = await runAs(wb, admin, () => getAutomationSettings(admin));
    expect(asAdmin.webTrigger.secret).toBe(rotated.secret);
  });
});
