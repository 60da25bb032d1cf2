import type { JiraCall } from '../../../src/jira/jiraRequest';
import { fetchChangelogs, fetchIssueChangelogNaive } from '../../../src/jira/changelogs';
import { installFakeJira, resetRateLimits } from './fakeJira';
import { FLAGGED_FIELD, SPRINT_FIELD, changelogBean } from './jiraBuilders';

const call: JiraCall = { actor: 'user', site: 'site:a' };
const FIELDS = ['status', SPRINT_FIELD, FLAGGED_FIELD];

afterEach(() => resetRateLimits());

const ids = (count: number, from = 10001) => Array.from({ length: count }, (_, index) => String(from + index));

describe('fetchChangelogs', () => {
  it('asks for at most 1000 issues a request, never one request per issue', async () => {
    const jira = installFakeJira(() => ({ body: { issueChangeLogs: [] } }));

    const progress: unknown[] = [];
    const result = await fetchChangelogs(call, { issueIds: ids(2500), fieldIds: FIELDS, onProgress: (p) => progress.push(p) });

    expect(jira.requests.map((request) => request.body?.issueIdsOrKeys?.length)).toEqual([1000, 1000, 500]);
    expect(new Set(jira.requests.flatMap((request) => request.body?.issueIdsOrKeys ?? [])).size).toBe(2500);
    for (const request of jira.requests) {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/rest/api/3/changelog/bulkfetch');
      expect(request.body?.fieldIds).toEqual(FIELDS);
      expect(request.body?.maxResults).toBeLessThanOrEqual(10000);
    }
    // Every requested issue is answered, with no history when nothing changed.
    expect(result.size).toBe(2500);
    expect(result.get('10001')).toEqual([]);
    expect(progress).toEqual([
      { issuesDone: 1000, issuesTotal: 2500, requests: 1 },
      { issuesDone: 2000, issuesTotal: 2500, requests: 2 },
      { issuesDone: 2500, issuesTotal: 2500, requests: 3 },
    ]);
  });

  it('follows nextPageToken and merges an issue’s history across pages, oldest first', async () => {
    const pages: Record<string, unknown> = {
      first: {
        issueChangeLogs: [
          {
            issueId: '10001',
            changeHistories: [changelogBean(2, '2025-03-02T10:00:00.000+0000', [{ fieldId: 'status', from: '1', to: '3' }])],
          },
        ],
        nextPageToken: 'p2',
      },
      p2: {
        issueChangeLogs: [
          { issueId: '10001', changeHistories: [changelogBean(1, '2025-03-01T10:00:00.000+0000', [{ fieldId: SPRINT_FIELD, to: '7' }])] },
          {
            issueId: '10002',
            changeHistories: [changelogBean(3, '2025-03-03T10:00:00.000+0000', [{ fieldId: FLAGGED_FIELD, to: '10019' }])],
          },
        ],
      },
    };
    const jira = installFakeJira((request) => ({ body: pages[request.body?.nextPageToken ?? 'first'] }));

    const result = await fetchChangelogs(call, { issueIds: ['10001', '10002'], fieldIds: FIELDS });

    expect(jira.requests.map((request) => request.body?.nextPageToken)).toEqual([undefined, 'p2']);
    expect(result.get('10001')?.map((entry) => entry.id)).toEqual(['1', '2']);
    expect(result.get('10001')?.[1]).toEqual({
      id: '2',
      created: '2025-03-02T10:00:00.000+0000',
      items: [{ fieldId: 'status', field: 'status', from: '1', fromString: 'name 1', to: '3', toString: 'name 3' }],
    });
    expect(result.get('10002')?.[0]?.items[0]?.fieldId).toBe(FLAGGED_FIELD);
  });

  it('drops items of other fields if Jira sends them anyway', async () => {
    installFakeJira(() => ({
      body: {
        issueChangeLogs: [
          {
            issueId: '10001',
            changeHistories: [
              changelogBean(1, '2025-03-01T10:00:00.000+0000', [
                { fieldId: 'assignee', to: 'x' },
                { fieldId: 'status', to: '3' },
              ]),
              changelogBean(2, '2025-03-02T10:00:00.000+0000', [{ fieldId: 'description', to: 'y' }]),
            ],
          },
        ],
      },
    }));

    const result = await fetchChangelogs(call, { issueIds: ['10001'], fieldIds: FIELDS });

    expect(result.get('10001')).toHaveLength(1);
    expect(result.get('10001')?.[0]?.items.map((item) => item.fieldId)).toEqual(['status']);
  });

  it('sends nothing for no issues, and refuses an unfiltered or over-long field list', async () => {
    const jira = installFakeJira(() => ({ body: { issueChangeLogs: [] } }));

    expect((await fetchChangelogs(call, { issueIds: [], fieldIds: FIELDS })).size).toBe(0);
    expect(jira.requests).toHaveLength(0);
    await expect(fetchChangelogs(call, { issueIds: ['1'], fieldIds: [] })).rejects.toThrow('field ids');
    await expect(fetchChangelogs(call, { issueIds: ['1'], fieldIds: ids(11) })).rejects.toThrow('field ids');
  });
});

describe('fetchIssueChangelogNaive (benchmark baseline)', () => {
  it('pages one issue’s changelog with startAt', async () => {
    const all = [1, 2, 3].map((id) => changelogBean(id, `2025-03-0${id}T10:00:00.000+0000`, [{ fieldId: 'status', to: String(id) }]));
    const jira = installFakeJira((request) => {
      const startAt = Number(request.query.get('startAt'));
      const values = all.slice(startAt, startAt + 2);
      return { body: { startAt, maxResults: 2, total: all.length, isLast: startAt + values.length >= all.length, values } };
    });

    const entries = await fetchIssueChangelogNaive(call, '10001');

    expect(entries.map((entry) => entry.id)).toEqual(['1', '2', '3']);
    expect(jira.requests.map((request) => request.pathWithQuery)).toEqual([
      '/rest/api/3/issue/10001/changelog?startAt=0&maxResults=100',
      '/rest/api/3/issue/10001/changelog?startAt=2&maxResults=100',
    ]);
  });
});
