import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DurableStore } from '../../../../workbench/store/durableStore';
import { JiraStandIn } from '../../../../workbench/jira/jiraStandIn';
import {
  ISSUE_TYPE,
  STATUS,
  TEST_NOW,
  USERS,
  aDataset,
  aDatasetInput,
  anIssue,
  jiraTime,
  testDate,
} from '../../../builders/datasetBuilders';
import { PROCESS_ALIASES, asApp, asUser, caller, standIn } from './standInClient';

describe('Jira stand-in writes', () => {
  it("creates issues over REST with keys continuing from the project's highest number, needing CREATE_ISSUES", async () => {
    const input = aDatasetInput();
    input.issues = [anIssue({ key: 'ITSM-7' }), anIssue({ key: 'ITSM-41' })];
    const { call, jira } = standIn(aDataset(input));
    const description = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Details' }] }] };
    const created = await call(asUser(USERS.member), 'POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'ITSM' },
        issuetype: { id: ISSUE_TYPE.task },
        summary: 'Broken VPN',
        description,
        labels: ['vpn'],
        parent: { key: 'ITSM-7' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toBe('ITSM-42');
    expect(
      jira.createIssue({ projectKey: 'ITSM', issueTypeId: ISSUE_TYPE.task, summary: 'Next', reporterAccountId: USERS.admin }).key,
    ).toBe('ITSM-43');
    const read = await call(
      asUser(USERS.viewer),
      'GET',
      `/rest/api/3/issue/${created.body.id}?fields=description,labels,parent,reporter,status,created`,
    );
    expect(read.body.fields).toMatchObject({
      description,
      labels: ['vpn'],
      parent: { key: 'ITSM-7' },
      reporter: { accountId: USERS.member },
      status: { id: STATUS.todo },
    });
    expect(read.body.fields.created).toBe(jiraTime(TEST_NOW));

    expect(
      (
        await call(asUser(USERS.viewer), 'POST', '/rest/api/3/issue', {
          fields: { project: { key: 'ITSM' }, issuetype: { id: ISSUE_TYPE.task }, summary: 'No' },
        })
      ).status,
    ).toBe(403);
    const invalid = await call(asUser(USERS.member), 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'ITSM' }, issuetype: { id: ISSUE_TYPE.task } },
    });
    expect(invalid).toMatchObject({ status: 400, body: { errors: { summary: expect.any(String) } } });
  });

  it('applies updates and appends Jira-shaped changelog items', async () => {
    const { jira, call } = standIn();
    const at = new Date(testDate(0, 1));
    const { changelogEntry } = jira.applyIssueUpdate(
      'ITSM-1',
      { statusId: STATUS.done, sprintIds: [2], flagged: true, labels: ['a', 'b'] },
      { authorAccountId: USERS.asm, at },
    );
    expect(changelogEntry?.items).toEqual([
      { fieldId: 'status', field: 'status', fieldtype: 'jira', from: STATUS.todo, fromString: 'To Do', to: STATUS.done, toString: 'Done' },
      { fieldId: 'customfield_10020', field: 'Sprint', fieldtype: 'custom', from: null, fromString: null, to: '2', toString: 'Sprint 2' },
      {
        fieldId: 'customfield_10021',
        field: 'Flagged',
        fieldtype: 'custom',
        from: null,
        fromString: null,
        to: '[10019]',
        toString: 'Impediment',
      },
      { fieldId: 'labels', field: 'labels', fieldtype: 'jira', from: null, fromString: null, to: null, toString: 'a b' },
    ]);
    const issue = (await call(asApp, 'GET', '/rest/api/3/issue/ITSM-1?fields=status,customfield_10021,resolutiondate,updated')).body.fields;
    const atJira = jiraTime(at.toISOString());
    expect(issue).toMatchObject({
      status: { name: 'Done' },
      customfield_10021: [{ value: 'Impediment', id: '10019' }],
      resolutiondate: atJira,
      updated: atJira,
    });
    const bulk = await call(asApp, 'POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: ['ITSM-1'],
      fieldIds: ['customfield_10020'],
    });
    expect(bulk.body.issueChangeLogs[0].changeHistories[0]).toMatchObject({
      author: { accountId: USERS.asm },
      created: atJira,
      items: [{ field: 'Sprint' }],
    });
    expect(jira.applyIssueUpdate('ITSM-1', { flagged: true }, { authorAccountId: USERS.asm, at }).changelogEntry).toBeNull();
  });

  it('answers 429 with Retry-After and RateLimit-Reason for the next matching requests, and logs every request', async () => {
    const { call, jira } = standIn();
    jira.setRateLimits([{ pathPrefix: '/rest/api/3/search', count: 2, retryAfterSeconds: 7, reason: 'jira-burst-based' }]);
    const search = () => call(asApp, 'POST', '/rest/api/3/search/jql', { jql: 'project = ITSM', fields: ['key'] });
    const first = await search();
    expect(first.status).toBe(429);
    expect(first.headers).toMatchObject({ 'Retry-After': '7', 'RateLimit-Reason': 'jira-burst-based', 'X-RateLimit-Remaining': '0' });
    expect((await search()).status).toBe(429);
    expect((await call(asApp, 'GET', '/rest/api/3/issue/ITSM-1')).status).toBe(200);
    expect((await search()).status).toBe(200);
    expect(jira.requestLog).toEqual([
      { method: 'POST', path: '/rest/api/3/search/jql', caller: 'app', status: 429, returnedObjects: 0 },
      { method: 'POST', path: '/rest/api/3/search/jql', caller: 'app', status: 429, returnedObjects: 0 },
      { method: 'GET', path: '/rest/api/3/issue/ITSM-1', caller: 'app', status: 200, returnedObjects: 1 },
      { method: 'POST', path: '/rest/api/3/search/jql', caller: 'app', status: 200, returnedObjects: 3 },
    ]);
    jira.clearRequestLog();
    expect(jira.requestLog).toEqual([]);
  });

  it('answers 404 for an unknown path and 405 for a wrong method', async () => {
    const { call } = standIn();
    expect((await call(asApp, 'GET', '/rest/api/3/nothing-here')).status).toBe(404);
    expect((await call(asApp, 'PATCH', '/rest/api/3/issue/ITSM-1/properties/x', {})).status).toBe(405);
  });

  it('keeps its data in the DurableStore across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jira-standin-'));
    const file = path.join(dir, 'store.log');
    try {
      const first = standIn(aDataset(), DurableStore.open(file));
      await first.call(asUser(USERS.member), 'PUT', '/rest/api/3/issue/ITSM-2/properties/process-loop-link', { processKey: 'INC' });
      first.jira.createIssue({ projectKey: 'ITSM', issueTypeId: ISSUE_TYPE.task, summary: 'Kept', reporterAccountId: USERS.member });
      first.store.close();

      const store = DurableStore.open(file);
      const reopened = new JiraStandIn({ store, aliases: PROCESS_ALIASES });
      expect(reopened.hasData()).toBe(true);
      const call = caller(reopened);
      const found = await call(asApp, 'POST', '/rest/api/3/search/jql', { jql: 'asmProcess = INC OR summary ~ Kept', fields: ['key'] });
      expect(found.body.issues.map((i: { key: string }) => i.key).sort()).toEqual(['ITSM-2', 'ITSM-4']);
      expect(
        reopened.createIssue({ projectKey: 'ITSM', issueTypeId: ISSUE_TYPE.task, summary: 'After', reporterAccountId: USERS.member }).key,
      ).toBe('ITSM-5');
      store.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports contract violations from the guard, prefixed with method and path', async () => {
    const store = DurableStore.open(null);
    const guard = {
      checkRequest: (req: { method: string }) => (req.method === 'POST' ? ['request body looks wrong'] : []),
      checkResponse: (_req: unknown, res: { status: number }) => (res.status === 404 ? ['404 not documented'] : []),
    };
    const jira = new JiraStandIn({ store, aliases: [], guard });
    jira.loadDataset(aDataset());
    const call = caller(jira);
    await call(asApp, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = ITSM' });
    await call(asApp, 'GET', '/rest/api/3/issue/NOPE-1');
    expect(jira.contractViolations).toEqual([
      'POST /rest/api/3/search/approximate-count: request body looks wrong',
      'GET /rest/api/3/issue/NOPE-1: 404 not documented',
    ]);
  });
});
