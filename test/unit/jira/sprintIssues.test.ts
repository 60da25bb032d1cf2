import type { JiraCall } from '../../../src/jira/jiraRequest';
import { fetchSprintIssues, searchIssueIds, sprintIssuesJql, type SearchProgress } from '../../../src/jira/sprintIssues';
import { installFakeJira, resetRateLimits } from './fakeJira';
import { anImprovementProperty } from '../../builders/improvementBuilders';
import { FLAGGED_FIELD, SPRINT_FIELD, issueBean, processLinkValue } from './jiraBuilders';

const call: JiraCall = { actor: 'user', site: 'site:a' };
const fieldIds = { sprint: SPRINT_FIELD, flagged: FLAGGED_FIELD };

afterEach(() => resetRateLimits());

/** Serves `issues` in pages of `pageSize`, with opaque tokens, as the enhanced search does. */
function searchServer(issues: unknown[], pageSize: number) {
  return installFakeJira((request) => {
    const start = request.body?.nextPageToken ? Number(String(request.body.nextPageToken).replace('page-', '')) : 0;
    const end = start + pageSize;
    const last = end >= issues.length;
    return { body: { issues: issues.slice(start, end), isLast: last, ...(last ? {} : { nextPageToken: `page-${end}` }) } };
  });
}

describe('fetchSprintIssues', () => {
  it('follows nextPageToken to the last page and asks only for the fields sprint health reads', async () => {
    const jira = searchServer([issueBean(10001), issueBean(10002), issueBean(10003), issueBean(10004), issueBean(10005)], 2);
    const progress: SearchProgress[] = [];

    const issues = await fetchSprintIssues(call, { sprintId: 7, fieldIds, onProgress: (p) => progress.push(p) });

    expect(issues.map((issue) => issue.key)).toEqual(['TEAM-1', 'TEAM-2', 'TEAM-3', 'TEAM-4', 'TEAM-5']);
    expect(jira.requests.map((request) => request.body?.nextPageToken)).toEqual([undefined, 'page-2', 'page-4']);
    for (const request of jira.requests) {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/rest/api/3/search/jql');
      expect(request.provider).toBe('user');
      expect(request.body?.jql).toBe('sprint = 7');
      expect(request.body?.maxResults).toBe(100);
      // The improvement property rides in the same search: no request of its own.
      expect(request.body?.properties).toEqual(['process-loop-link', 'process-loop-improvement']);
      expect([...(request.body?.fields ?? [])].sort()).toEqual(
        ['created', 'issuetype', 'resolutiondate', 'status', 'summary', 'updated', SPRINT_FIELD, FLAGGED_FIELD].sort(),
      );
    }
    expect(progress).toEqual([
      { pages: 1, issues: 2, done: false },
      { pages: 2, issues: 4, done: false },
      { pages: 3, issues: 5, done: true },
    ]);
  });

  it('normalizes each issue into a snapshot', async () => {
    searchServer(
      [
        issueBean(10001, {
          status: { id: '3', name: 'Done', category: 'done' },
          sprintIds: [6, 7],
          flagged: true,
          link: processLinkValue('INC'),
        }),
        issueBean(10002, { sprintIds: null, link: { garbage: true }, type: 'Bug' }),
      ],
      100,
    );

    const [done, other] = await fetchSprintIssues(call, { sprintId: 7, fieldIds });

    expect(done).toEqual({
      id: '10001',
      key: 'TEAM-1',
      summary: 'Issue 10001',
      issueTypeName: 'Story',
      statusId: '3',
      statusName: 'Done',
      statusCategory: 'done',
      currentSprintIds: [6, 7],
      created: '2025-02-01T10:00:00.000+0000',
      updated: '2025-03-01T10:00:00.000+0000',
      resolutionDate: '2025-03-02T10:00:00.000+0000',
      flagged: true,
      linkProperty: processLinkValue('INC'),
      improvement: null,
    });
    expect(other).toMatchObject({
      issueTypeName: 'Bug',
      statusCategory: 'indeterminate',
      currentSprintIds: [],
      flagged: false,
      linkProperty: null,
      improvement: null,
    });
  });

  it('marks a story carrying the improvement property as an improvement, whatever its type', async () => {
    searchServer(
      [
        issueBean(10001, { type: 'Story', improvement: anImprovementProperty({ processKey: 'INC' }) }),
        // A property from another app version still marks the issue; its process is then unknown.
        issueBean(10002, { type: 'Task', improvement: { schemaVersion: 9 }, link: processLinkValue('CHG') }),
        issueBean(10003, { type: 'Story' }),
      ],
      100,
    );

    const [story, task, plain] = await fetchSprintIssues(call, { sprintId: 7, fieldIds });

    expect(story?.improvement).toEqual({ processKey: 'INC' });
    expect(task?.improvement).toEqual({ processKey: null });
    expect(task?.linkProperty?.processKey).toBe('CHG');
    expect(plain?.improvement).toBeNull();
  });

  it('leaves out a field the site does not have', async () => {
    const jira = searchServer([issueBean(10001)], 100);

    const [issue] = await fetchSprintIssues(call, { sprintId: 7, fieldIds: { sprint: SPRINT_FIELD, flagged: null } });

    expect(jira.requests[0]?.body?.fields).not.toContain(FLAGGED_FIELD);
    expect(issue?.flagged).toBe(false);
  });

  it('asks only for recently updated issues on an incremental refresh', async () => {
    const jira = searchServer([], 100);

    await fetchSprintIssues(call, {
      sprintId: 7,
      fieldIds,
      updatedSince: { at: new Date('2025-03-04T09:15:42Z'), now: new Date('2025-03-04T09:20:00Z') },
    });

    expect(jira.requests[0]?.body?.jql).toBe('sprint = 7 AND updated >= "-7m"');
  });
});

describe('sprintIssuesJql', () => {
  it('bounds a refresh by Jira’s own clock: whole minutes since the last search, plus slack', () => {
    const at = new Date('2025-03-04T09:15:00Z');
    expect(sprintIssuesJql(12, { at, now: at })).toBe('sprint = 12 AND updated >= "-2m"');
    expect(sprintIssuesJql(12, { at, now: new Date('2025-03-04T11:15:01Z') })).toBe('sprint = 12 AND updated >= "-123m"');
  });

  it('refuses anything but a sprint id, so nothing can be injected into the JQL', () => {
    expect(() => sprintIssuesJql(Number('1 OR 1=1'))).toThrow('not a sprint id');
    expect(() => sprintIssuesJql(-3)).toThrow('not a sprint id');
  });
});

describe('searchIssueIds', () => {
  it('asks for ids only, 5000 a page, across pages', async () => {
    const jira = searchServer(
      [
        { id: '1', key: 'A-1' },
        { id: '2', key: 'A-2' },
        { id: '3', key: 'A-3' },
      ],
      2,
    );

    const ids = await searchIssueIds(call, 'project = A');

    expect(ids).toEqual([
      { id: '1', key: 'A-1' },
      { id: '2', key: 'A-2' },
      { id: '3', key: 'A-3' },
    ]);
    expect(jira.requests).toHaveLength(2);
    expect(jira.requests[0]?.body).toEqual({ jql: 'project = A', fields: ['id'], maxResults: 5000 });
  });

  it('stops instead of looping when Jira hands the same page token back', async () => {
    installFakeJira(() => ({ body: { issues: [{ id: '1', key: 'A-1' }], isLast: false, nextPageToken: 'same' } }));

    await expect(searchIssueIds(call, 'project = A')).rejects.toMatchObject({ kind: 'upstream' });
  });
});
