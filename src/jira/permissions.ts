import { route } from '@forge/api';
import { callJiraJson, unexpectedJiraAnswer } from './jiraRequest';

export type JiraPermissionKey = 'ADMINISTER' | 'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'CREATE_ISSUES' | 'ADMINISTER_PROJECTS';

interface MyPermissionsBean {
  permissions: Record<string, { havePermission?: boolean }>;
}

/**
 * The viewer's own permissions, asked of Jira as the viewer: the only trustworthy answer to
 * "may this person do X". Scoped to an issue or project when given.
 */
export async function fetchMyPermissions<K extends JiraPermissionKey>(
  permissions: readonly K[],
  scope: { issueId?: string; projectKey?: string } = {},
): Promise<Record<K, boolean>> {
  const keys = permissions.join(',');
  const path = scope.issueId
    ? route`/rest/api/3/mypermissions?permissions=${keys}&issueId=${scope.issueId}`
    : scope.projectKey
      ? route`/rest/api/3/mypermissions?permissions=${keys}&projectKey=${scope.projectKey}`
      : route`/rest/api/3/mypermissions?permissions=${keys}`;
  const { status, body } = await callJiraJson<MyPermissionsBean>('user', path);
  // Jira answers 404 when the issue or project is not visible: no permission at all.
  if (status === 404) return Object.fromEntries(permissions.map((key) => [key, false])) as Record<K, boolean>;
  if (status !== 200 || !body) throw unexpectedJiraAnswer('check your permissions', status, body);
  return Object.fromEntries(permissions.map((key) => [key, body.permissions[key]?.havePermission === true])) as Record<K, boolean>;
}

export async function isJiraAdmin(): Promise<boolean> {
  return (await fetchMyPermissions(['ADMINISTER'])).ADMINISTER;
}

/** `POST /rest/api/3/permissions/check` takes at most 1000 issue ids a request. */
const BULK_PERMISSION_ISSUES = 1000;

interface BulkPermissionGrants {
  projectPermissions?: Array<{ permission?: string; issues?: number[] }>;
}

/**
 * Which of `issueIds` the viewer holds `permission` on, asked of Jira as the viewer in one request
 * per 1000 issues (not one per issue). Ids Jira does not know, or the viewer cannot see, are simply
 * not in the answer.
 */
export async function issuesWithPermission(permission: JiraPermissionKey, issueIds: readonly string[]): Promise<Set<string>> {
  const granted = new Set<string>();
  const unique = [...new Set(issueIds)];
  for (let start = 0; start < unique.length; start += BULK_PERMISSION_ISSUES) {
    const chunk = unique.slice(start, start + BULK_PERMISSION_ISSUES);
    const { status, body } = await callJiraJson<BulkPermissionGrants>('user', route`/rest/api/3/permissions/check`, {
      method: 'POST',
      body: { projectPermissions: [{ permissions: [permission], issues: chunk.map(Number) }] },
    });
    if (status !== 200 || !body) throw unexpectedJiraAnswer('check your permissions', status, body);
    for (const grant of body.projectPermissions ?? []) {
      if (grant.permission === permission) for (const id of grant.issues ?? []) granted.add(String(id));
    }
  }
  return granted;
}
