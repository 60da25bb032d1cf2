import type { JiraCall } from '../../../src/jira/jiraRequest';
import { clearFieldIdCache, discoverSprintFieldIds, pickSprintFieldIds } from '../../../src/jira/jiraFields';
import { clearStatusCache, fetchStatusCatalog } from '../../../src/jira/statuses';
import { installFakeJira, resetRateLimits } from './fakeJira';
import { FLAGGED_FIELD, SPRINT_FIELD, fieldBean, standardFields } from './jiraBuilders';

afterEach(() => {
  clearFieldIdCache();
  resetRateLimits();
});

const onSite = (site: string): JiraCall => ({ actor: 'user', site });

describe('pickSprintFieldIds', () => {
  it('finds Sprint by its field type, whatever its (translated) name', () => {
    const fields = [
      fieldBean('customfield_10100', 'Sprint'),
      fieldBean('customfield_10200', 'Sprint-Zyklus', 'com.pyxis.greenhopper.jira:gh-sprint'),
    ];
    expect(pickSprintFieldIds(fields).sprint).toBe('customfield_10200');
  });

  it('prefers the checkbox field among several named Flagged', () => {
    const fields = [
      fieldBean('customfield_1', 'Flagged', 'com.atlassian.jira.plugin.system.customfieldtypes:textfield'),
      fieldBean('customfield_2', 'Flagged', 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes'),
    ];
    expect(pickSprintFieldIds(fields).flagged).toBe('customfield_2');
  });

  it('answers null for a field the site lacks', () => {
    expect(pickSprintFieldIds([fieldBean('summary', 'Summary')])).toEqual({ sprint: null, flagged: null });
  });
});

describe('discoverSprintFieldIds', () => {
  it('asks each site once, and never answers one site with another’s ids', async () => {
    const otherSiteFields = [
      fieldBean('customfield_20000', 'Sprint', 'com.pyxis.greenhopper.jira:gh-sprint'),
      fieldBean('customfield_20001', 'Flagged', 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes'),
    ];
    const jira = installFakeJira(
      (request) => ({ body: request.site === 'site:b' ? otherSiteFields : standardFields() }),
      () => currentSite,
    );
    let currentSite = 'site:a';

    expect(await discoverSprintFieldIds(onSite('site:a'))).toEqual({ sprint: SPRINT_FIELD, flagged: FLAGGED_FIELD });
    expect(await discoverSprintFieldIds(onSite('site:a'))).toEqual({ sprint: SPRINT_FIELD, flagged: FLAGGED_FIELD });
    currentSite = 'site:b';
    expect(await discoverSprintFieldIds(onSite('site:b'))).toEqual({ sprint: 'customfield_20000', flagged: 'customfield_20001' });

    expect(jira.requests.map((request) => `${request.site} ${request.method} ${request.path}`)).toEqual([
      'site:a GET /rest/api/3/field',
      'site:b GET /rest/api/3/field',
    ]);
  });

  it('does not keep an incomplete answer: another user may see the missing field', async () => {
    const jira = installFakeJira(() => ({ body: [fieldBean('summary', 'Summary')] }));

    await discoverSprintFieldIds(onSite('site:a'));
    await discoverSprintFieldIds(onSite('site:a'));

    expect(jira.requests).toHaveLength(2);
  });

  it('reports a refusal in Jira’s words', async () => {
    installFakeJira(() => ({ status: 403, body: { errorMessages: ['No access.'] } }));

    await expect(discoverSprintFieldIds(onSite('site:a'))).rejects.toMatchObject({
      kind: 'upstream',
      message: expect.stringContaining('No access.'),
    });
  });
});

describe('fetchStatusCatalog', () => {
  const statuses = [
    { id: '1', name: 'To Do', statusCategory: { key: 'new' } },
    { id: '3', name: 'In Progress', statusCategory: { key: 'indeterminate' } },
    { id: '5', name: 'Done', statusCategory: { key: 'done' } },
  ];
  afterEach(() => clearStatusCache());

  it('maps status ids to names and categories, cached per site and user', async () => {
    const jira = installFakeJira(() => ({ body: statuses }));
    const ada: JiraCall = { actor: 'user', site: 'site:a', accountId: 'ada' };

    expect(await fetchStatusCatalog(ada)).toEqual({
      '1': { name: 'To Do', category: 'new' },
      '3': { name: 'In Progress', category: 'indeterminate' },
      '5': { name: 'Done', category: 'done' },
    });
    await fetchStatusCatalog(ada);
    expect(jira.requests).toHaveLength(1);

    await fetchStatusCatalog({ ...ada, accountId: 'bob' });
    await fetchStatusCatalog({ ...ada, site: 'site:b' });
    expect(jira.requests).toHaveLength(3);
    expect(jira.requests[0]?.path).toBe('/rest/api/3/status');
  });

  it('does not cache a user’s answer when it cannot tell which user', async () => {
    const jira = installFakeJira(() => ({ body: statuses }));

    await fetchStatusCatalog(onSite('site:a'));
    await fetchStatusCatalog(onSite('site:a'));

    expect(jira.requests).toHaveLength(2);
  });
});
