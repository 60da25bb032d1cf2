import { STATUS, TEST_NOW, testDate, USERS, aDataset, aDatasetInput, anIssue } from '../../../builders/datasetBuilders';
import { asApp, asUser, standIn } from './standInClient';

/** Keys found by `jql`, asked as `who` (asApp by default). */
async function keysFor(jql: string, who = asApp, dataset = aDataset()) {
  const { call } = standIn(dataset);
  const answer = await call(who, 'POST', '/rest/api/3/search/jql', { jql, fields: ['key'], maxResults: 100 });
  if (answer.status !== 200) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.issues.map((issue: { key: string }) => issue.key).sort();
}

describe('Jira stand-in JQL', () => {
  it('finds issues by entity property alias, with Jira operators', async () => {
    const input = aDatasetInput();
    input.issues = [
      anIssue({ key: 'ITSM-1', properties: { 'process-loop-link': { processKey: 'INC', valueStreamKey: 'OPS' } } }),
      anIssue({ key: 'ITSM-2', properties: { 'process-loop-link': { processKey: 'CHG' } } }),
      anIssue({ key: 'ITSM-3' }),
    ];
    const dataset = aDataset(input);
    expect(await keysFor('asmProcess = INC', asApp, dataset)).toEqual(['ITSM-1']);
    expect(await keysFor('asmProcess in (INC, CHG)', asApp, dataset)).toEqual(['ITSM-1', 'ITSM-2']);
    expect(await keysFor('project = ITSM AND asmProcess is EMPTY', asApp, dataset)).toEqual(['ITSM-3']);
    expect(await keysFor('asmProcess is not empty AND asmValueStream = OPS', asApp, dataset)).toEqual(['ITSM-1']);
    // Jira's != leaves out issues without a value.
    expect(await keysFor('asmProcess != INC', asApp, dataset)).toEqual(['ITSM-2']);
  });

  it('finds a property written after an earlier search', async () => {
    const { call } = standIn(aDataset());
    const search = () => call(asApp, 'POST', '/rest/api/3/search/jql', { jql: 'asmProcess = INC', fields: ['key'] });
    expect((await search()).body.issues).toEqual([]);
    expect(
      (await call(asUser(USERS.member), 'PUT', '/rest/api/3/issue/ITSM-2/properties/process-loop-link', { processKey: 'INC' })).status,
    ).toBe(201);
    expect((await search()).body.issues.map((issue: { key: string }) => issue.key)).toEqual(['ITSM-2']);
  });

  it('reads sprints by id, name and the sprint functions', async () => {
    expect(await keysFor('sprint = 2')).toEqual(['ITSM-2', 'ITSM-3']);
    expect(await keysFor('sprint = "Sprint 1"')).toEqual(['ITSM-2']);
    expect(await keysFor('sprint in openSprints()')).toEqual(['ITSM-2', 'ITSM-3']);
    expect(await keysFor('sprint in closedSprints()')).toEqual(['ITSM-2']);
    expect(await keysFor('project = ITSM AND sprint is EMPTY')).toEqual(['ITSM-1']);
  });

  it('reads status, statusCategory, issue type, labels, components, parent, flagged and users', async () => {
    expect(await keysFor('statusCategory = Done')).toEqual(['ITSM-3']);
    expect(await keysFor('statusCategory in ("To Do", indeterminate)')).toEqual(['ITSM-1', 'ITSM-2', 'TEAM-1']);
    expect(await keysFor(`status = "in progress" OR status = ${STATUS.done}`)).toEqual(['ITSM-2', 'ITSM-3']);
    expect(await keysFor('issuetype = Epic')).toEqual(['ITSM-1']);
    expect(await keysFor('labels = vpn')).toEqual(['ITSM-2']);
    expect(await keysFor('component = Backend')).toEqual(['ITSM-3']);
    expect(await keysFor('parent = ITSM-1')).toEqual(['ITSM-2']);
    expect(await keysFor('flagged is not empty')).toEqual(['ITSM-3']);
    expect(await keysFor('Flagged = Impediment')).toEqual(['ITSM-3']);
    expect(await keysFor('assignee = currentUser()', asUser(USERS.member))).toEqual(['ITSM-2']);
    expect(await keysFor('project = ITSM AND assignee is EMPTY')).toEqual(['ITSM-1', 'ITSM-3']);
  });

  it('combines clauses with AND, OR, NOT and parentheses, and matches text with ~', async () => {
    expect(await keysFor('project = ITSM AND NOT (status = Done OR issuetype = Epic)')).toEqual(['ITSM-2']);
    expect(await keysFor('summary ~ "password reset"')).toEqual(['ITSM-2']);
    expect(await keysFor('project = ITSM AND summary !~ laptop')).toEqual(['ITSM-1', 'ITSM-2']);
    expect(await keysFor('key in (ITSM-1, TEAM-1)')).toEqual(['ITSM-1', 'TEAM-1']);
  });

  it('compares dates: absolute, "yyyy-MM-dd HH:mm" and relative to now', async () => {
    // Noon of yesterday and of thirteen days ago (UTC, the stand-in site's zone), whatever the hour of TEST_NOW.
    const today = Date.parse(`${TEST_NOW.slice(0, 10)}T00:00:00.000Z`);
    const noon = (daysAgo: number) => new Date(today - daysAgo * 86_400_000 + 12 * 3_600_000).toISOString();
    const input = aDatasetInput();
    input.issues = [
      anIssue({ key: 'ITSM-1', created: noon(1), updated: noon(1) }),
      anIssue({ key: 'ITSM-2', created: noon(13), updated: noon(13) }),
    ];
    const dataset = aDataset(input);
    expect(await keysFor('created >= -2d', asApp, dataset)).toEqual(['ITSM-1']);
    expect(await keysFor(`created < ${noon(12).slice(0, 10)}`, asApp, dataset)).toEqual(['ITSM-2']);
    expect(await keysFor(`updated > "${noon(1).slice(0, 10)} 11:59"`, asApp, dataset)).toEqual(['ITSM-1']);
  });

  it('orders by key numerically and by created', async () => {
    const input = aDatasetInput();
    input.issues = [2, 10, 1].map((n) => anIssue({ key: `ITSM-${n}`, created: testDate(-40 + n), updated: testDate(-40) }));
    const { call } = standIn(aDataset(input));
    const order = async (jql: string) =>
      (await call(asApp, 'POST', '/rest/api/3/search/jql', { jql, fields: ['key'] })).body.issues.map((i: { key: string }) => i.key);
    expect(await order('project = ITSM ORDER BY key ASC')).toEqual(['ITSM-1', 'ITSM-2', 'ITSM-10']);
    expect(await order('project = ITSM ORDER BY key DESC')).toEqual(['ITSM-10', 'ITSM-2', 'ITSM-1']);
    expect(await order('project = ITSM ORDER BY created ASC')).toEqual(['ITSM-1', 'ITSM-2', 'ITSM-10']);
  });

  it('answers 400 for an unsupported construct, a syntax error, an unknown value and an unbounded query', async () => {
    const { call } = standIn();
    const search = (jql: string) => call(asApp, 'POST', '/rest/api/3/search/jql', { jql });
    const unsupported = await search('status WAS Done');
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.errorMessages[0]).toMatch(/^The workbench's Jira stand-in does not support .* yet\.$/);
    expect((await search('fixVersion = 1.0')).body.errorMessages[0]).toContain("does not support the JQL field 'fixVersion'");
    const syntax = await search('project = ');
    expect(syntax.status).toBe(400);
    expect(syntax.body.errorMessages[0]).toMatch(/^Error in the JQL Query: /);
    expect((await search('status = Nowhere')).body).toEqual({
      errorMessages: ["The value 'Nowhere' does not exist for the field 'status'."],
      errors: {},
    });
    expect((await search('order by key desc')).status).toBe(400);
    expect((await call(asApp, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = ITSM' })).body).toEqual({ count: 3 });
  });
});
