import { anImprovementStoryInput, aSprintReviewInput } from '../builders/improvementBuilders';
import { forgetSprintAccess, sprintAccessTuning } from '../../src/useCases/sprintHealth/sprintAccess';
import { buildDemoDataset, DEMO_BOARD_ID, DEMO_SPRINT_IDS } from '../../workbench/datasets/demoDataset';
import type { Dataset } from '../../workbench/datasets/datasetSchema';
import { seedIncidentProcess } from '../support/improvementSeed';
import { resolverAnswers } from '../support/resolverAnswers';
import { createTestWorkbench, type TestWorkbench } from '../support/testWorkbench';

/**
 * Data only for those who may see it, through the emulated runtime: what the app stored (review outcomes,
 * health trends, Jira's answers about access) is shown to a viewer only while Jira shows them its issues and sprints.
 */
let wb: TestWorkbench;

const ITSM_PAGE = { extension: { type: 'jira:projectPage', project: { id: '10000', key: 'ITSM', type: 'software' } } };
const OPS_PAGE = { extension: { type: 'jira:projectPage', project: { id: '10001', key: 'OPS', type: 'software' } } };
const CLOSED_SPRINT = DEMO_SPRINT_IDS.closed[5];
const { invoke, ok } = resolverAnswers(() => wb, ITSM_PAGE);

beforeEach(() => forgetSprintAccess());
afterEach(() => {
  wb.expectNoContractViolations();
  jest.restoreAllMocks();
  wb.close();
});

const searches = () => wb.jira.requestLog.filter((entry) => entry.path === '/rest/api/3/search/jql').length;

describe('sprint review outcomes on an issue the viewer cannot browse', () => {
  let secret: { id: string; key: string };
  let open: { id: string; key: string };

  /** Two done INC stories in a closed sprint, both with outcomes the APO recorded; then `secret` restricted to the APO. */
  beforeEach(async () => {
    wb = await createTestWorkbench();
    await seedIncidentProcess(wb);
    await wb.deliverEvent('avi:forge:installed:app', {});
    const create = async (iWant: string) => {
      const userStory = { asA: 'service desk agent', iWant, soThat: 'restores are faster' };
      const created = await ok(wb.users.member, 'createImprovementStory', anImprovementStoryInput({ userStory }));
      if (created.outcome !== 'created') throw new Error(`Story not created: ${JSON.stringify(created)}`);
      wb.jira.applyIssueUpdate(
        created.issue.key,
        { statusId: '10001', sprintIds: [CLOSED_SPRINT] },
        { authorAccountId: wb.users.member, at: new Date() },
      );
      return { id: created.issue.id, key: created.issue.key };
    };
    secret = await create('Runbooks for the payroll outage');
    open = await create('Runbooks for the printer queue');
    await ok(
      wb.users.apo,
      'saveSprintReview',
      aSprintReviewInput({
        sprintId: CLOSED_SPRINT,
        storyOutcomes: [
          { issueId: secret.id, value: 'refuted', note: 'Payroll restore still 9 h' },
          { issueId: open.id, value: 'confirmed', note: 'Printer restores in 1 h' },
        ],
      }),
    );
    wb.jira.setIssueSecurity(secret.key, { id: '10100', name: 'Management only', members: [wb.users.apo] });
  });

  it('leaves them out of the view and its history, with one search more at most, and says how many are kept', async () => {
    wb.jira.clearRequestLog();
    await ok(wb.users.apo, 'getSprintReview', { processKey: 'INC', sprintId: CLOSED_SPRINT });
    const unfiltered = searches();
    wb.jira.clearRequestLog();
    const view = await ok(wb.users.asm, 'getSprintReview', { processKey: 'INC', sprintId: CLOSED_SPRINT });
    expect(searches()).toBe(unfiltered + 1);
    expect(view.review?.storyOutcomes).toEqual([expect.objectContaining({ issueId: open.id, note: 'Printer restores in 1 h' })]);
    expect(view.hiddenOutcomeCount).toBe(1);
    expect(view.doneStories.map((story) => story.issueKey)).toEqual([open.key]);
    const text = JSON.stringify(view);
    for (const leak of [secret.id, secret.key, 'Payroll restore still 9 h']) expect(text).not.toContain(leak);
    expect(view.history[0]?.changes.find((change) => change.field === 'storyOutcomes')?.after).toContain('Printer restores in 1 h');

    // The APO may browse both: nothing is hidden from them.
    const apoView = await ok(wb.users.apo, 'getSprintReview', { processKey: 'INC', sprintId: CLOSED_SPRINT });
    expect(apoView.hiddenOutcomeCount).toBe(0);
    expect(apoView.review?.storyOutcomes.map((outcome) => outcome.issueId)).toEqual([secret.id, open.id]);
  });

  it('keeps them exactly as stored when such a viewer saves', async () => {
    const saved = await ok(
      wb.users.asm,
      'saveSprintReview',
      aSprintReviewInput({
        sprintId: CLOSED_SPRINT,
        expectedVersion: 1,
        storyOutcomes: [{ issueId: open.id, value: 'inconclusive', note: 'Only two restores so far' }],
      }),
    );
    expect(saved.outcome).toBe('saved');
    expect(saved.view.review?.storyOutcomes).toEqual([expect.objectContaining({ issueId: open.id, value: 'inconclusive' })]);
    expect(saved.view.hiddenOutcomeCount).toBe(1);

    const apoView = await ok(wb.users.apo, 'getSprintReview', { processKey: 'INC', sprintId: CLOSED_SPRINT });
    expect(apoView.review).toMatchObject({
      version: 2,
      storyOutcomes: [
        { issueId: secret.id, issueKey: secret.key, value: 'refuted', note: 'Payroll restore still 9 h' },
        { issueId: open.id, value: 'inconclusive', note: 'Only two restores so far' },
      ],
    });

    // Saving what they were shown again changes nothing: no new version.
    const again = await ok(
      wb.users.asm,
      'saveSprintReview',
      aSprintReviewInput({
        sprintId: CLOSED_SPRINT,
        expectedVersion: 2,
        storyOutcomes: [{ issueId: open.id, value: 'inconclusive', note: 'Only two restores so far' }],
      }),
    );
    expect(again.view.review?.version).toBe(2);
  });

  it('leaves them out of the reviews CSV', async () => {
    const csvOf = async (accountId: string) => (await ok(accountId, 'exportProcessReviewsCsv', { processKey: 'INC' })).csv;
    const asm = await csvOf(wb.users.asm);
    expect(asm).toContain(`${open.key}: confirmed (Printer restores in 1 h)`);
    expect(asm).not.toContain(secret.key);
    expect(asm).not.toContain('Payroll restore still 9 h');
    expect(await csvOf(wb.users.apo)).toContain(`${secret.key}: refuted (Payroll restore still 9 h)`);
  });
});

describe('health trends through another board', () => {
  /** The demo site with an OPS scrum board whose filter takes in one OPS issue of the ITSM sprint `CLOSED_SPRINT`. */
  function datasetWithSharedSprint(): { dataset: Dataset; opsBoardId: number } {
    const dataset = structuredClone(buildDemoDataset());
    const opsBoardId = Math.max(...dataset.boards.map((board) => board.id)) + 1;
    dataset.boards.push({ id: opsBoardId, name: 'OPS sprint board', type: 'scrum', projectKey: 'OPS' });
    const opsIssue = dataset.issues.find((issue) => issue.projectKey === 'OPS' && issue.sprintIds.length === 0);
    if (!opsIssue) throw new Error('The demo has no OPS issue outside sprints.');
    opsIssue.sprintIds = [CLOSED_SPRINT];
    return { dataset, opsBoardId };
  }

  it('shows only the sprints the viewer may see, not every sprint of the origin board', async () => {
    const { dataset, opsBoardId } = datasetWithSharedSprint();
    wb = await createTestWorkbench({ dataset });
    const { member, outsider } = wb.users;
    const earlier = DEMO_SPRINT_IDS.closed.slice(3);
    for (const sprintId of earlier) await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId });
    const trendOf = (view: Awaited<ReturnType<typeof ok<'getSprintHealth'>>>) => {
      if (view.status !== 'ready') throw new Error(`getSprintHealth answered ${view.status}`);
      return [...new Set(view.rows.flatMap((row) => row.trend.map((point) => point.sprintId)))];
    };

    // The member, through ITSM's own board, sees its earlier sprints in the trend.
    expect(trendOf(await ok(member, 'getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: CLOSED_SPRINT }))).toEqual(earlier);

    // The outsider browses OPS only: the OPS board lets them into this sprint, and into no other ITSM sprint.
    const seenByOutsider = await ok(outsider, 'getSprintHealth', { boardId: opsBoardId, sprintId: CLOSED_SPRINT }, OPS_PAGE);
    expect(trendOf(seenByOutsider)).toEqual([CLOSED_SPRINT]);
    for (const hidden of earlier.filter((id) => id !== CLOSED_SPRINT))
      expect(JSON.stringify(seenByOutsider)).not.toContain(`"sprintId":${hidden}`);
  });
});

describe('the sprint-access cache', () => {
  const closedView = { boardId: DEMO_BOARD_ID, sprintId: CLOSED_SPRINT };

  beforeEach(async () => {
    wb = await createTestWorkbench();
    expect(await ok(wb.users.viewer, 'getSprintHealth', closedView)).toMatchObject({ status: 'ready' });
  });

  it('lets a revoked viewer in no longer than Forge lets one resolver run', async () => {
    expect(sprintAccessTuning.ttlMs).toBeLessThanOrEqual(25_000);
    const realNow = Date.now.bind(Date);
    let offset = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + offset);
    const browse = wb.dataset.projects.find((project) => project.key === 'ITSM')!.permissions.browse;
    wb.jira.setProjectPermissions('ITSM', { browse: browse.filter((accountId) => accountId !== wb.users.viewer) });

    offset = sprintAccessTuning.ttlMs + 1;
    expect(await invoke(wb.users.viewer, 'getSprintHealth', closedView)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await invoke(wb.users.viewer, 'getSprintHealthDrillDown', { sprintId: CLOSED_SPRINT, metric: 'committed' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('forgets a site’s answers at once when told access changed, and only that site’s', async () => {
    const browse = wb.dataset.projects.find((project) => project.key === 'ITSM')!.permissions.browse;
    wb.jira.setProjectPermissions('ITSM', { browse: browse.filter((accountId) => accountId !== wb.users.viewer) });
    forgetSprintAccess('site:another-cloud');
    wb.jira.clearRequestLog();
    expect(await invoke(wb.users.viewer, 'getSprintHealth', closedView)).toMatchObject({ ok: true });
    expect(wb.jira.requestLog.filter((entry) => entry.path.startsWith('/rest/agile/'))).toEqual([]);

    forgetSprintAccess(`site:${wb.dataset.site.cloudId}`);
    expect(await invoke(wb.users.viewer, 'getSprintHealth', closedView)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a project page of a project the viewer cannot browse', () => {
  beforeEach(async () => {
    wb = await createTestWorkbench();
    await seedIncidentProcess(wb);
  });

  it.each([
    ['getSprintHealthSetup', {}],
    ['listBoardSprints', { boardId: DEMO_BOARD_ID }],
    ['getSprintHealth', { boardId: DEMO_BOARD_ID, sprintId: CLOSED_SPRINT }],
    ['getProcessBacklog', {}],
    ['getSprintReview', { processKey: 'INC', sprintId: null }],
    ['exportProcessReviewsCsv', { processKey: 'INC' }],
    ['getLinkSuggestions', {}],
    ['getImprovementSetup', {}],
    ['createImprovementStory', anImprovementStoryInput()],
  ] as const)('answers %s NOT_FOUND, naming nothing of the project', async (key, payload) => {
    const answer = await invoke(wb.users.outsider, key, payload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const text = JSON.stringify(answer);
    for (const leak of ['ITSM board', 'IT Service Management', 'HTTP']) expect(text).not.toContain(leak);
  });
});
