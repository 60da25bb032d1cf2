import { DurableStore } from '../../../../workbench/store/durableStore';
import { JiraStandIn } from '../../../../workbench/jira/jiraStandIn';
import { createOpenApiGuard, sharedSpecsAvailable } from '../../../../workbench/contract/openApiGuard';
import { ISSUE_TYPE, TEST_NOW, USERS, aDataset, jiraTime, testDate } from '../../../builders/datasetBuilders';
import { PROCESS_ALIASES, asApp, asUser, caller } from './standInClient';

/** Every exchange goes through the OpenAPI guard, so a drift from Jira's shapes fails these tests. */
function guardedStandIn() {
  if (!sharedSpecsAvailable()) throw new Error('These tests need ../shared/jira-openapi (the Jira OpenAPI descriptions).');
  const guard = createOpenApiGuard({
    manifestScopes: [
      'read:jira-work',
      'write:jira-work',
      'read:jira-user',
      'manage:jira-configuration',
      'manage:jira-project',
      'read:board-scope:jira-software',
      'read:sprint:jira-software',
      'read:issue-details:jira',
      'read:board-scope.admin:jira-software',
      'read:project:jira',
      'read:jql:jira',
    ],
  });
  const jira = new JiraStandIn({ store: DurableStore.open(null), aliases: PROCESS_ALIASES, guard, now: () => new Date(TEST_NOW) });
  jira.loadDataset(aDataset());
  return { jira, call: caller(jira) };
}

describe('Jira stand-in site and agile endpoints', () => {
  it('looks up users in bulk, by prefix search and as myself', async () => {
    const { call, jira } = guardedStandIn();
    const bulk = await call(
      asUser(USERS.member),
      'GET',
      `/rest/api/3/user/bulk?accountId=${USERS.admin}&accountId=${USERS.viewer}&accountId=nobody`,
    );
    expect(bulk.body).toMatchObject({ startAt: 0, total: 2, isLast: true });
    expect(bulk.body.values.map((u: { displayName: string }) => u.displayName)).toEqual(['Ada Admin', 'Vera Viewer']);
    const search = await call(asUser(USERS.member), 'GET', '/rest/api/3/user/search?query=ma');
    expect(search.body.map((u: { accountId: string }) => u.accountId).sort()).toEqual([USERS.asm, USERS.member]);
    expect((await call(asUser(USERS.member), 'GET', '/rest/api/3/user/search?query=vera%40')).body).toHaveLength(0);
    expect((await call(asUser(USERS.member), 'GET', '/rest/api/3/user/search?query=viewer%40')).body).toHaveLength(1);
    expect((await call(asUser(USERS.viewer), 'GET', '/rest/api/3/myself')).body).toMatchObject({
      accountId: USERS.viewer,
      displayName: 'Vera Viewer',
    });
    expect(jira.requestLog.map((entry) => entry.returnedObjects)).toEqual([2, 2, 0, 1, 1]);
    expect(jira.contractViolations).toEqual([]);
  });

  it('lists fields (Sprint, Flagged), statuses and issue types, and creates issue types as an admin only', async () => {
    const { call, jira } = guardedStandIn();
    const fields = (await call(asApp, 'GET', '/rest/api/3/field')).body;
    expect(fields.find((f: { id: string }) => f.id === 'customfield_10020')).toMatchObject({
      name: 'Sprint',
      schema: { custom: 'com.pyxis.greenhopper.jira:gh-sprint' },
    });
    expect(fields.find((f: { id: string }) => f.id === 'customfield_10021')).toMatchObject({ name: 'Flagged' });
    expect((await call(asApp, 'GET', '/rest/api/3/status')).body).toHaveLength(3);
    expect((await call(asUser(USERS.member), 'POST', '/rest/api/3/issuetype', { name: 'Incident' })).status).toBe(403);
    const created = await call(asUser(USERS.admin), 'POST', '/rest/api/3/issuetype', { name: 'Incident', description: 'ITSM incident' });
    expect(created).toMatchObject({ status: 201, body: { name: 'Incident', hierarchyLevel: 0 } });
    expect((await call(asUser(USERS.admin), 'POST', '/rest/api/3/issuetype', { name: 'incident' })).status).toBe(409);
    expect((await call(asApp, 'GET', '/rest/api/3/issuetype')).body).toHaveLength(5);
    expect(jira.contractViolations).toEqual([]);
  });

  it('keeps an issue type scheme per company-managed project and none for team-managed ones', async () => {
    const { call, jira } = guardedStandIn();
    const schemes = await call(asApp, 'GET', '/rest/api/3/issuetypescheme/project?projectId=10000&projectId=10001');
    expect(schemes.body.values).toHaveLength(1);
    expect(schemes.body.values[0].projectIds).toEqual(['10000']);
    const schemeId = schemes.body.values[0].issueTypeScheme.id;
    const type = (await call(asApp, 'POST', '/rest/api/3/issuetype', { name: 'Incident' })).body;
    expect(
      (await call(asUser(USERS.member), 'PUT', `/rest/api/3/issuetypescheme/${schemeId}/issuetype`, { issueTypeIds: [type.id] })).status,
    ).toBe(403);
    expect((await call(asApp, 'PUT', `/rest/api/3/issuetypescheme/${schemeId}/issuetype`, { issueTypeIds: [type.id] })).status).toBe(204);
    expect((await call(asApp, 'PUT', `/rest/api/3/issuetypescheme/${schemeId}/issuetype`, { issueTypeIds: [type.id] })).status).toBe(400);
    const types = (await call(asUser(USERS.member), 'GET', '/rest/api/3/issuetype/project?projectId=10000')).body;
    expect(types.map((t: { name: string }) => t.name)).toContain('Incident');
    const created = await call(asUser(USERS.member), 'POST', '/rest/api/3/issue', {
      fields: { project: { id: '10000' }, issuetype: { id: type.id }, summary: 'Outage' },
    });
    expect(created.status).toBe(201);
    const teamTypes = (await call(asUser(USERS.member), 'GET', '/rest/api/3/issuetype/project?projectId=10001')).body;
    expect(teamTypes.map((t: { id: string }) => t.id)).toEqual([ISSUE_TYPE.story, ISSUE_TYPE.task]);
    expect(jira.contractViolations).toEqual([]);
  });

  it("serves boards, sprints in Jira's order, board configuration and sprint issues by permission", async () => {
    const { call, jira } = guardedStandIn();
    const boards = await call(asUser(USERS.viewer), 'GET', '/rest/agile/1.0/board?projectKeyOrId=ITSM&type=scrum');
    expect(boards.body.values.map((b: { id: number }) => b.id)).toEqual([1]);
    expect((await call(asUser(USERS.outsider), 'GET', '/rest/agile/1.0/board/1')).status).toBe(404);
    const sprints = await call(asUser(USERS.viewer), 'GET', '/rest/agile/1.0/board/1/sprint?state=active,closed');
    expect(sprints.body.values.map((s: { id: number; state: string }) => [s.id, s.state])).toEqual([
      [1, 'closed'],
      [2, 'active'],
    ]);
    const sprint = (await call(asUser(USERS.viewer), 'GET', '/rest/agile/1.0/sprint/2')).body;
    expect(sprint).toMatchObject({ id: 2, state: 'active', originBoardId: 1, goal: 'Ship it', startDate: jiraTime(testDate(-14)) });
    const config = await call(asUser(USERS.viewer), 'GET', '/rest/agile/1.0/board/1/configuration');
    expect(config.body.columnConfig.columns.map((c: { name: string }) => c.name)).toEqual(['To Do', 'In Progress', 'Done']);
    const issues = await call(asUser(USERS.viewer), 'GET', '/rest/agile/1.0/sprint/2/issue?fields=summary,status&maxResults=1');
    expect(issues.body).toMatchObject({ total: 2, maxResults: 1 });
    expect(issues.body.issues[0].key).toBe('ITSM-2');
    expect((await call(asUser(USERS.outsider), 'GET', '/rest/agile/1.0/sprint/2/issue')).status).toBe(404);
    expect(jira.contractViolations).toEqual([]);
  });

  it('passes the OpenAPI guard for issue reads, searches, property writes and bulk changelogs', async () => {
    const { call, jira } = guardedStandIn();
    await call(asUser(USERS.viewer), 'GET', '/rest/api/3/issue/ITSM-2?fields=*all&properties=process-loop-link');
    await call(asUser(USERS.member), 'PUT', '/rest/api/3/issue/ITSM-2/properties/process-loop-link', { processKey: 'INC' });
    await call(asUser(USERS.member), 'GET', '/rest/api/3/issue/ITSM-2/properties/process-loop-link');
    await call(asUser(USERS.member), 'GET', '/rest/api/3/issue/ITSM-2/properties');
    await call(asUser(USERS.member), 'POST', '/rest/api/3/search/jql', {
      jql: 'asmProcess = INC',
      fields: ['*all'],
      properties: ['process-loop-link'],
      maxResults: 10,
    });
    await call(asUser(USERS.member), 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = ITSM' });
    jira.applyIssueUpdate('ITSM-2', { statusId: '10002' }, { authorAccountId: USERS.member, at: new Date(TEST_NOW) });
    await call(asUser(USERS.member), 'POST', '/rest/api/3/changelog/bulkfetch', {
      issueIdsOrKeys: ['ITSM-2'],
      fieldIds: ['status'],
      maxResults: 10,
    });
    await call(asUser(USERS.member), 'GET', '/rest/api/3/issue/ITSM-2/changelog');
    await call(asUser(USERS.member), 'GET', '/rest/api/3/project/ITSM');
    await call(asUser(USERS.member), 'GET', '/rest/api/3/mypermissions?permissions=EDIT_ISSUES&issueId=10002');
    await call(asUser(USERS.outsider), 'GET', '/rest/api/3/issue/ITSM-2');
    expect(jira.contractViolations).toEqual([]);
    expect(jira.requestLog.every((entry) => entry.status < 400 || entry.status === 404)).toBe(true);
  });
});

describe('Jira stand-in date-times', () => {
  it("answers in the requesting user's time zone, as Jira does, and in UTC to the app", async () => {
    const { call, jira } = guardedStandIn();
    const dataset = aDataset();
    jira.loadDataset({
      ...dataset,
      users: dataset.users.map((user) => (user.accountId === USERS.member ? { ...user, timeZone: 'Europe/Berlin' } : user)),
    });
    const asBerlin = await call(asUser(USERS.member), 'GET', '/rest/api/3/issue/ITSM-1?fields=created');
    const asApplication = await call(asApp, 'GET', '/rest/api/3/issue/ITSM-1?fields=created');
    const utc: string = asApplication.body.fields.created;
    const local: string = asBerlin.body.fields.created;
    expect(utc).toMatch(/\+0000$/);
    // Berlin is one or two hours ahead of UTC, whatever the date: the same instant, written with its offset.
    expect(local).toMatch(/\+0[12]00$/);
    expect(Date.parse(local)).toBe(Date.parse(utc));
    expect(jira.contractViolations).toEqual([]);
  });
});
