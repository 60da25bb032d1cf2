import { USERS } from '../../../builders/datasetBuilders';
import { asUser, standIn } from './standInClient';

/** The stand-in's bulk permission check, bulk property write and its task, as Jira answers them. */
describe('Jira stand-in bulk endpoints', () => {
  const check = (issues: number[]) => ({ projectPermissions: [{ permissions: ['EDIT_ISSUES'], issues }] });

  it('checks a permission on many issues at once, leaving out ids it does not know or the caller cannot see', async () => {
    const { call } = standIn();
    const member = await call(asUser(USERS.member), 'POST', '/rest/api/3/permissions/check', check([10001, 10002, 99999]));
    expect(member).toMatchObject({
      status: 200,
      body: { globalPermissions: [], projectPermissions: [{ permission: 'EDIT_ISSUES', issues: [10001, 10002], projects: [] }] },
    });
    const viewer = await call(asUser(USERS.viewer), 'POST', '/rest/api/3/permissions/check', check([10001]));
    expect(viewer.body.projectPermissions).toEqual([{ permission: 'EDIT_ISSUES', issues: [], projects: [] }]);
    const outsider = await call(asUser(USERS.outsider), 'POST', '/rest/api/3/permissions/check', check([10001]));
    expect(outsider.body.projectPermissions[0].issues).toEqual([]);
  });

  it('refuses unknown permissions, too many ids, and checking someone else unless an admin asks', async () => {
    const { call } = standIn();
    const fly = { projectPermissions: [{ permissions: ['FLY'] }] };
    const unknown = await call(asUser(USERS.member), 'POST', '/rest/api/3/permissions/check', fly);
    expect(unknown).toMatchObject({ status: 400, body: { errors: { FLY: 'Unrecognized permission' } } });
    const many = Array.from({ length: 1001 }, (_, index) => 10000 + index);
    expect((await call(asUser(USERS.member), 'POST', '/rest/api/3/permissions/check', check(many))).status).toBe(400);
    const other = await call(asUser(USERS.member), 'POST', '/rest/api/3/permissions/check', { accountId: USERS.viewer, ...check([10001]) });
    expect(other.status).toBe(403);
  });

  it('sets properties on the issues the caller may edit, answers 303 to a task only they can read', async () => {
    const { call, jira } = standIn();
    const link = { 'process-loop-link': { processKey: 'INC' } };
    const body = { issues: [10001, 10002, 99999].map((issueID) => ({ issueID, properties: link })) };
    const viewer = await call(asUser(USERS.viewer), 'POST', '/rest/api/3/issue/properties/multi', body);
    expect(viewer.status).toBe(303);
    expect(jira.issue('ITSM-1')?.properties['process-loop-link']).toBeUndefined();

    const member = await call(asUser(USERS.member), 'POST', '/rest/api/3/issue/properties/multi', body);
    expect(member.status).toBe(303);
    expect(jira.issue('ITSM-1')?.properties['process-loop-link']).toEqual({ processKey: 'INC' });
    expect(jira.issue('ITSM-2')?.properties['process-loop-link']).toEqual({ processKey: 'INC' });

    const taskPath = new URL(member.headers.Location ?? '').pathname;
    expect(taskPath).toMatch(/^\/rest\/api\/3\/task\/\d+$/);
    expect(await call(asUser(USERS.member), 'GET', taskPath)).toMatchObject({ status: 200, body: { status: 'COMPLETE', progress: 100 } });
    expect((await call(asUser(USERS.apo), 'GET', taskPath)).status).toBe(404);
  });

  it('refuses more than 100 issues, or an issue without properties, and writes nothing', async () => {
    const { call, jira } = standIn();
    const tooMany = { issues: Array.from({ length: 101 }, (_, index) => ({ issueID: 10001 + index, properties: { p: 1 } })) };
    expect((await call(asUser(USERS.member), 'POST', '/rest/api/3/issue/properties/multi', tooMany)).status).toBe(400);
    const empty = {
      issues: [
        { issueID: 10001, properties: { p: 1 } },
        { issueID: 10002, properties: {} },
      ],
    };
    expect((await call(asUser(USERS.member), 'POST', '/rest/api/3/issue/properties/multi', empty)).status).toBe(400);
    expect(jira.issue('ITSM-1')?.properties.p).toBeUndefined();
  });
});
