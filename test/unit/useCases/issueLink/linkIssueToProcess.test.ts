import { aProcessInput, aValueStreamInput } from '../../../builders/catalogBuilders';
import { createTestWorkbench, type TestWorkbench } from '../../../support/testWorkbench';
import { actorsOf, runAs } from '../../../support/useCaseInvocation';
import { saveProcess, saveValueStream } from '../../../../src/useCases/catalog/saveCatalogEntries';
import {
  APP_LINKED_BY,
  linkIssueToProcess,
  WEB_TRIGGER_LINKED_BY,
  type LinkIssueInput,
} from '../../../../src/useCases/issueLink/linkIssueToProcess';
import type { Actor } from '../../../../src/useCases/actor';
import type { StoredIssue } from '../../../../workbench/jira/jiraState';
import { issuePropertyAsApp } from '../../../support/issueProperties';

/**
 * One use case links an issue to a process for the issue panel, the automation action, the web trigger and
 * inheritance: each source with its actor, against the in-memory workbench (its Jira decides permissions).
 */
let wb: TestWorkbench;
let actors: ReturnType<typeof actorsOf>;

beforeEach(async () => {
  wb = await createTestWorkbench();
  actors = actorsOf(wb);
  const admin = actors.user(wb.users.admin);
  await runAs(wb, admin, () =>
    saveValueStream({ valueStream: aValueStreamInput({ ownerAccountId: wb.users.admin }), expectedVersion: null }, admin),
  );
  for (const process of [
    aProcessInput({ key: 'INC', apoAccountId: wb.users.apo, asmAccountId: wb.users.asm, stageId: 'detect' }),
    aProcessInput({ key: 'CHG', name: 'Change enablement', apoAccountId: wb.users.apo, asmAccountId: wb.users.asm, stageId: 'resolve' }),
  ]) {
    await runAs(wb, admin, () => saveProcess({ process, expectedVersion: null }, admin));
  }
});
afterEach(() => {
  wb.expectNoContractViolations();
  wb.close();
});

const anIssue = (): StoredIssue =>
  wb.jira.createIssue({ projectKey: 'ITSM', issueTypeId: '10001', summary: 'Printer on fire', reporterAccountId: wb.users.member });

const link = (input: Omit<LinkIssueInput, 'stageId'> & { stageId?: string | null }, actor: Actor) =>
  runAs(wb, actor, () => linkIssueToProcess({ stageId: null, ...input }, actor));

const storedLink = (key: string) => issuePropertyAsApp(wb, key, 'process-loop-link');

const writes = () => wb.jira.requestLog.filter((entry) => entry.method === 'PUT' && entry.path.endsWith('/properties/process-loop-link'));

describe('linkIssueToProcess, a person on the issue panel', () => {
  it('writes the link as the person, each time they choose it', async () => {
    const issue = anIssue();
    const member = actors.user(wb.users.member);
    const first = await link({ issue: { id: issue.id, key: issue.key }, processKey: 'INC', source: 'person' }, member);
    await link({ issue: { id: issue.id, key: issue.key }, processKey: 'INC', source: 'person' }, member);
    expect(first).toMatchObject({ issueKey: issue.key, changed: true, link: { processKey: 'INC', stageName: 'Detect' } });
    expect(await storedLink(issue.key)).toMatchObject({ processKey: 'INC', source: 'person', linkedBy: wb.users.member });
    expect(writes().map((entry) => entry.caller)).toEqual(['user', 'user']);
  });

  it('is refused by Jira for someone who may only browse the issue, and writes nothing', async () => {
    const issue = anIssue();
    const viewer = actors.user(wb.users.viewer);
    await expect(link({ issue: { id: issue.id, key: issue.key }, processKey: 'INC', source: 'person' }, viewer)).rejects.toMatchObject({
      kind: 'forbidden',
    });
    expect(await storedLink(issue.key)).toBeUndefined();
  });

  it('is never made by the app', async () => {
    const issue = anIssue();
    await expect(link({ issue: { id: issue.id, key: issue.key }, processKey: 'INC', source: 'person' }, actors.app)).rejects.toMatchObject({
      kind: 'forbidden',
    });
    expect(writes()).toHaveLength(0);
  });
});

describe('linkIssueToProcess, the automation action (as the rule actor)', () => {
  it('looks the issue up by key and writes once when the rule runs twice', async () => {
    const issue = anIssue();
    const member = actors.user(wb.users.member);
    const first = await link({ issue: { key: issue.key }, processKey: 'CHG', stageId: 'detect', source: 'automation' }, member);
    const again = await link({ issue: { key: issue.key }, processKey: 'CHG', stageId: 'detect', source: 'automation' }, member);
    expect([first.changed, again.changed]).toEqual([true, false]);
    expect(again.link).toMatchObject({ processKey: 'CHG', stageName: 'Detect' });
    expect(writes()).toHaveLength(1);
    expect(await storedLink(issue.key)).toMatchObject({ source: 'automation', linkedBy: wb.users.member });
  });

  it('refuses a rule actor who may not edit the issue even when nothing would change', async () => {
    const issue = anIssue();
    await link({ issue: { key: issue.key }, processKey: 'INC', source: 'automation' }, actors.user(wb.users.member));
    const viewer = actors.user(wb.users.viewer);
    await expect(link({ issue: { key: issue.key }, processKey: 'INC', source: 'automation' }, viewer)).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });

  it('answers not-found for an issue the actor cannot see', async () => {
    const outsider = actors.user(wb.users.outsider);
    await expect(link({ issue: { key: anIssue().key }, processKey: 'INC', source: 'automation' }, outsider)).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(
      link({ issue: { key: 'ITSM-999999' }, processKey: 'INC', source: 'automation' }, actors.user(wb.users.member)),
    ).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});

describe('linkIssueToProcess, the web trigger (as the app)', () => {
  it('records the web trigger as the one who linked', async () => {
    const issue = anIssue();
    const result = await link({ issue: { key: issue.key }, processKey: 'INC', source: 'automation' }, actors.app);
    expect(result).toMatchObject({ changed: true, issueKey: issue.key });
    expect(await storedLink(issue.key)).toMatchObject({ processKey: 'INC', source: 'automation', linkedBy: WEB_TRIGGER_LINKED_BY });
    expect(writes().map((entry) => entry.caller)).toEqual(['app']);
  });

  it('refuses an unknown process and writes nothing', async () => {
    const issue = anIssue();
    await expect(link({ issue: { key: issue.key }, processKey: 'NOPE', source: 'automation' }, actors.app)).rejects.toMatchObject({
      kind: 'invalid',
      details: { fields: { processKey: expect.any(String) } },
    });
    expect(writes()).toHaveLength(0);
  });
});

describe('linkIssueToProcess, inheritance and auto-link rules (as the app)', () => {
  it('replaces a link the app set, recording the new reason', async () => {
    const issue = anIssue();
    await link({ issue: { key: issue.key }, processKey: 'INC', source: 'inherited' }, actors.app);
    const byRule = await link({ issue: { key: issue.key }, processKey: 'INC', source: 'auto-rule' }, actors.app);
    expect(byRule.changed).toBe(true);
    expect(await storedLink(issue.key)).toMatchObject({ processKey: 'INC', source: 'auto-rule', linkedBy: APP_LINKED_BY });
  });

  it('writes an inherited link once when the event comes twice', async () => {
    const issue = anIssue();
    await link({ issue: { key: issue.key }, processKey: 'INC', source: 'inherited' }, actors.app);
    const again = await link({ issue: { key: issue.key }, processKey: 'INC', source: 'inherited' }, actors.app);
    expect(again.changed).toBe(false);
    expect(writes()).toHaveLength(1);
  });

  it('never overwrites a link a person set', async () => {
    const issue = anIssue();
    await link({ issue: { id: issue.id, key: issue.key }, processKey: 'INC', source: 'person' }, actors.user(wb.users.member));
    const inherited = await link({ issue: { key: issue.key }, processKey: 'CHG', source: 'inherited' }, actors.app);
    expect(inherited).toMatchObject({ changed: false, link: { processKey: 'INC', source: 'person' } });
    expect(await storedLink(issue.key)).toMatchObject({ processKey: 'INC', source: 'person' });
  });

  it('is the app’s alone: a user cannot set an inherited link', async () => {
    const member = actors.user(wb.users.member);
    await expect(link({ issue: { key: anIssue().key }, processKey: 'INC', source: 'inherited' }, member)).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });
});
