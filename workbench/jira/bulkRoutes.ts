import type { StandInContext } from './context';
import { MAX_PROPERTY_LENGTH } from './issueRoutes';
import { badPayload, jiraError, reply } from './jiraErrors';
import { PERMISSIONS, type PermissionKey, type ProjectPermission } from './permissions';
import type { Router } from './router';
import type { JiraCaller } from './types';

/**
 * Jira's bulk endpoints for permissions and issue properties, and the asynchronous tasks the latter
 * answer with. Limits from the OpenAPI description: `permissions/check` takes at most 1000 projects
 * and 1000 issues (invalid ids are ignored); `issue/properties/multi` up to 100 issues with up to 10
 * properties each, is asynchronous (303 to `/rest/api/3/task/{taskId}`) and non-transactional.
 */
export const BULK_LIMITS = { permissionIds: 1000, multiIssues: 100, multiProperties: 10 } as const;

interface StoredTask {
  id: string;
  description: string;
  submittedBy: JiraCaller;
  submitted: number;
  finished: number;
}

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string' && key !== '') : [];
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function addBulkRoutes(router: Router, ctx: StandInContext): void {
  // Tasks finish at once here; they only live as long as the process (Jira keeps them a while too).
  const tasks = new Map<string, StoredTask>();
  let nextTaskId = 10000;

  router.add('POST', '/rest/api/3/permissions/check', (req) => {
    const body = req.body;
    if (!isObject(body)) return badPayload();
    if (body.accountId !== undefined && !(req.caller.kind === 'user' && body.accountId === req.caller.accountId)) {
      if (!ctx.permissions.isSiteAdmin(req.caller)) return jiraError(403, 'Only Jira administrators can perform this operation.');
      return jiraError(400, 'The workbench checks the calling user only.');
    }
    const unknown: Record<string, string> = {};
    const globals = strings(body.globalPermissions);
    for (const key of globals) if (PERMISSIONS[key as PermissionKey]?.type !== 'GLOBAL') unknown[key] = 'Unrecognized permission';
    const requests = Array.isArray(body.projectPermissions) ? body.projectPermissions.filter(isObject) : [];
    let issueCount = 0;
    let projectCount = 0;
    for (const request of requests) {
      const keys = strings(request.permissions);
      if (keys.length === 0) return jiraError(400, 'At least one project permission is required.');
      for (const key of keys) if (PERMISSIONS[key as PermissionKey]?.type !== 'PROJECT') unknown[key] = 'Unrecognized permission';
      issueCount += Array.isArray(request.issues) ? request.issues.length : 0;
      projectCount += Array.isArray(request.projects) ? request.projects.length : 0;
    }
    if (Object.keys(unknown).length) return jiraError(400, [], unknown);
    if (issueCount > BULK_LIMITS.permissionIds || projectCount > BULK_LIMITS.permissionIds) {
      return jiraError(400, `You can check at most ${BULK_LIMITS.permissionIds} projects and ${BULK_LIMITS.permissionIds} issues.`);
    }
    const grants = new Map<string, { issues: Set<number>; projects: Set<number> }>();
    for (const request of requests) {
      const issueIds = (Array.isArray(request.issues) ? request.issues : []).filter(isInt);
      const projectIds = (Array.isArray(request.projects) ? request.projects : []).filter(isInt);
      for (const key of request.permissions as ProjectPermission[]) {
        const grant = grants.get(key) ?? { issues: new Set<number>(), projects: new Set<number>() };
        for (const id of issueIds) {
          const issue = ctx.state.issueByIdOrKey(String(id));
          // Jira ignores ids it does not know; an issue the caller cannot see is one of those.
          const visible = issue && String(issue.id) === String(id) && ctx.permissions.canBrowse(req.caller, issue);
          if (visible && ctx.permissions.onIssue(req.caller, issue, key)) grant.issues.add(id);
        }
        for (const id of projectIds) {
          const project = [...ctx.state.projects.values()].find((candidate) => candidate.id === String(id));
          if (project && ctx.permissions.inProject(req.caller, project, key)) grant.projects.add(id);
        }
        grants.set(key, grant);
      }
    }
    return reply(200, {
      globalPermissions: globals.filter((key) => key === 'ADMINISTER' && ctx.permissions.isSiteAdmin(req.caller)),
      projectPermissions: [...grants].map(([permission, grant]) => ({
        permission,
        issues: [...grant.issues],
        projects: [...grant.projects],
      })),
    });
  });

  router.add('POST', '/rest/api/3/issue/properties/multi', (req) => {
    const body = req.body;
    if (!isObject(body) || !Array.isArray(body.issues)) return badPayload();
    if (body.issues.length === 0) return jiraError(400, 'At least one issue is required.');
    if (body.issues.length > BULK_LIMITS.multiIssues) {
      return jiraError(400, `You can set properties on at most ${BULK_LIMITS.multiIssues} issues at once.`);
    }
    for (const entry of body.issues) {
      if (!isObject(entry) || !isInt(entry.issueID) || !isObject(entry.properties)) return badPayload();
      const properties = Object.entries(entry.properties);
      if (properties.length === 0 || properties.length > BULK_LIMITS.multiProperties) {
        return jiraError(400, `Each issue needs between 1 and ${BULK_LIMITS.multiProperties} properties.`);
      }
      for (const [key, value] of properties) {
        if (value === null || value === undefined) return jiraError(400, `The property value of '${key}' must be a valid, non-empty JSON.`);
        if (JSON.stringify(value).length > MAX_PROPERTY_LENGTH) {
          return jiraError(400, `The property value cannot be longer than ${MAX_PROPERTY_LENGTH} characters.`);
        }
      }
    }
    let written = 0;
    for (const entry of body.issues as Array<{ issueID: number; properties: Record<string, unknown> }>) {
      const issue = ctx.state.issueByIdOrKey(String(entry.issueID));
      // Not found (or not visible) is ignored; no Edit issues permission fails that issue only.
      if (!issue || !ctx.permissions.canBrowse(req.caller, issue) || !ctx.permissions.onIssue(req.caller, issue, 'EDIT_ISSUES')) continue;
      ctx.state.saveIssue({ ...issue, properties: { ...issue.properties, ...entry.properties } });
      written++;
    }
    const now = ctx.now().getTime();
    const task: StoredTask = {
      id: String(nextTaskId++),
      description: 'Bulk set issue properties',
      submittedBy: req.caller,
      submitted: now,
      finished: now,
    };
    tasks.set(task.id, task);
    return { status: 303, headers: { Location: ctx.beans.url(`/rest/api/3/task/${task.id}`) }, returnedObjects: written };
  });

  router.add('GET', '/rest/api/3/task/{taskId}', (req) => {
    const task = tasks.get(req.params.taskId ?? '');
    const own = task && JSON.stringify(task.submittedBy) === JSON.stringify(req.caller);
    if (!task || !(own || ctx.permissions.isSiteAdmin(req.caller))) return jiraError(404, 'The task does not exist.');
    return reply(200, {
      self: ctx.beans.url(`/rest/api/3/task/${task.id}`),
      id: task.id,
      description: task.description,
      status: 'COMPLETE',
      submittedBy: 10000,
      progress: 100,
      elapsedRuntime: task.finished - task.submitted,
      submitted: task.submitted,
      started: task.submitted,
      finished: task.finished,
      lastUpdate: task.finished,
    });
  });
}
