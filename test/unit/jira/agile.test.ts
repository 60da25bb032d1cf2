import type { JiraCall } from '../../../src/jira/jiraRequest';
import { fetchBoardSprints, fetchProjectBoards, fetchSprint } from '../../../src/jira/agile';
import { installFakeJira, resetRateLimits } from './fakeJira';
import { agilePage, sprintBean } from './jiraBuilders';

const call: JiraCall = { actor: 'user', site: 'site:a' };

afterEach(() => resetRateLimits());

describe('fetchProjectBoards', () => {
  it('reads every page of the project’s scrum boards', async () => {
    const boards = Array.from({ length: 120 }, (_, index) => ({ id: index + 1, name: `Board ${index + 1}`, type: 'scrum' }));
    const jira = installFakeJira((request) => ({ body: agilePage(boards, Number(request.query.get('startAt')), 50) }));

    const result = await fetchProjectBoards(call, 'TEAM');

    expect(result).toHaveLength(120);
    expect(result[119]).toEqual({ id: 120, name: 'Board 120', type: 'scrum' });
    expect(jira.requests.map((request) => request.query.get('startAt'))).toEqual(['0', '50', '100']);
    expect(jira.requests[0]?.path).toBe('/rest/agile/1.0/board');
    expect(Object.fromEntries(jira.requests[0]?.query ?? [])).toEqual({
      projectKeyOrId: 'TEAM',
      type: 'scrum',
      startAt: '0',
      maxResults: '50',
    });
    expect(jira.requests[0]?.provider).toBe('user');
  });
});

describe('fetchBoardSprints', () => {
  it('pages through active and closed sprints and returns them newest first', async () => {
    // Jira's order: closed sprints oldest first, then the active one.
    const sprints = [
      sprintBean(1, 'closed', '2025-01-06T09:00:00.000Z'),
      sprintBean(2, 'closed', '2025-01-20T09:00:00.000Z'),
      sprintBean(3, 'closed', '2025-02-03T09:00:00.000Z'),
      sprintBean(4, 'active', '2025-02-17T09:00:00.000Z'),
    ];
    const jira = installFakeJira((request) => ({ body: agilePage(sprints, Number(request.query.get('startAt')), 3) }));

    const result = await fetchBoardSprints(call, 3);

    expect(result.map((sprint) => sprint.id)).toEqual([4, 3, 2, 1]);
    expect(result[0]).toEqual({
      id: 4,
      name: 'Sprint 4',
      state: 'active',
      startDate: '2025-02-17T09:00:00.000Z',
      endDate: '2025-02-17T09:00:00.000Z',
      completeDate: null,
      originBoardId: 3,
      goal: null,
    });
    expect(jira.requests.map((request) => request.path)).toEqual(['/rest/agile/1.0/board/3/sprint', '/rest/agile/1.0/board/3/sprint']);
    expect(jira.requests.map((request) => request.query.get('startAt'))).toEqual(['0', '3']);
    expect(jira.requests[0]?.query.get('state')).toBe('active,closed');
  });
});

describe('fetchSprint', () => {
  it('reads one sprint', async () => {
    const jira = installFakeJira(() => ({ body: sprintBean(7, 'active', '2025-02-17T09:00:00.000Z') }));

    expect((await fetchSprint(call, 7))?.name).toBe('Sprint 7');
    expect(jira.requests[0]?.path).toBe('/rest/agile/1.0/sprint/7');
  });

  it('answers null for a sprint that does not exist or is hidden', async () => {
    installFakeJira(() => ({ status: 404, body: { errorMessages: ['Sprint does not exist'] } }));

    expect(await fetchSprint(call, 99)).toBeNull();
  });
});
