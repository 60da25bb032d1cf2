import path from 'node:path';
import { createOpenApiGuard, findJiraOperation, listOperationScopes, sharedSpecsAvailable } from '../../workbench/contract/openApiGuard';
import { bulkChangelogBody, bulkChangelogResponse, changeItem, CLASSIC_SCOPES, issueBean, searchJqlBody } from './jiraExchangeBuilders';

const guard = createOpenApiGuard({ manifestScopes: CLASSIC_SCOPES });
const get = (pathWithQuery: string): string[] => guard.checkRequest({ method: 'GET', pathWithQuery, body: undefined });

describe('the shared OpenAPI descriptions', () => {
  it('are present beside the project (../shared/jira-openapi)', () => {
    expect(sharedSpecsAvailable()).toBe(true);
  });

  it('say clearly, instead of crashing, when the folder is absent', () => {
    const nowhere = path.join(__dirname, 'no-such-shared', 'jira-openapi');
    expect(sharedSpecsAvailable(nowhere)).toBe(false);
    expect(() => createOpenApiGuard({ specDir: nowhere, manifestScopes: [] })).toThrow(
      /\.\.\/shared\/jira-openapi is missing: clone the repo beside shared\//,
    );
    expect(() => listOperationScopes('GET', '/rest/api/3/myself', nowhere)).toThrow(/jira-platform\.v3\.json/);
  });
});

describe('checkRequest: requests real Jira accepts', () => {
  it.each([
    ['GET', '/rest/api/3/issue/ITSM-1?fields=summary,project', undefined],
    ['GET', '/rest/api/3/issue/ITSM-1?fields=summary&fields=project&properties=process-loop-link', undefined],
    ['POST', '/rest/api/3/search/jql', searchJqlBody()],
    ['POST', '/rest/api/3/search/jql', JSON.stringify(searchJqlBody({ nextPageToken: 'abc' }))],
    ['POST', '/rest/api/3/changelog/bulkfetch', bulkChangelogBody()],
    ['GET', '/rest/api/3/user/bulk?accountId=a1&accountId=b2&maxResults=50', undefined],
    ['GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES&projectKey=ITSM', undefined],
    ['PUT', '/rest/api/3/issue/10001/properties/process-loop-link', { processKey: 'INC' }],
    // Property values are any JSON, although the description types them as Jackson's JsonNode class.
    ['POST', '/rest/api/3/issue/properties/multi', { issues: [{ issueID: 10001, properties: { link: { processKey: 'INC' } } }] }],
    ['POST', '/rest/api/3/permissions/check', { projectPermissions: [{ permissions: ['EDIT_ISSUES'], issues: [10001, 10002] }] }],
  ])('%s %s passes', (method, pathWithQuery, body) => {
    expect(guard.checkRequest({ method, pathWithQuery, body })).toEqual([]);
  });

  it('prefers a literal segment over a template (search/jql is not issue/{id}-like)', () => {
    expect(findJiraOperation('GET', '/rest/api/3/issue/picker')?.template).toBe('/rest/api/3/issue/picker');
    expect(findJiraOperation('GET', '/rest/api/3/issue/ITSM-1')?.template).toBe('/rest/api/3/issue/{issueIdOrKey}');
    expect(findJiraOperation('POST', '/rest/api/3/search/jql')?.template).toBe('/rest/api/3/search/jql');
  });
});

describe('checkRequest: requests the contract refuses', () => {
  it('an unknown path', () => {
    expect(get('/rest/api/3/processes/INC')).toEqual([expect.stringMatching(/no Jira REST operation has this path/)]);
  });

  it('a method the path does not have', () => {
    expect(guard.checkRequest({ method: 'PATCH', pathWithQuery: '/rest/api/3/issue/ITSM-1', body: {} })).toEqual([
      expect.stringMatching(/\/rest\/api\/3\/issue\/\{issueIdOrKey\} has no PATCH operation/),
    ]);
  });

  it('the deprecated GET /rest/api/3/search', () => {
    expect(get('/rest/api/3/search?jql=project%20%3D%20ITSM')).toEqual([expect.stringMatching(/GET \/rest\/api\/3\/search is deprecated/)]);
  });

  it('a body with a wrong type', () => {
    const violations = guard.checkRequest({
      method: 'POST',
      pathWithQuery: '/rest/api/3/search/jql',
      body: searchJqlBody({ maxResults: '50' }),
    });
    expect(violations).toEqual([expect.stringMatching(/search\/jql: request body\/maxResults must be integer/)]);
  });

  it('a body property the schema does not declare, and a missing required one', () => {
    const violations = guard.checkRequest({
      method: 'POST',
      pathWithQuery: '/rest/api/3/changelog/bulkfetch',
      body: { issueKeys: ['ITSM-1'] },
    });
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/lacks required property "issueIdsOrKeys"/),
        expect.stringMatching(/property "issueKeys"/),
      ]),
    );
  });

  it('issue keys where bulk endpoints take numeric issue ids', () => {
    const violations = guard.checkRequest({
      method: 'POST',
      pathWithQuery: '/rest/api/3/issue/properties/multi',
      body: { issues: [{ issueID: 'ITSM-1', properties: { 'process-loop-link': { processKey: 'INC' } } }] },
    });
    expect(violations).toEqual([expect.stringMatching(/issues\/0\/issueID must be integer/)]);
  });

  it('a missing required body', () => {
    expect(guard.checkRequest({ method: 'POST', pathWithQuery: '/rest/api/3/search/jql', body: undefined })).toEqual([
      expect.stringMatching(/request body is required/),
    ]);
  });

  it('a query parameter that does not exist, and one whose value does not fit', () => {
    expect(get('/rest/api/3/issue/ITSM-1?fields=summary&include=project&updateHistory=perhaps')).toEqual([
      expect.stringMatching(/query parameter "include" is not declared/),
      expect.stringMatching(/updateHistory must be boolean/),
    ]);
  });

  it('a missing required query parameter', () => {
    expect(get('/rest/api/3/user/bulk?maxResults=10')).toEqual([expect.stringMatching(/required query parameter "accountId" is missing/)]);
  });

  it('a scope missing from the manifest', () => {
    const readOnly = createOpenApiGuard({ manifestScopes: ['read:jira-work'] });
    const violations = readOnly.checkRequest({
      method: 'DELETE',
      pathWithQuery: '/rest/api/3/issue/10001/properties/process-loop-link',
      body: undefined,
    });
    expect(violations).toEqual([
      expect.stringMatching(/needs the scopes of one of Current: \[write:jira-work\] or Beta: \[.*delete:issue\.property:jira/),
    ]);
  });

  it('accepts the granular set instead of the classic one, but only complete', () => {
    const granular = listOperationScopes('GET', '/rest/api/3/issue/ITSM-1')?.find((alt) => alt.state === 'Beta')?.scopes ?? [];
    expect(granular.length).toBeGreaterThan(1);
    expect(
      createOpenApiGuard({ manifestScopes: granular }).checkRequest({
        method: 'GET',
        pathWithQuery: '/rest/api/3/issue/X-1',
        body: undefined,
      }),
    ).toEqual([]);
    expect(
      createOpenApiGuard({ manifestScopes: granular.slice(1) }).checkRequest({
        method: 'GET',
        pathWithQuery: '/rest/api/3/issue/X-1',
        body: undefined,
      }),
    ).toHaveLength(1);
  });

  it('reads the Agile description, whose scopes are granular `security` entries only', () => {
    expect(listOperationScopes('GET', '/rest/agile/1.0/board/7/sprint')).toEqual([
      { state: 'security', scopes: ['read:sprint:jira-software'] },
    ]);
    expect(guard.checkRequest({ method: 'GET', pathWithQuery: '/rest/agile/1.0/board/7/sprint', body: undefined })).toEqual([
      expect.stringMatching(/read:sprint:jira-software/),
    ]);
    expect(guard.checkRequest({ method: 'GET', pathWithQuery: '/rest/agile/1.0/board/seven/sprint', body: undefined })).toEqual(
      expect.arrayContaining([expect.stringMatching(/path parameter \/boardId must be integer/)]),
    );
  });

  it('asks the current reference’s scopes where the 2022 Agile description lists none (GET /board)', () => {
    expect(listOperationScopes('GET', '/rest/agile/1.0/board')).toEqual([
      { state: 'security', scopes: ['read:board-scope:jira-software', 'read:project:jira'] },
    ]);
    const boards = { method: 'GET', pathWithQuery: '/rest/agile/1.0/board?projectKeyOrId=ITSM&type=scrum', body: undefined };
    expect(createOpenApiGuard({ manifestScopes: ['read:board-scope:jira-software', 'read:project:jira'] }).checkRequest(boards)).toEqual(
      [],
    );
    expect(createOpenApiGuard({ manifestScopes: ['read:board-scope:jira-software'] }).checkRequest(boards)).toEqual([
      expect.stringMatching(/read:project:jira/),
    ]);
  });
});

describe('checkResponse', () => {
  const respond = (method: string, pathWithQuery: string, status: number, body: unknown): string[] =>
    guard.checkResponse({ method, pathWithQuery }, { status, body });

  it('accepts bodies that fit the documented schema, Jira-style timestamps included', () => {
    expect(respond('GET', '/rest/api/3/issue/ITSM-1?fields=summary', 200, issueBean())).toEqual([]);
    expect(respond('POST', '/rest/api/3/search/jql', 200, { issues: [issueBean()], isLast: true })).toEqual([]);
    expect(respond('POST', '/rest/api/3/changelog/bulkfetch', 200, JSON.stringify(bulkChangelogResponse()))).toEqual([]);
  });

  it('reports a wrong type and a property the schema does not allow', () => {
    expect(respond('POST', '/rest/api/3/search/jql', 200, { issues: [issueBean('ITSM-1', { id: 10001, rank: 3 })], isLast: true })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/issues\/0\/id must be string/),
        expect.stringMatching(/issues\/0 has property "rank"/),
      ]),
    );
  });

  it('treats null as the spec does: only where `nullable: true`', () => {
    expect(respond('POST', '/rest/api/3/changelog/bulkfetch', 200, bulkChangelogResponse([changeItem({ fromString: 7 })]))).toEqual([
      expect.stringMatching(/items\/0\/fromString must be string/),
    ]);
    expect(respond('POST', '/rest/api/3/search/jql', 200, { issues: [], isLast: true, nextPageToken: null })).toEqual([
      expect.stringMatching(/nextPageToken must be string/),
    ]);
  });

  it('follows Jira, not the description, where they are known to differ: null sides of a change', () => {
    const cleared = changeItem({ from: null, fromString: null, to: null, toString: null });
    expect(respond('POST', '/rest/api/3/changelog/bulkfetch', 200, bulkChangelogResponse([cleared]))).toEqual([]);
  });

  it('does not mistake an absent `toString` property for Object.prototype.toString', () => {
    const withoutToString = Object.fromEntries(Object.entries(changeItem()).filter(([key]) => key !== 'toString'));
    expect(respond('POST', '/rest/api/3/changelog/bulkfetch', 200, bulkChangelogResponse([withoutToString]))).toEqual([]);
  });

  it('refuses an undocumented success status but lets Jira-wide errors (429) through', () => {
    expect(respond('GET', '/rest/api/3/issue/ITSM-1', 202, issueBean())).toEqual([
      expect.stringMatching(/status 202 is not a documented response/),
    ]);
    expect(respond('GET', '/rest/api/3/issue/ITSM-1', 429, { errorMessages: ['Rate limited'] })).toEqual([]);
  });

  it('checks documented error bodies (ErrorCollection)', () => {
    expect(respond('GET', '/rest/api/3/mypermissions', 400, { errorMessages: ['bad'], errors: {} })).toEqual([]);
    expect(respond('GET', '/rest/api/3/mypermissions', 400, { errorMessages: 'bad' })).toEqual([
      expect.stringMatching(/errorMessages must be array/),
    ]);
  });
});
