import {
  aChangelogEntry,
  aDataset,
  aDatasetInput,
  aStatusChange,
  anIssue,
  jiraTime,
  STATUS,
  testDate,
  USERS,
} from '../../../builders/datasetBuilders';
import { asApp, asUser, standIn } from './standInClient';

/** When the first status change of `manyIssues` happens: the day its issues are created. */
const firstCreated = testDate(-32);

/** ITSM with `count` issues, each with `histories` status changes a day apart. */
function manyIssues(count: number, histories = 0) {
  const input = aDatasetInput();
  input.issues = Array.from({ length: count }, (_, index) =>
    anIssue({
      key: `ITSM-${index + 1}`,
      sprintIds: [2],
      changelog: Array.from({ length: histories }, (_, h) =>
        aChangelogEntry({
          created: testDate(-32 + h),
          items: [
            aStatusChange(h % 2 ? STATUS.inProgress : STATUS.todo, h % 2 ? STATUS.todo : STATUS.inProgress),
            { fieldId: 'labels', field: 'labels', toString: `l${h}` },
          ],
        }),
      ),
    }),
  );
  return aDataset(input);
}

describe('Jira stand-in paging', () => {
  it('pages a search with nextPageToken until isLast, and caps pages at 100 with fields, 5000 with ids only', async () => {
    const { call, jira } = standIn(manyIssues(250));
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await call(asApp, 'POST', '/rest/api/3/search/jql', {
        jql: 'project = ITSM',
        fields: ['summary'],
        maxResults: 1000,
        ...(token ? { nextPageToken: token } : {}),
      });
      expect(page.status).toBe(200);
      expect(page.body.issues.length).toBeLessThanOrEqual(100);
      seen.push(...page.body.issues.map((i: { key: string }) => i.key));
      token = page.body.isLast ? undefined : page.body.nextPageToken;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(250);
    expect(jira.requestLog.map((entry) => entry.returnedObjects)).toEqual([100, 100, 50]);

    const idsOnly = await call(asApp, 'POST', '/rest/api/3/search/jql', { jql: 'project = ITSM', fields: ['id'], maxResults: 5000 });
    expect(idsOnly.body).toMatchObject({ isLast: true });
    expect(idsOnly.body.issues).toHaveLength(250);
    expect(idsOnly.body.issues[0].fields).toEqual({});
    const defaults = await call(asApp, 'GET', '/rest/api/3/search/jql?jql=project%3DITSM');
    expect(defaults.body.issues).toHaveLength(50);
  });

  it('bulk-fetches changelogs oldest first, filtered by field and caller, page by page', async () => {
    const { call } = standIn(manyIssues(30, 20));
    const histories: Array<{ issueId: string; created: string; items: unknown[] }> = [];
    let token: string | undefined;
    do {
      const page = await call(asUser(USERS.viewer), 'POST', '/rest/api/3/changelog/bulkfetch', {
        issueIdsOrKeys: Array.from({ length: 30 }, (_, i) => `ITSM-${i + 1}`),
        fieldIds: ['status'],
        maxResults: 250,
        ...(token ? { nextPageToken: token } : {}),
      });
      expect(page.status).toBe(200);
      for (const log of page.body.issueChangeLogs)
        for (const history of log.changeHistories) histories.push({ issueId: log.issueId, ...history });
      token = page.body.nextPageToken;
    } while (token);
    expect(histories).toHaveLength(600);
    expect(histories.every((history) => history.items.length === 1)).toBe(true);
    const order = histories.map((h) => `${h.created}|${h.issueId.padStart(8, '0')}`);
    expect(order).toEqual([...order].sort());
    expect(histories[0]?.created).toBe(jiraTime(firstCreated));

    const outsider = await call(asUser(USERS.outsider), 'POST', '/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: ['ITSM-1'] });
    expect(outsider.body).toEqual({ issueChangeLogs: [] });
  });

  it("enforces bulkfetch's OpenAPI limits", async () => {
    const { call } = standIn(manyIssues(1));
    const fetch = (body: unknown) => call(asApp, 'POST', '/rest/api/3/changelog/bulkfetch', body);
    expect((await fetch({ issueIdsOrKeys: [] })).status).toBe(400);
    expect((await fetch({ issueIdsOrKeys: Array.from({ length: 1001 }, (_, i) => `ITSM-${i}`) })).status).toBe(400);
    expect((await fetch({ issueIdsOrKeys: ['ITSM-1'], fieldIds: Array.from({ length: 11 }, (_, i) => `f${i}`) })).status).toBe(400);
    expect((await fetch({ issueIdsOrKeys: ['ITSM-1'], maxResults: 10001 })).status).toBe(400);
    expect((await fetch({ issueIdsOrKeys: ['ITSM-1'], maxResults: 10000 })).status).toBe(200);
  });

  it("pages one issue's changelog (the naive path)", async () => {
    const { call } = standIn(manyIssues(1, 5));
    const first = await call(asApp, 'GET', '/rest/api/3/issue/ITSM-1/changelog?maxResults=3');
    expect(first.body).toMatchObject({ startAt: 0, maxResults: 3, total: 5, isLast: false });
    const second = await call(asApp, 'GET', '/rest/api/3/issue/ITSM-1/changelog?maxResults=3&startAt=3');
    expect(second.body).toMatchObject({ total: 5, isLast: true });
    expect(second.body.values).toHaveLength(2);
  });

  it('answers a search and a bulk fetch over 1,000 issues with 20 histories each in milliseconds', async () => {
    const { call } = standIn(manyIssues(1000, 20));
    const started = performance.now();
    const search = await call(asApp, 'POST', '/rest/api/3/search/jql', {
      jql: 'sprint in openSprints() AND statusCategory != Done',
      fields: ['summary', 'status', 'customfield_10020'],
      maxResults: 100,
    });
    const bulk = await call(asApp, 'POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: Array.from({ length: 1000 }, (_, i) => `ITSM-${i + 1}`),
      fieldIds: ['status'],
      maxResults: 10000,
    });
    const next = await call(asApp, 'POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: Array.from({ length: 1000 }, (_, i) => `ITSM-${i + 1}`),
      fieldIds: ['status'],
      maxResults: 10000,
      nextPageToken: bulk.body.nextPageToken,
    });
    const elapsed = performance.now() - started;
    expect(search.body.issues).toHaveLength(100);
    expect(bulk.body.issueChangeLogs.length).toBeGreaterThan(0);
    expect(next.status).toBe(200);
    expect(elapsed).toBeLessThan(1500);
  });
});
