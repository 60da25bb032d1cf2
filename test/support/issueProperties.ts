import type { TestWorkbench } from './testWorkbench';

/** An issue's entity property as the app reads it from the Jira stand-in; undefined when the issue has none. */
export async function issuePropertyAsApp<T = Record<string, unknown>>(
  wb: TestWorkbench,
  issueKeyOrId: string,
  propertyKey: string,
): Promise<T | undefined> {
  const response = await wb.jira.handle({
    method: 'GET',
    pathWithQuery: `/rest/api/3/issue/${issueKeyOrId}/properties/${propertyKey}`,
    headers: {},
    caller: { kind: 'app' },
  });
  return response.status === 200 ? (JSON.parse(response.body) as { value: T }).value : undefined;
}

/** Sets an issue's entity property as the app (data a test starts from); Jira must accept it. */
export async function setIssuePropertyAsApp(wb: TestWorkbench, issueKeyOrId: string, propertyKey: string, value: unknown): Promise<void> {
  const response = await wb.jira.handle({
    method: 'PUT',
    pathWithQuery: `/rest/api/3/issue/${issueKeyOrId}/properties/${propertyKey}`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
    caller: { kind: 'app' },
  });
  expect([200, 201]).toContain(response.status);
}
