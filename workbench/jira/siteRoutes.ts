import { JIRA_FIELD_IDS, type DatasetUser } from '../datasets/datasetSchema';
import type { StandInContext } from './context';
import { issueNotFound, jiraError, notAdmin, projectNotFound, reply } from './jiraErrors';
import { PERMISSIONS, type PermissionKey } from './permissions';
import type { RouteRequest, Router } from './router';

/** `GET /rest/api/3/user/bulk`: `maxResults` defaults to 10 (OpenAPI parameter default). */
const USER_BULK_DEFAULT = 10;
/** `GET /rest/api/3/user/search`: `maxResults` defaults to 50 (OpenAPI), Jira caps it at 1000. */
const USER_SEARCH_DEFAULT = 50;
const USER_SEARCH_MAX = 1000;
const MAX_ISSUE_TYPE_NAME = 60;

/** Permissions, users, projects, fields, statuses, issue types and schemes. */
export function addSiteRoutes(router: Router, ctx: StandInContext): void {
  const { state, permissions, beans } = ctx;

  router.add('GET', '/rest/api/3/mypermissions', (req) => {
    const keys = (req.query.get('permissions') ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter(Boolean);
    if (keys.length === 0) return jiraError(400, 'The permissions query parameter is required.');
    const unknown = keys.filter((key) => !(key in PERMISSIONS));
    if (unknown.length) return jiraError(400, `Invalid permission key(s): ${unknown.join(', ')}.`);
    const issueRef = req.query.get('issueId') ?? req.query.get('issueKey');
    const projectRef = req.query.get('projectId') ?? req.query.get('projectKey');
    let scope: { project: ReturnType<typeof state.projectByIdOrKey> } | null = null;
    if (issueRef) {
      const issue = state.issueByIdOrKey(issueRef);
      if (!issue || !permissions.canBrowse(req.caller, issue)) return issueNotFound();
      scope = { project: state.projects.get(issue.projectKey) };
    } else if (projectRef) {
      const project = state.projectByIdOrKey(projectRef);
      if (!project || !permissions.inProject(req.caller, project, 'BROWSE_PROJECTS')) return projectNotFound(projectRef);
      scope = { project };
    }
    const result: Record<string, unknown> = {};
    for (const key of keys as PermissionKey[]) {
      const have =
        key === 'ADMINISTER'
          ? permissions.isSiteAdmin(req.caller)
          : scope
            ? permissions.inProject(req.caller, scope.project, key)
            : permissions.anywhere(req.caller, key);
      result[key] = { ...PERMISSIONS[key], key, havePermission: have };
    }
    return reply(200, { permissions: result });
  });

  router.add('GET', '/rest/api/3/myself', (req) => {
    if (req.caller.kind === 'app') {
      return reply(
        200,
        {
          self: beans.url('/rest/api/3/user?accountId=app'),
          accountId: 'app-process-loop',
          accountType: 'app',
          displayName: 'Process Loop',
          active: true,
          timeZone: 'UTC',
        },
        1,
      );
    }
    const user = req.caller.kind === 'user' ? state.users.get(req.caller.accountId) : undefined;
    if (!user) return jiraError(404, 'The user does not exist.');
    return reply(200, beans.user(user), 1);
  });

  router.add('GET', '/rest/api/3/user/bulk', (req) => {
    const ids = req.query.getAll('accountId');
    if (ids.length === 0) return jiraError(400, 'You must specify at least one accountId.');
    const startAt = Math.max(0, Number(req.query.get('startAt') ?? 0) || 0);
    const maxResults = Math.max(1, Number(req.query.get('maxResults') ?? USER_BULK_DEFAULT) || USER_BULK_DEFAULT);
    const found = [...new Set(ids)].flatMap((id) => {
      const user = state.users.get(id);
      return user ? [user] : [];
    });
    const page = found.slice(startAt, startAt + maxResults);
    const isLast = startAt + page.length >= found.length;
    const self = beans.url(`/rest/api/3/user/bulk?${req.query.toString()}`);
    return reply(
      200,
      { self, maxResults, startAt, total: found.length, isLast, values: page.map((user) => beans.user(user)) },
      page.length,
    );
  });

  router.add('GET', '/rest/api/3/user/search', (req) => {
    const query = (req.query.get('query') ?? '').trim().toLowerCase();
    const accountId = req.query.get('accountId');
    if (!query && !accountId) return jiraError(400, "One of 'query' or 'accountId' parameters must be provided.");
    const startAt = Math.max(0, Number(req.query.get('startAt') ?? 0) || 0);
    const maxResults = Math.min(
      USER_SEARCH_MAX,
      Math.max(1, Number(req.query.get('maxResults') ?? USER_SEARCH_DEFAULT) || USER_SEARCH_DEFAULT),
    );
    const matches = (user: DatasetUser) => {
      if (accountId && user.accountId !== accountId) return false;
      if (!query) return true;
      // Jira's pickers match the start of any word of the name, or the start of the e-mail address.
      const words = user.displayName.toLowerCase().split(' ').filter(Boolean);
      return (
        words.some((word) => word.startsWith(query)) ||
        user.displayName.toLowerCase().startsWith(query) ||
        (user.emailAddress?.toLowerCase().startsWith(query) ?? false)
      );
    };
    const page = [...state.users.values()].filter(matches).slice(startAt, startAt + maxResults);
    return reply(
      200,
      page.map((user) => beans.user(user)),
      page.length,
    );
  });

  router.add('GET', '/rest/api/3/project/{projectIdOrKey}', (req) => {
    const ref = req.params.projectIdOrKey ?? '';
    const project = state.projectByIdOrKey(ref);
    if (!project || !permissions.inProject(req.caller, project, 'BROWSE_PROJECTS')) return projectNotFound(ref);
    return reply(200, beans.project(project), 1);
  });

  router.add('GET', '/rest/api/3/field', () => reply(200, fields()));

  router.add('GET', '/rest/api/3/status', () =>
    reply(
      200,
      [...state.statuses.values()].map((status) => beans.status(status)),
    ),
  );

  router.add('GET', '/rest/api/3/issuetype', () =>
    reply(
      200,
      [...state.issueTypes.values()].map((type) => beans.issueType(type)),
    ),
  );

  router.add('POST', '/rest/api/3/issuetype', (req) => {
    if (!permissions.isSiteAdmin(req.caller)) return notAdmin();
    const body = req.body as { name?: unknown; description?: unknown; hierarchyLevel?: unknown; type?: unknown } | undefined;
    const name = typeof body?.name === 'string' ? body.name.trim() : '';
    if (!name) return jiraError(400, [], { name: 'The issue type name must not be empty.' });
    if (name.length > MAX_ISSUE_TYPE_NAME)
      return jiraError(400, [], { name: `The issue type name must not exceed ${MAX_ISSUE_TYPE_NAME} characters.` });
    const level = body?.hierarchyLevel ?? (body?.type === 'subtask' ? -1 : 0);
    if (level !== 0 && level !== -1) return jiraError(400, [], { hierarchyLevel: 'The hierarchy level must be -1 or 0.' });
    if ([...state.issueTypes.values()].some((type) => type.name.toLowerCase() === name.toLowerCase())) {
      return jiraError(409, 'An issue type with this name already exists.');
    }
    const id = String(Math.max(10000, ...[...state.issueTypes.keys()].map(Number)) + 1);
    const type = {
      id,
      name,
      description: typeof body?.description === 'string' ? body.description : '',
      subtask: level === -1,
      hierarchyLevel: level,
    };
    state.saveIssueType(type);
    return reply(201, beans.issueType(type), 1);
  });

  router.add('GET', '/rest/api/3/issuetype/project', (req) => {
    const projectId = req.query.get('projectId');
    if (!projectId) return jiraError(400, 'The projectId parameter is required.');
    const project = state.projectsById.get(projectId);
    if (!project || !permissions.inProject(req.caller, project, 'BROWSE_PROJECTS')) return projectNotFound(projectId);
    const types = project.issueTypeIds.flatMap((id) => {
      const type = state.issueTypes.get(id);
      if (!type) return [];
      const bean = beans.issueType(type);
      // Team-managed projects own their issue types: Jira marks them with a project scope.
      return [project.style === 'team-managed' ? { ...bean, scope: { type: 'PROJECT', project: { id: project.id } } } : bean];
    });
    return reply(200, types);
  });

  router.add('GET', '/rest/api/3/issuetypescheme/project', (req) => {
    if (!permissions.isSiteAdmin(req.caller)) return notAdmin();
    const wanted = req.query
      .getAll('projectId')
      .flatMap((value) => value.split(','))
      .filter(Boolean);
    if (wanted.length === 0) return jiraError(400, 'The projectId parameter is required.');
    const startAt = Math.max(0, Number(req.query.get('startAt') ?? 0) || 0);
    const maxResults = Math.max(1, Number(req.query.get('maxResults') ?? 50) || 50);
    // Only company-managed ("classic") projects have schemes; team-managed ones are simply absent.
    const values = [...state.schemes.values()]
      .filter((scheme) => wanted.includes(scheme.projectId))
      .map((scheme) => ({
        issueTypeScheme: {
          id: scheme.id,
          name: scheme.name,
          description: '',
          ...(scheme.issueTypeIds[0] ? { defaultIssueTypeId: scheme.issueTypeIds[0] } : {}),
          isDefault: false,
        },
        projectIds: [scheme.projectId],
      }));
    const page = values.slice(startAt, startAt + maxResults);
    return reply(200, {
      self: beans.url(`/rest/api/3/issuetypescheme/project?${req.query.toString()}`),
      maxResults,
      startAt,
      total: values.length,
      isLast: startAt + page.length >= values.length,
      values: page,
    });
  });

  router.add('PUT', '/rest/api/3/issuetypescheme/{issueTypeSchemeId}/issuetype', (req) => addTypesToScheme(ctx, req));
}

function addTypesToScheme(ctx: StandInContext, req: RouteRequest) {
  const { state, permissions } = ctx;
  if (!permissions.isSiteAdmin(req.caller)) return notAdmin();
  const scheme = state.schemes.get(req.params.issueTypeSchemeId ?? '');
  if (!scheme) return jiraError(404, `The issue type scheme with ID ${req.params.issueTypeSchemeId} was not found.`);
  const ids = (req.body as { issueTypeIds?: unknown } | undefined)?.issueTypeIds;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
    return jiraError(400, [], { issueTypeIds: 'You must provide at least one issue type ID.' });
  }
  const missing = (ids as string[]).filter((id) => !state.issueTypes.has(id));
  if (missing.length) return jiraError(404, `The issue types with IDs ${missing.join(', ')} were not found.`);
  // All or nothing, as Jira: one issue type already in the scheme fails the whole request.
  const present = (ids as string[]).filter((id) => scheme.issueTypeIds.includes(id));
  if (present.length) return jiraError(400, `The issue types with IDs ${present.join(', ')} are already in the issue type scheme.`);
  const updated = { ...scheme, issueTypeIds: [...scheme.issueTypeIds, ...(ids as string[])] };
  state.saveScheme(updated);
  const project = state.projectsById.get(scheme.projectId);
  if (project) state.saveProject({ ...project, issueTypeIds: [...updated.issueTypeIds] });
  return reply(204);
}

function fields(): Array<Record<string, unknown>> {
  const system = (id: string, name: string, type: string, extra: Record<string, unknown> = {}, clauseNames: string[] = [id]) => ({
    id,
    key: id,
    name,
    custom: false,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames,
    schema: { type, system: id, ...extra },
  });
  const list: Array<Record<string, unknown>> = [
    system('summary', 'Summary', 'string'),
    system('project', 'Project', 'project'),
    system('issuetype', 'Issue Type', 'issuetype', {}, ['issuetype', 'type']),
    system('status', 'Status', 'status'),
    system('statusCategory', 'Status Category', 'statusCategory'),
    system('labels', 'Labels', 'array', { items: 'string' }),
    system('components', 'Components', 'array', { items: 'component' }, ['component']),
    system('parent', 'Parent', 'issuelink', {}, ['parent']),
    system('assignee', 'Assignee', 'user'),
    system('reporter', 'Reporter', 'user'),
    system('priority', 'Priority', 'priority'),
    system('created', 'Created', 'datetime', {}, ['created', 'createdDate']),
    system('updated', 'Updated', 'datetime', {}, ['updated', 'updatedDate']),
    system('resolutiondate', 'Resolved', 'datetime', {}, ['resolutiondate', 'resolved']),
    system('description', 'Description', 'string'),
    {
      id: JIRA_FIELD_IDS.sprint,
      key: JIRA_FIELD_IDS.sprint,
      name: 'Sprint',
      untranslatedName: 'Sprint',
      custom: true,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: ['cf[10020]', 'Sprint'],
      schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 },
    },
    {
      id: JIRA_FIELD_IDS.flagged,
      key: JIRA_FIELD_IDS.flagged,
      name: 'Flagged',
      untranslatedName: 'Flagged',
      custom: true,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: ['cf[10021]', 'Flagged', 'Flagged[Checkboxes]'],
      schema: {
        type: 'array',
        items: 'option',
        custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes',
        customId: 10021,
      },
    },
  ];
  // FieldDetails forbids properties it does not declare.
  return list.map(({ untranslatedName: _ignored, ...field }) => field);
}
