import type { StandInContext } from './context';
import { issueBean, listParam, selectFields } from './issueViews';
import { badPayload, issueNotFound, jiraError, reply, type JiraReply } from './jiraErrors';
import type { StoredIssue } from './jiraState';
import type { RouteRequest, Router } from './router';

/** Jira's limit on an entity property value: 32768 characters of JSON. */
export const MAX_PROPERTY_LENGTH = 32768;
/** Property keys: Jira allows at most 255 characters. */
const MAX_PROPERTY_KEY_LENGTH = 255;
/** GET issue changelog: `maxResults` default and cap, from the OpenAPI parameter (default 100). */
const CHANGELOG_PAGE_DEFAULT = 100;

export function addIssueRoutes(router: Router, ctx: StandInContext): void {
  const visibleIssue = (req: RouteRequest): StoredIssue | null => {
    const issue = ctx.state.issueByIdOrKey(req.params.issueIdOrKey ?? '');
    return issue && ctx.permissions.canBrowse(req.caller, issue) ? issue : null;
  };

  router.add('GET', '/rest/api/3/issue/{issueIdOrKey}', (req) => {
    const issue = visibleIssue(req);
    if (!issue) return issueNotFound();
    const selection = selectFields(listParam(req.query.getAll('fields')), true);
    return reply(200, issueBean(ctx.beans, issue, selection, listParam(req.query.getAll('properties'))), 1);
  });

  router.add('POST', '/rest/api/3/issue', (req) => createIssue(ctx, req));

  router.add('GET', '/rest/api/3/issue/{issueIdOrKey}/properties', (req) => {
    const issue = visibleIssue(req);
    if (!issue) return issueNotFound();
    const keys = Object.keys(issue.properties).map((key) => ({
      self: ctx.beans.url(`/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`),
      key,
    }));
    return reply(200, { keys }, 1);
  });

  router.add('GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (req) => {
    const issue = visibleIssue(req);
    if (!issue) return issueNotFound();
    const key = req.params.propertyKey ?? '';
    if (!(key in issue.properties)) return jiraError(404, `The property with key '${key}' does not exist.`);
    return reply(200, { key, value: issue.properties[key] }, 1);
  });

  router.add('PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (req) => {
    const issue = visibleIssue(req);
    if (!issue) return issueNotFound();
    if (!ctx.permissions.onIssue(req.caller, issue, 'EDIT_ISSUES')) {
      return jiraError(403, 'You do not have permission to edit issue properties.');
    }
    const key = req.params.propertyKey ?? '';
    if (key.length > MAX_PROPERTY_KEY_LENGTH)
      return jiraError(400, `The property key cannot be longer than ${MAX_PROPERTY_KEY_LENGTH} characters.`);
    if (req.body === undefined) return jiraError(400, 'The property value must be a valid, non-empty JSON.');
    if (JSON.stringify(req.body).length > MAX_PROPERTY_LENGTH) {
      return jiraError(400, `The property value cannot be longer than ${MAX_PROPERTY_LENGTH} characters.`);
    }
    const existed = key in issue.properties;
    ctx.state.saveIssue({ ...issue, properties: { ...issue.properties, [key]: req.body } });
    return reply(existed ? 200 : 201, undefined, 1);
  });

  router.add('DELETE', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', (req) => {
    const issue = visibleIssue(req);
    if (!issue) return issueNotFound();
    if (!ctx.permissions.onIssue(req.caller, issue, 'EDIT_ISSUES')) {
      return jiraError(403, 'You do not have permission to edit issue properties.');
    }
    const key = req.params.propertyKey ?? '';
    if (!(key in issue.properties)) return jiraError(404, `The property with key '${key}' does not exist.`);
    const properties = { ...issue.properties };
    delete properties[key];
    ctx.state.saveIssue({ ...issue, properties });
    return reply(204, undefined, 1);
  });

  // The naive baseline of the benchmark reads changelogs one issue at a time through this.
  router.add('GET', '/rest/api/3/issue/{issueIdOrKey}/changelog', (req) => {
    const issue = visibleIssue(req);
    if (!issue) return issueNotFound();
    const startAt = Math.max(0, Number(req.query.get('startAt') ?? 0) || 0);
    const maxResults = Math.min(
      CHANGELOG_PAGE_DEFAULT,
      Math.max(1, Number(req.query.get('maxResults') ?? CHANGELOG_PAGE_DEFAULT) || CHANGELOG_PAGE_DEFAULT),
    );
    const page = issue.changelog.slice(startAt, startAt + maxResults);
    const isLast = startAt + page.length >= issue.changelog.length;
    const self = ctx.beans.url(`/rest/api/3/issue/${issue.key}/changelog`);
    return reply(
      200,
      {
        self: `${self}?maxResults=${maxResults}&startAt=${startAt}`,
        ...(isLast ? {} : { nextPage: `${self}?maxResults=${maxResults}&startAt=${startAt + maxResults}` }),
        maxResults,
        startAt,
        total: issue.changelog.length,
        isLast,
        values: page.map((entry) => ctx.beans.changelogEntry(entry)),
      },
      page.length,
    );
  });
}

interface CreateBody {
  fields?: {
    project?: { id?: string; key?: string };
    issuetype?: { id?: string; name?: string };
    summary?: unknown;
    description?: unknown;
    labels?: unknown;
    parent?: { id?: string; key?: string };
  };
}

function createIssue(ctx: StandInContext, req: RouteRequest): JiraReply {
  const body = req.body as CreateBody | undefined;
  if (!body || typeof body !== 'object' || !body.fields || typeof body.fields !== 'object') return badPayload();
  const fields = body.fields;
  const errors: Record<string, string> = {};
  const projectRef = fields.project?.key ?? fields.project?.id;
  const project = projectRef ? ctx.state.projectByIdOrKey(projectRef) : undefined;
  if (!projectRef) errors.project = 'Specify a valid project ID or key';
  else if (!project || !ctx.permissions.inProject(req.caller, project, 'BROWSE_PROJECTS')) errors.project = 'valid project is required';
  if (project && !errors.project && !ctx.permissions.inProject(req.caller, project, 'CREATE_ISSUES')) {
    return jiraError(403, 'You do not have permission to create issues in this project.');
  }
  const typeRef = fields.issuetype;
  const type = typeRef
    ? [...ctx.state.issueTypes.values()].find(
        (candidate) => candidate.id === typeRef.id || (typeRef.id === undefined && candidate.name === typeRef.name),
      )
    : undefined;
  if (!typeRef) errors.issuetype = 'Specify an issue type';
  else if (!type || (project && !project.issueTypeIds.includes(type.id))) errors.issuetype = 'Specify a valid issue type';
  if (typeof fields.summary !== 'string' || fields.summary.trim() === '') errors.summary = 'You must specify a summary of the issue.';
  else if (fields.summary.length > 255) errors.summary = 'Summary must be less than 255 characters.';
  let labels: string[] = [];
  if (fields.labels !== undefined) {
    if (!Array.isArray(fields.labels) || fields.labels.some((label) => typeof label !== 'string' || label.includes(' ') || label === '')) {
      errors.labels = 'The label must not contain spaces.';
    } else labels = fields.labels as string[];
  }
  let parentKey: string | null = null;
  if (fields.parent) {
    const parent = ctx.state.issueByIdOrKey(fields.parent.key ?? fields.parent.id ?? '');
    if (!parent || !ctx.permissions.canBrowse(req.caller, parent)) errors.parent = `Could not find issue by id or key.`;
    else parentKey = parent.key;
  }
  let descriptionAdf: unknown;
  let description = '';
  if (fields.description !== undefined && fields.description !== null) {
    if (typeof fields.description !== 'object' || (fields.description as { type?: unknown }).type !== 'doc') {
      errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
    } else {
      descriptionAdf = fields.description;
      description = adfText(fields.description);
    }
  }
  if (Object.keys(errors).length > 0 || !project || !type) return jiraError(400, [], errors);
  const reporterAccountId = req.caller.kind === 'user' ? req.caller.accountId : project.leadAccountId;
  const issue = ctx.writes.createIssue(
    {
      projectKey: project.key,
      issueTypeId: type.id,
      summary: fields.summary as string,
      description,
      ...(descriptionAdf !== undefined ? { descriptionAdf } : {}),
      labels,
      parentKey,
      reporterAccountId,
    },
    ctx.now(),
  );
  return reply(201, { id: issue.id, key: issue.key, self: ctx.beans.url(`/rest/api/3/issue/${issue.id}`) }, 1);
}

/** The plain text of an ADF document (for `summary ~`-style text search over descriptions). */
function adfText(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const { text, content } = node as { text?: unknown; content?: unknown };
  const own = typeof text === 'string' ? text : '';
  const children = Array.isArray(content) ? content.map(adfText).join(' ') : '';
  return `${own}${own && children ? ' ' : ''}${children}`.trim();
}
