import { aProcessInput, aValueStreamInput } from '../builders/catalogBuilders';
import { anImprovementStoryInput, aSprintReviewInput } from '../builders/improvementBuilders';
import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';
import type { Dataset } from '../../workbench/datasets/datasetSchema';
import { buildDemoDataset } from '../../workbench/datasets/demoDataset';

/**
 * Improvements through the emulated Forge runtime: the install trigger, enabling the issue type,
 * improvement stories, the backlog and the sprint review.
 */
let wb: TestWorkbench;
/** The platform's Jira is the stand-in: tests read and move issues directly. */
const standIn = () => wb.jira;

const OPS_PAGE = { extension: { type: 'jira:projectPage', project: { id: '10001', key: 'OPS', type: 'software' } } };
const INSTALLED = 'avi:forge:installed:app';

type Ok<T = Record<string, unknown>> = { ok: true; data: T };
const data = <T = Record<string, unknown>>(result: unknown): T => {
  expect(result).toMatchObject({ ok: true });
  return (result as Ok<T>).data;
};

async function jiraAsApp(method: string, pathWithQuery: string) {
  const response = await wb.jira.handle({ method, pathWithQuery, headers: {}, caller: { kind: 'app' } });
  return { status: response.status, body: response.body ? JSON.parse(response.body) : undefined };
}

async function jql(accountId: string, query: string): Promise<string[]> {
  const response = await wb.jira.handle({
    method: 'POST',
    pathWithQuery: '/rest/api/3/search/jql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jql: query, fields: ['summary'] }),
    caller: { kind: 'user', accountId },
  });
  return (JSON.parse(response.body).issues as Array<{ key: string }>).map((issue) => issue.key);
}

async function issueContext(key: string) {
  const { body } = await jiraAsApp('GET', `/rest/api/3/issue/${key}?fields=project,issuetype`);
  return {
    extension: {
      type: 'jira:issuePanel',
      issue: { id: body.id, key: body.key, type: body.fields.issuetype.name },
      project: { id: body.fields.project.id, key: body.fields.project.key, type: 'software' },
    },
  };
}

const improvementTypes = async () =>
  ((await jiraAsApp('GET', '/rest/api/3/issuetype')).body as Array<{ id: string; name: string }>).filter(
    (type) => type.name === 'Process Improvement',
  );
const writesTo = (fragment: string) => wb.jira.requestLog.filter((entry) => entry.method !== 'GET' && entry.path.includes(fragment));
const jiraWrites = () => wb.jira.requestLog.filter((entry) => entry.method !== 'GET' && entry.path !== '/rest/api/3/search/jql');
const kvsSnapshot = () => JSON.stringify(wb.store.entries('kvs'));

async function seedCatalog() {
  const { admin, apo, asm } = wb.users;
  data(await wb.invoke(admin, 'saveValueStream', { valueStream: aValueStreamInput({ ownerAccountId: admin }), expectedVersion: null }));
  const kpis = [
    { id: 'mttr', name: 'Mean time to restore', unit: 'hours', direction: 'lower' as const, target: 4 },
    { id: 'fcr', name: 'First contact resolution', unit: '%', direction: 'higher' as const, target: 70 },
    { id: 'reopened', name: 'Reopened tickets', unit: 'tickets', direction: 'lower' as const, target: 3 },
  ];
  const definitionOfDone = [
    { id: 'runbook', text: 'Runbook updated' },
    { id: 'measured', text: 'Measure taken after two weeks' },
  ];
  data(
    await wb.invoke(admin, 'saveProcess', {
      process: aProcessInput({ apoAccountId: apo, asmAccountId: asm, kpis, definitionOfDone }),
      expectedVersion: null,
    }),
  );
  data(
    await wb.invoke(admin, 'saveProcess', {
      process: aProcessInput({
        key: 'CHG',
        name: 'Change enablement',
        apoAccountId: apo,
        asmAccountId: null,
        kpis: [],
        definitionOfDone: [],
      }),
      expectedVersion: null,
    }),
  );
}

async function installAndEnable() {
  await wb.deliverEvent(INSTALLED, {});
  data(await wb.invoke(wb.users.admin, 'enableImprovementsForProject', {}));
}

type Created = { outcome: string; issue: { id: string; key: string } };
async function createStory(
  overrides: Parameters<typeof anImprovementStoryInput>[0] = {},
  accountId = wb.users.member,
  context?: Record<string, unknown>,
) {
  return data<Created>(await wb.invoke(accountId, 'createImprovementStory', anImprovementStoryInput(overrides), context)).issue;
}

function datasetWithType(type: Dataset['issueTypes'][number]): Dataset {
  const dataset = structuredClone(buildDemoDataset());
  dataset.issueTypes.push(type);
  return dataset;
}

afterEach(() => {
  wb.expectNoContractViolations();
  wb.close();
});

describe('the Process Improvement issue type', () => {
  beforeEach(async () => {
    wb = await createTestWorkbench();
  });

  it('is created once on install, however often the event is delivered', async () => {
    const first = await wb.deliverEvent(INSTALLED, {});
    expect(first).toMatchObject([{ outcome: 'ok', result: { outcome: 'created' } }]);
    const second = await wb.deliverEvent(INSTALLED, {});
    expect(second).toMatchObject([{ outcome: 'ok', result: { outcome: 'existing' } }]);
    expect(await improvementTypes()).toHaveLength(1);
    expect(writesTo('/rest/api/3/issuetype')).toHaveLength(1);
    expect(writesTo('/rest/api/3/issuetype')[0]?.caller).toBe('app');
  });

  it('adds the type to a company-managed project’s scheme for a Jira admin', async () => {
    await wb.deliverEvent(INSTALLED, {});
    const before = data<{ canEnable: boolean; enabledInProject: boolean; mode: string }>(
      await wb.invoke(wb.users.admin, 'getImprovementSetup', {}),
    );
    expect(before).toMatchObject({ canEnable: true, enabledInProject: false, mode: 'property' });
    const enabled = data(await wb.invoke(wb.users.admin, 'enableImprovementsForProject', {}));
    expect(enabled).toMatchObject({
      outcome: 'enabled',
      setup: { enabledInProject: true, mode: 'issue-type', storyIssueType: { name: 'Process Improvement' }, canEnable: false },
    });
    const [type] = await improvementTypes();
    const projectTypes = (await jiraAsApp('GET', '/rest/api/3/issuetype/project?projectId=10000')).body as Array<{ id: string }>;
    expect(projectTypes.map((candidate) => candidate.id)).toContain(type?.id);
    const again = data(await wb.invoke(wb.users.admin, 'enableImprovementsForProject', {}));
    expect(again).toMatchObject({ outcome: 'already-enabled' });
    expect(writesTo('/issuetypescheme/')).toHaveLength(1);
  });

  it('explains, and changes nothing, for a team-managed project', async () => {
    await wb.deliverEvent(INSTALLED, {});
    const result = data(await wb.invoke(wb.users.admin, 'enableImprovementsForProject', {}, OPS_PAGE));
    expect(result).toMatchObject({
      outcome: 'instructions',
      setup: {
        project: { key: 'OPS', style: 'team-managed' },
        mode: 'property',
        canEnable: false,
        teamManagedSteps: expect.arrayContaining([expect.any(String)]),
      },
    });
    expect(writesTo('/issuetypescheme/')).toHaveLength(0);
  });

  it('refuses a non-admin and tells them why', async () => {
    await wb.deliverEvent(INSTALLED, {});
    const setup = data(await wb.invoke(wb.users.apo, 'getImprovementSetup', {}));
    expect(setup).toMatchObject({ canEnable: false, enableReason: expect.stringContaining('administrators') });
    const refused = await wb.invoke(wb.users.apo, 'enableImprovementsForProject', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(writesTo('/issuetypescheme/')).toHaveLength(0);
  });
});

describe('existing issue types of the same name', () => {
  it('adopts a standard type of that name instead of creating one', async () => {
    wb = await createTestWorkbench({
      dataset: datasetWithType({
        id: '10200',
        name: 'Process Improvement',
        description: 'made by hand',
        subtask: false,
        hierarchyLevel: 0,
      }),
    });
    const result = await wb.deliverEvent(INSTALLED, {});
    expect(result).toMatchObject([{ outcome: 'ok', result: { outcome: 'existing', typeId: '10200' } }]);
    expect(writesTo('/rest/api/3/issuetype')).toHaveLength(0);
  });

  it('reports a collision with an unrelated type and leaves it alone', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    wb = await createTestWorkbench({
      dataset: datasetWithType({ id: '10200', name: 'Process Improvement', description: 'a sub-task', subtask: true, hierarchyLevel: -1 }),
    });
    const result = await wb.deliverEvent(INSTALLED, {});
    expect(result).toMatchObject([{ outcome: 'ok', result: { outcome: 'collision' } }]);
    expect(writesTo('/rest/api/3/issuetype')).toHaveLength(0);
    const setup = data(await wb.invoke(wb.users.admin, 'getImprovementSetup', {}));
    expect(setup).toMatchObject({
      issueType: null,
      issueTypeProblem: expect.stringContaining('not a standard issue type'),
      canEnable: false,
    });
    const refused = await wb.invoke(wb.users.admin, 'enableImprovementsForProject', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'JIRA_ERROR' } });
    expect(await improvementTypes()).toEqual([expect.objectContaining({ id: '10200' })]);
  });
});

describe('improvement stories', () => {
  beforeEach(async () => {
    wb = await createTestWorkbench();
    await seedCatalog();
    await installAndEnable();
  });

  it('creates the story as the member with both properties, findable by the JQL aliases', async () => {
    wb.jira.clearRequestLog();
    const issue = await createStory();
    const stored = standIn().issue(issue.key);
    expect(stored).toMatchObject({
      reporterAccountId: wb.users.member,
      summary: expect.stringMatching(/^As a service desk agent I want .* so that restores are faster$/),
    });
    // The issue, then the improvement property and the process link: all as the user.
    expect(jiraWrites().map((entry) => [entry.method, entry.path, entry.caller])).toEqual([
      ['POST', '/rest/api/3/issue', 'user'],
      ['PUT', `/rest/api/3/issue/${issue.id}/properties/process-loop-improvement`, 'user'],
      ['PUT', `/rest/api/3/issue/${issue.id}/properties/process-loop-link`, 'user'],
    ]);
    const panel = data(await wb.invoke(wb.users.member, 'getIssueImprovement', {}, await issueContext(issue.key)));
    expect(panel).toMatchObject({
      issue: { issueTypeName: 'Process Improvement' },
      improvement: { processKey: 'INC', score: 2, measure: { kpiId: 'mttr', unit: 'hours', baseline: 8, target: 6 }, outcome: null },
      dod: [
        { itemId: 'runbook', done: false },
        { itemId: 'measured', done: false },
      ],
      dodProgress: { done: 0, total: 2 },
    });
    expect(
      await jql(wb.users.member, 'asmProcess = INC AND asmImprovementProcess = INC AND asmBenefitCost = 2 AND asmOutcome IS EMPTY'),
    ).toEqual([issue.key]);
  });

  it('creates a property-marked story in a team-managed project', async () => {
    const issue = await createStory({}, wb.users.member, OPS_PAGE);
    expect(issue.key).toMatch(/^OPS-/);
    expect(standIn().issue(issue.key)?.properties['process-loop-improvement']).toMatchObject({ processKey: 'INC' });
    expect(await jql(wb.users.member, 'project = OPS AND asmImprovementProcess = INC')).toEqual([issue.key]);
  });

  it.each([
    ['a missing hypothesis', { ...anImprovementStoryInput(), hypothesis: undefined }, 'hypothesis'],
    ['a benefit outside 1–5', anImprovementStoryInput({ benefit: 7 }), 'benefit'],
    ['a spoofed project', { ...anImprovementStoryInput(), projectKey: 'OPS' }, '(payload)'],
    [
      'a percentage over 100',
      anImprovementStoryInput({ measure: { kpiId: 'fcr', description: 'FCR', baseline: 60, target: 140, unit: '' } }),
      'measure.target',
    ],
    [
      'a KPI of another process',
      anImprovementStoryInput({ measure: { kpiId: 'nope', description: 'x', baseline: 1, target: 2, unit: '' } }),
      'measure.kpiId',
    ],
  ])('refuses %s and changes nothing', async (_what, payload, field) => {
    const kvsBefore = kvsSnapshot();
    wb.jira.clearRequestLog();
    const result = await wb.invoke(wb.users.member, 'createImprovementStory', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { [field]: expect.any(String) } } });
    expect(kvsSnapshot()).toBe(kvsBefore);
    expect(jiraWrites()).toEqual([]);
  });

  it('refuses a viewer without create permission, creating nothing', async () => {
    wb.jira.clearRequestLog();
    const result = await wb.invoke(wb.users.viewer, 'createImprovementStory', anImprovementStoryInput());
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(jiraWrites().filter((entry) => entry.status < 400)).toEqual([]);
  });

  it('records who ticked a DoD item and when; a viewer cannot tick', async () => {
    const issue = await createStory();
    const context = await issueContext(issue.key);
    const ticked = data(await wb.invoke(wb.users.member, 'toggleImprovementDod', { itemId: 'runbook', done: true }, context));
    expect(ticked).toMatchObject({
      dod: [{ itemId: 'runbook', done: true, doneBy: wb.users.member, doneAt: expect.any(String) }, { done: false }],
      dodProgress: { done: 1, total: 2 },
    });
    expect(await wb.invoke(wb.users.viewer, 'toggleImprovementDod', { itemId: 'measured', done: true }, context)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const unticked = data(await wb.invoke(wb.users.member, 'toggleImprovementDod', { itemId: 'runbook', done: false }, context));
    expect(unticked).toMatchObject({ dod: [{ itemId: 'runbook', done: false, doneBy: null, doneAt: null }, {}] });
    expect(await wb.invoke(wb.users.member, 'toggleImprovementDod', { itemId: 'ghost', done: true }, context)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('lets the APO record the outcome, not a member', async () => {
    const issue = await createStory();
    const context = await issueContext(issue.key);
    expect(data(await wb.invoke(wb.users.member, 'getIssueImprovement', {}, context))).toMatchObject({
      canEdit: true,
      canRecordOutcome: false,
    });
    const refused = await wb.invoke(wb.users.member, 'recordImprovementOutcome', { outcome: { value: 'confirmed', note: '' } }, context);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const recorded = data(
      await wb.invoke(wb.users.apo, 'recordImprovementOutcome', { outcome: { value: 'refuted', note: 'MTTR did not move' } }, context),
    );
    expect(recorded).toMatchObject({ improvement: { outcome: { value: 'refuted', note: 'MTTR did not move', by: wb.users.apo } } });
    expect(await jql(wb.users.member, 'asmOutcome = refuted')).toEqual([issue.key]);
  });
});

describe('process backlog', () => {
  beforeEach(async () => {
    wb = await createTestWorkbench();
    await seedCatalog();
    await installAndEnable();
  });

  type Backlog = {
    groups: Array<{
      processKey: string;
      stories: Array<{ issueKey: string; issueId: string; flags: string[] }>;
      order: { kind: string; version: number | null };
      canReorder: boolean;
    }>;
    highlights: Record<string, unknown>;
  };
  const incGroup = async (accountId: string) => {
    const backlog = data<Backlog>(await wb.invoke(accountId, 'getProcessBacklog', { processKey: 'INC' }));
    return backlog.groups.find((group) => group.processKey === 'INC');
  };

  it('orders by benefit ÷ cost, keeps the APO’s manual order, and refuses a member', async () => {
    const low = await createStory({ benefit: 1, cost: 5 });
    const high = await createStory({ benefit: 5, cost: 1 });
    const tieOld = await createStory({ benefit: 2, cost: 2 });
    const tieNew = await createStory({ benefit: 3, cost: 3, measure: null });
    const byScore = await incGroup(wb.users.member);
    expect(byScore?.stories.map((story) => story.issueKey)).toEqual([high.key, tieOld.key, tieNew.key, low.key]);
    expect(byScore?.order).toEqual({ kind: 'score', version: null });
    expect(byScore?.canReorder).toBe(false);

    const manual = [low.id, high.id];
    expect(
      await wb.invoke(wb.users.member, 'reorderProcessBacklog', { processKey: 'INC', issueIds: manual, expectedVersion: null }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const saved = data(
      await wb.invoke(wb.users.apo, 'reorderProcessBacklog', { processKey: 'INC', issueIds: manual, expectedVersion: null }),
    );
    expect(saved).toMatchObject({ outcome: 'saved', group: { order: { kind: 'manual', version: 1 } } });
    const kept = await incGroup(wb.users.member);
    expect(kept?.stories.map((story) => story.issueKey)).toEqual([low.key, high.key, tieOld.key, tieNew.key]);

    const stale = data(
      await wb.invoke(wb.users.admin, 'reorderProcessBacklog', { processKey: 'INC', issueIds: [high.id], expectedVersion: null }),
    );
    expect(stale).toMatchObject({ outcome: 'conflict', group: { order: { version: 1 } } });
    const foreign = await wb.invoke(wb.users.apo, 'reorderProcessBacklog', { processKey: 'INC', issueIds: ['10001'], expectedVersion: 1 });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { 'issueIds.0': expect.any(String) } } });
  });

  it('highlights stories without a measure, done stories without an outcome and processes without recent improvements', async () => {
    const noMeasure = await createStory({ measure: null });
    const done = await createStory();
    standIn().applyIssueUpdate(done.key, { statusId: '10001', sprintIds: [17] }, { authorAccountId: wb.users.member, at: new Date() });
    const backlog = data<Backlog>(await wb.invoke(wb.users.member, 'getProcessBacklog', {}));
    expect(backlog.highlights).toMatchObject({
      missingMeasure: [{ issueKey: noMeasure.key, processKey: 'INC' }],
      doneWithoutOutcome: [{ issueKey: done.key, processKey: 'INC' }],
      processesWithoutRecentImprovement: ['CHG'],
    });
    const doneOnly = data<Backlog>(await wb.invoke(wb.users.member, 'getProcessBacklog', { processKey: 'INC', statusCategory: 'done' }));
    expect(doneOnly.groups[0]?.stories.map((story) => story.issueKey)).toEqual([done.key]);
  });
});

describe('sprint review', () => {
  const CLOSED_SPRINT = 16;
  beforeEach(async () => {
    wb = await createTestWorkbench();
    await seedCatalog();
  });

  type View = {
    review: { version: number; kpiReadings: unknown[] } | null;
    history: Array<{ by: string; sprintState: string; changes: Array<{ field: string; before: string; after: string }> }>;
    canEdit: boolean;
    sprintClosed: boolean;
    doneStories: Array<{ issueKey: string }>;
  };

  it('lets the APO save, refuses a member, and writes nothing for the member', async () => {
    const saved = data<{ outcome: string; view: View }>(
      await wb.invoke(wb.users.apo, 'saveSprintReview', aSprintReviewInput({ kpiReadings: [{ kpiId: 'fcr', value: 72.5 }] })),
    );
    expect(saved).toMatchObject({
      outcome: 'saved',
      view: { review: { version: 1, kpiReadings: [{ kpiId: 'fcr', value: 72.5 }] }, canEdit: true },
    });
    const before = kvsSnapshot();
    const refused = await wb.invoke(wb.users.member, 'saveSprintReview', aSprintReviewInput({ achieved: 'rewritten', expectedVersion: 1 }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(kvsSnapshot()).toBe(before);
    expect(data(await wb.invoke(wb.users.member, 'getSprintReview', { processKey: 'INC', sprintId: 17 }))).toMatchObject({
      canEdit: false,
      review: { achieved: 'Runbooks for the top three incidents' },
    });
  });

  it.each([
    ['a percentage over 100', [{ kpiId: 'fcr', value: 101 }], 'kpiReadings.0.value'],
    ['a fractional count', [{ kpiId: 'reopened', value: 2.5 }], 'kpiReadings.0.value'],
    ['a negative duration', [{ kpiId: 'mttr', value: -1 }], 'kpiReadings.0.value'],
    [
      'two values for one KPI',
      [
        { kpiId: 'mttr', value: 1 },
        { kpiId: 'mttr', value: 2 },
      ],
      'kpiReadings.1.kpiId',
    ],
    ['a KPI the process does not have', [{ kpiId: 'nps', value: 1 }], 'kpiReadings.0.kpiId'],
  ])('refuses %s', async (_what, kpiReadings, field) => {
    const before = kvsSnapshot();
    const result = await wb.invoke(wb.users.asm, 'saveSprintReview', aSprintReviewInput({ kpiReadings }));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { [field]: expect.any(String) } } });
    expect(kvsSnapshot()).toBe(before);
  });

  it('keeps every change to a closed sprint’s review in its history, and detects a stale version', async () => {
    await wb.deliverEvent(INSTALLED, {});
    const story = await createStory();
    standIn().applyIssueUpdate(
      story.key,
      { statusId: '10001', sprintIds: [CLOSED_SPRINT] },
      { authorAccountId: wb.users.member, at: new Date() },
    );
    const first = data<{ view: View }>(
      await wb.invoke(wb.users.apo, 'saveSprintReview', aSprintReviewInput({ sprintId: CLOSED_SPRINT, achieved: 'First words' })),
    );
    expect(first.view).toMatchObject({ sprintClosed: true, doneStories: [{ issueKey: story.key }] });
    const second = data<{ view: View }>(
      await wb.invoke(
        wb.users.admin,
        'saveSprintReview',
        aSprintReviewInput({
          sprintId: CLOSED_SPRINT,
          achieved: 'Second words',
          expectedVersion: 1,
          storyOutcomes: [{ issueId: story.id, value: 'confirmed', note: 'MTTR 8 → 5.5 h' }],
        }),
      ),
    );
    expect(second.view.review?.version).toBe(2);
    expect(second.view.history).toHaveLength(2);
    expect(second.view.history[0]).toMatchObject({
      by: wb.users.admin,
      sprintState: 'closed',
      changes: expect.arrayContaining([{ field: 'achieved', before: 'First words', after: 'Second words' }]),
    });
    expect(standIn().issue(story.key)?.properties['process-loop-improvement']).toMatchObject({
      outcome: { value: 'confirmed', by: wb.users.admin },
    });
    const stale = data(
      await wb.invoke(
        wb.users.asm,
        'saveSprintReview',
        aSprintReviewInput({ sprintId: CLOSED_SPRINT, achieved: 'Third', expectedVersion: 1 }),
      ),
    );
    expect(stale).toMatchObject({ outcome: 'conflict', view: { review: { achieved: 'Second words', version: 2 } } });
  });

  it('exports the reviews as properly quoted CSV', async () => {
    data(
      await wb.invoke(
        wb.users.apo,
        'saveSprintReview',
        aSprintReviewInput({
          achieved: 'Faster, "much" faster\nreally',
          next: '=HYPERLINK("x")',
          kpiReadings: [{ kpiId: 'mttr', value: 5 }],
        }),
      ),
    );
    const exported = data<{ filename: string; csv: string }>(
      await wb.invoke(wb.users.member, 'exportProcessReviewsCsv', { processKey: 'INC' }),
    );
    expect(exported.filename).toMatch(/^process-loop-INC-reviews-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, row] = exported.csv.split('\r\n');
    expect(header).toContain('Mean time to restore (hours)');
    expect(row).toContain('"Faster, ""much"" faster\nreally"');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(exported.csv.endsWith('\r\n')).toBe(true);
  });
});
