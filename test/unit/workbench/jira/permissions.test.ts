import { aBoard, aDataset, USERS } from '../../../builders/datasetBuilders';
import { asApp, asUser, standIn } from './standInClient';

const NOT_FOUND = { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} };

describe('Jira stand-in permissions', () => {
  it('shows an issue to a user who may browse its project, and answers 404 like Jira to one who may not', async () => {
    const { call } = standIn();
    const seen = await call(asUser(USERS.viewer), 'GET', '/rest/api/3/issue/ITSM-2?fields=summary,status,customfield_10020,parent');
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: '10002', key: 'ITSM-2', fields: { summary: 'Reset my password', parent: { key: 'ITSM-1' } } });
    expect(seen.body.fields.status.statusCategory).toEqual(
      expect.objectContaining({ id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' }),
    );
    expect(seen.body.fields.customfield_10020.map((s: { id: number; state: string }) => [s.id, s.state])).toEqual([
      [1, 'closed'],
      [2, 'active'],
    ]);
    expect(Object.keys(seen.body.fields).sort()).toEqual(['customfield_10020', 'parent', 'status', 'summary']);

    const hidden = await call(asUser(USERS.outsider), 'GET', '/rest/api/3/issue/ITSM-2');
    expect(hidden).toMatchObject({ status: 404, body: NOT_FOUND });
    const missing = await call(asUser(USERS.viewer), 'GET', '/rest/api/3/issue/ITSM-999');
    expect(missing).toMatchObject({ status: 404, body: NOT_FOUND });
  });

  it('lets asApp see everything and refuses anonymous callers with 401', async () => {
    const { call } = standIn();
    expect((await call(asApp, 'GET', '/rest/api/3/issue/10003?fields=summary')).status).toBe(200);
    expect((await call({ kind: 'anonymous' }, 'GET', '/rest/api/3/issue/ITSM-3')).status).toBe(401);
  });

  it('filters search results to what the caller may browse', async () => {
    const { call } = standIn();
    const keys = async (who: Parameters<typeof call>[0]) =>
      (
        await call(who, 'POST', '/rest/api/3/search/jql', { jql: 'project in (ITSM, TEAM) ORDER BY key ASC', fields: ['key'] })
      ).body.issues.map((i: { key: string }) => i.key);
    expect(await keys(asApp)).toEqual(['ITSM-1', 'ITSM-2', 'ITSM-3', 'TEAM-1']);
    expect(await keys(asUser(USERS.viewer))).toEqual(['ITSM-1', 'ITSM-2', 'ITSM-3', 'TEAM-1']);
    // The outsider cannot see ITSM at all, so naming it is a 400 as in Jira.
    expect((await call(asUser(USERS.outsider), 'POST', '/rest/api/3/search/jql', { jql: 'project = ITSM' })).status).toBe(400);
  });

  it('hides a project the user cannot browse', async () => {
    const { call } = standIn();
    const project = await call(asUser(USERS.member), 'GET', '/rest/api/3/project/TEAM');
    expect(project.body).toMatchObject({ key: 'TEAM', style: 'next-gen', simplified: true });
    expect((await call(asUser(USERS.member), 'GET', '/rest/api/3/project/ITSM')).body).toMatchObject({
      style: 'classic',
      simplified: false,
    });
    expect((await call(asUser(USERS.outsider), 'GET', '/rest/api/3/project/ITSM')).status).toBe(404);
  });

  it('answers mypermissions per issue, per project and globally', async () => {
    const { call } = standIn();
    const perms = async (who: Parameters<typeof call>[0], query: string) =>
      call(who, 'GET', `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER${query}`);
    const viewer = await perms(asUser(USERS.viewer), '&issueId=10002');
    expect(viewer.status).toBe(200);
    expect(viewer.body.permissions.BROWSE_PROJECTS).toMatchObject({ id: '10', key: 'BROWSE_PROJECTS', havePermission: true });
    expect(viewer.body.permissions.EDIT_ISSUES.havePermission).toBe(false);
    expect(viewer.body.permissions.ADMINISTER.havePermission).toBe(false);
    expect((await perms(asUser(USERS.admin), '')).body.permissions.ADMINISTER.havePermission).toBe(true);
    expect((await perms(asUser(USERS.member), '&projectKey=ITSM')).body.permissions.EDIT_ISSUES.havePermission).toBe(true);
    expect((await perms(asUser(USERS.outsider), '&issueId=10002')).status).toBe(404);
    expect((await perms(asUser(USERS.outsider), '&projectKey=ITSM')).status).toBe(404);
    expect((await call(asUser(USERS.viewer), 'GET', '/rest/api/3/mypermissions')).status).toBe(400);
  });

  it('needs EDIT_ISSUES to write an issue property: 201 created, 200 updated, 403 without, 404 unseen', async () => {
    const { call, jira } = standIn();
    const path = '/rest/api/3/issue/ITSM-2/properties/process-loop-link';
    expect((await call(asUser(USERS.member), 'PUT', path, { processKey: 'INC' })).status).toBe(201);
    expect((await call(asUser(USERS.member), 'PUT', path, { processKey: 'CHG' })).status).toBe(200);
    expect((await call(asUser(USERS.viewer), 'PUT', path, { processKey: 'X' })).status).toBe(403);
    expect((await call(asUser(USERS.outsider), 'PUT', path, { processKey: 'X' })).status).toBe(404);
    expect((await call(asUser(USERS.viewer), 'GET', path)).body).toEqual({ key: 'process-loop-link', value: { processKey: 'CHG' } });
    expect(
      (await call(asUser(USERS.viewer), 'GET', '/rest/api/3/issue/ITSM-2/properties')).body.keys.map((k: { key: string }) => k.key),
    ).toEqual(['process-loop-link']);
    expect(jira.issue('ITSM-2')?.properties).toEqual({ 'process-loop-link': { processKey: 'CHG' } });

    expect((await call(asUser(USERS.viewer), 'DELETE', path)).status).toBe(403);
    expect((await call(asUser(USERS.member), 'DELETE', path)).status).toBe(204);
    expect((await call(asUser(USERS.member), 'GET', path)).status).toBe(404);
  });

  it("refuses property values over Jira's 32 KB limit with 400", async () => {
    const { call } = standIn();
    const big = { text: 'x'.repeat(32768) };
    const answer = await call(asApp, 'PUT', '/rest/api/3/issue/ITSM-1/properties/big', big);
    expect(answer.status).toBe(400);
    expect(answer.body.errorMessages[0]).toContain('32768');
    expect((await call(asApp, 'PUT', '/rest/api/3/issue/ITSM-1/properties/small', { text: 'x'.repeat(32000) })).status).toBe(201);
  });
});

describe('Jira stand-in issue security and sprints shared across boards', () => {
  const MANAGEMENT_ONLY = { id: '10100', name: 'Management only', members: [USERS.apo] };

  it('hides an issue under a security level from everyone but its members, in reads, searches and sprint lists', async () => {
    const { jira, call } = standIn();
    jira.setIssueSecurity('ITSM-3', MANAGEMENT_ONLY);
    const searchKeys = async (who: Parameters<typeof call>[0]) =>
      (await call(who, 'POST', '/rest/api/3/search/jql', { jql: 'sprint = 2 ORDER BY key ASC', fields: ['key'] })).body.issues.map(
        (issue: { key: string }) => issue.key,
      );
    const sprintKeys = async (who: Parameters<typeof call>[0]) =>
      (await call(who, 'GET', '/rest/agile/1.0/sprint/2/issue')).body.issues.map((issue: { key: string }) => issue.key);

    expect((await call(asUser(USERS.asm), 'GET', '/rest/api/3/issue/ITSM-3')).status).toBe(404);
    expect(await searchKeys(asUser(USERS.asm))).toEqual(['ITSM-2']);
    expect(await sprintKeys(asUser(USERS.asm))).toEqual(['ITSM-2']);
    expect((await call(asUser(USERS.apo), 'GET', '/rest/api/3/issue/ITSM-3')).status).toBe(200);
    expect(await searchKeys(asUser(USERS.apo))).toEqual(['ITSM-2', 'ITSM-3']);
    expect(await searchKeys(asApp)).toEqual(['ITSM-2', 'ITSM-3']);

    jira.setIssueSecurity('ITSM-3', null);
    expect(await searchKeys(asUser(USERS.asm))).toEqual(['ITSM-2', 'ITSM-3']);
  });

  it('shows a sprint to whoever may browse one of its issues, and lists it on the boards of that issue’s project', async () => {
    const { jira, call } = standIn(aDataset({ boards: [aBoard(), aBoard({ id: 2, name: 'TEAM board', projectKey: 'TEAM' })] }));
    const sprintsOf = async (who: Parameters<typeof call>[0], boardId: number) =>
      (await call(who, 'GET', `/rest/agile/1.0/board/${boardId}/sprint`)).body.values.map((sprint: { id: number }) => sprint.id);
    jira.setProjectPermissions('TEAM', { browse: [USERS.outsider] });
    expect((await call(asUser(USERS.outsider), 'GET', '/rest/agile/1.0/sprint/2')).status).toBe(404);
    expect(await sprintsOf(asUser(USERS.outsider), 2)).toEqual([]);

    jira.applyIssueUpdate('TEAM-1', { sprintIds: [2] }, { authorAccountId: USERS.member, at: new Date() });
    expect((await call(asUser(USERS.outsider), 'GET', '/rest/agile/1.0/sprint/2')).body).toMatchObject({ id: 2, originBoardId: 1 });
    expect(await sprintsOf(asUser(USERS.outsider), 2)).toEqual([2]);
    expect(await sprintsOf(asUser(USERS.member), 1)).toEqual([1, 2, 3]);
    expect((await call(asUser(USERS.outsider), 'GET', '/rest/agile/1.0/sprint/1')).status).toBe(404);
  });
});
