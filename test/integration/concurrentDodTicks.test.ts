import { aProcessInput, aValueStreamInput } from '../builders/catalogBuilders';
import { anImprovementStoryInput } from '../builders/improvementBuilders';
import { resolverAnswers } from '../support/resolverAnswers';
import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';

/**
 * Several people ticking different Definition of Done items of one story at the same instant, with storage and Jira
 * answering as slowly as on Forge (so the saves interleave): every tick is kept, in the app's record and in the
 * issue property that mirrors it, each credited to who made it.
 */
const ITEMS = ['d1', 'd2', 'd3', 'd4', 'd5'];
const TICKERS = ['acc-member-liam', 'acc-member-mei', 'acc-member-noah', 'acc-member-fatima', 'acc-member-tomas'];

let wb: TestWorkbench;
const { ok } = resolverAnswers(() => wb);

beforeEach(async () => {
  wb = await createTestWorkbench();
  const { admin, apo, asm } = wb.users;
  await ok(admin, 'saveValueStream', { valueStream: aValueStreamInput({ ownerAccountId: admin }), expectedVersion: null });
  const definitionOfDone = ITEMS.map((id) => ({ id, text: `Item ${id}` }));
  await ok(admin, 'saveProcess', {
    process: aProcessInput({ key: 'INC', apoAccountId: apo, asmAccountId: asm, definitionOfDone }),
    expectedVersion: null,
  });
});
afterEach(() => {
  wb.expectNoContractViolations();
  wb.close();
});

async function aStory() {
  const { issue } = await ok(wb.users.member, 'createImprovementStory', anImprovementStoryInput());
  const context = { extension: { type: 'jira:issuePanel', issue: { id: issue.id, key: issue.key }, project: { key: 'ITSM' } } };
  // Latency only once the story exists: the race is what is slow, not the set-up.
  wb.host.kvsLatency = { minMs: 5, maxMs: 15 };
  wb.host.jiraLatency = { minMs: 5, maxMs: 25 };
  return { issue, context };
}

/** The property as Jira holds it: who ticked what. */
async function propertyTicks(issueId: string): Promise<Array<[string, string | null]>> {
  const response = await wb.jira.handle({
    method: 'GET',
    pathWithQuery: `/rest/api/3/issue/${issueId}/properties/process-loop-improvement`,
    headers: {},
    caller: { kind: 'user', accountId: wb.users.admin },
  });
  const { value } = JSON.parse(response.body ?? '{}') as {
    value: { dod: Array<{ itemId: string; done: boolean; doneBy: string | null }> };
  };
  return value.dod.filter((check) => check.done).map((check) => [check.itemId, check.doneBy]);
}

describe('people ticking one story’s Definition of Done at once', () => {
  it('keeps all five ticks, in the record and in the property, each credited to who ticked it', async () => {
    const { issue, context } = await aStory();

    await Promise.all(ITEMS.map((itemId, index) => ok(TICKERS[index]!, 'toggleImprovementDod', { itemId, done: true }, context)));

    const expected = ITEMS.map((itemId, index) => [itemId, TICKERS[index]!]);
    const panel = await ok(wb.users.apo, 'getIssueImprovement', {}, context);
    expect(panel.record.state).toBe('verified');
    expect(panel.dod.filter((check) => check.done).map((check) => [check.itemId, check.doneBy])).toEqual(expected);
    expect(await propertyTicks(issue.id)).toEqual(expected);
  });

  it('keeps ticks and unticks of different items and an outcome recorded meanwhile', async () => {
    const { issue, context } = await aStory();
    const [first, second] = TICKERS;
    await ok(first!, 'toggleImprovementDod', { itemId: 'd1', done: true }, context);
    await ok(first!, 'toggleImprovementDod', { itemId: 'd2', done: true }, context);

    await Promise.all([
      ok(first!, 'toggleImprovementDod', { itemId: 'd1', done: false }, context),
      ok(second!, 'toggleImprovementDod', { itemId: 'd3', done: true }, context),
      ok(wb.users.apo, 'recordImprovementOutcome', { outcome: { value: 'confirmed', note: 'MTTR fell' } }, context),
    ]);

    const panel = await ok(wb.users.asm, 'getIssueImprovement', {}, context);
    expect(panel.record.state).toBe('verified');
    expect(panel.outcome).toMatchObject({ value: 'confirmed', by: wb.users.apo });
    expect(panel.dod.filter((check) => check.done).map((check) => [check.itemId, check.doneBy])).toEqual([
      ['d2', first],
      ['d3', second],
    ]);
    expect(await propertyTicks(issue.id)).toEqual([
      ['d2', first],
      ['d3', second],
    ]);
  });
});
