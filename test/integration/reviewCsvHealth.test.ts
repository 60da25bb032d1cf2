import { DEMO_BOARD_ID, DEMO_SPRINT_IDS } from '../../workbench/datasets/demoDataset';
import { aProcessInput, aProcessLinkProperty, aValueStreamInput } from '../builders/catalogBuilders';
import { aSprintReviewInput } from '../builders/improvementBuilders';
import { resolverAnswers } from '../support/resolverAnswers';
import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';
import { setIssuePropertyAsApp } from '../support/issueProperties';

/**
 * The process's review export (exportProcessReviewsCsv) with sprint health: a sprint whose health
 * is frozen (closed) fills the health columns from the process's row of that result; a sprint
 * without one (active, or never opened) leaves them empty.
 */
let wb: TestWorkbench;
const { ok, health } = resolverAnswers(() => wb);

async function linkToInc(sprintId: number, count: number): Promise<void> {
  const search = await wb.jira.handle({
    method: 'POST',
    pathWithQuery: '/rest/api/3/search/jql',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jql: `sprint = ${sprintId}`, fields: ['id'], maxResults: 5000 }),
    caller: { kind: 'app' },
  });
  const issues = (JSON.parse(search.body) as { issues: Array<{ key: string }> }).issues.slice(0, count);
  for (const { key } of issues) await setIssuePropertyAsApp(wb, key, 'process-loop-link', aProcessLinkProperty(wb.users.admin));
}

/** The CSV as header → cell per data row (the fields used here hold no commas or quotes). */
function rowsOf(csv: string): Array<Record<string, string>> {
  const [header, ...lines] = csv.split('\r\n').filter((line) => line !== '');
  const names = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, index) => [names[index] ?? `#${index}`, cell])));
}

beforeEach(async () => {
  wb = await createTestWorkbench();
  const { admin, apo, asm } = wb.users;
  await ok(admin, 'saveValueStream', { valueStream: aValueStreamInput({ ownerAccountId: admin }), expectedVersion: null });
  await ok(admin, 'saveProcess', {
    process: aProcessInput({ apoAccountId: apo, asmAccountId: asm, kpis: [], definitionOfDone: [] }),
    expectedVersion: null,
  });
});
afterEach(() => {
  wb.expectNoContractViolations();
  wb.close();
});

const closed = DEMO_SPRINT_IDS.closed[5];
const closedUnopened = DEMO_SPRINT_IDS.closed[4];
const active = DEMO_SPRINT_IDS.active;

describe('exporting a process’s reviews with sprint health', () => {
  it('fills health, score and say/do from frozen results, and leaves sprints without one empty', async () => {
    const { apo, member } = wb.users;
    await linkToInc(closed, 6);
    await linkToInc(active, 3);
    for (const sprintId of [closed, closedUnopened, active])
      await ok(apo, 'saveSprintReview', aSprintReviewInput({ sprintId, achieved: `Review of ${sprintId}` }));
    const frozen = await health(member, { boardId: DEMO_BOARD_ID, sprintId: closed }, 'ready');
    const inc = frozen.rows.find((row) => row.processKey === 'INC')!;
    expect(frozen.frozen).toBe(true);
    expect(inc.health.band).toMatch(/^(green|amber|red)$/);
    // The active sprint has a computed result, but not a frozen one: its numbers are not final.
    expect(await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: active })).toMatchObject({ frozen: false });

    const { csv } = await ok(member, 'exportProcessReviewsCsv', { processKey: 'INC' });
    const rows = rowsOf(csv);
    const bySprint = new Map(rows.map((row) => [Number(row['Sprint id']), row]));
    expect([...bySprint.keys()].sort()).toEqual([closed, closedUnopened, active].sort());

    const sayDo = inc.metrics.sayDoPct === null ? '' : String(Math.round(inc.metrics.sayDoPct * 10) / 10);
    expect(bySprint.get(closed)).toMatchObject({
      Health: inc.health.band,
      'Health score': String(inc.health.score ?? ''),
      // No start snapshot in the demo: the score counts criteria resting on incomplete data, as the lozenge says.
      'Health data': 'incomplete',
      'Say/do %': sayDo,
    });
    for (const sprintId of [closedUnopened, active])
      expect(bySprint.get(sprintId)).toMatchObject({ Health: '', 'Health score': '', 'Health data': '', 'Say/do %': '' });
  });

  it('leaves the columns empty for a frozen sprint in which the process had no work', async () => {
    const { apo, member } = wb.users;
    await ok(apo, 'saveSprintReview', aSprintReviewInput({ sprintId: closed }));
    expect(await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: closed })).toMatchObject({ frozen: true });

    const { csv } = await ok(member, 'exportProcessReviewsCsv', { processKey: 'INC' });
    expect(rowsOf(csv)[0]).toMatchObject({
      'Sprint id': String(closed),
      Health: '',
      'Health score': '',
      'Health data': '',
      'Say/do %': '',
    });
  });
});
