import type { ChangelogEntry } from '../datasets/datasetSchema';
import type { StandInContext } from './context';
import { issueBean, listParam, selectFields } from './issueViews';
import { JqlError, UnsupportedError, jiraError, reply, type JiraReply } from './jiraErrors';
import type { StoredIssue } from './jiraState';
import type { CompiledJql } from './jqlEngine';
import type { RouteRequest, Router } from './router';
import type { JiraCaller } from './types';

/**
 * Limits of the enhanced search, from the OpenAPI description of `POST /rest/api/3/search/jql`
 * (SearchAndReconcileRequestBean): `maxResults` defaults to 50; "the greatest number of items
 * returned per page is achieved when requesting `id` or `key` only. It returns max 5000 issues";
 * with fields Jira "may return fewer items per page", which Jira Cloud does at 100.
 */
export const SEARCH_LIMITS = { defaultMaxResults: 50, idOrKeyOnlyMax: 5000, withFieldsMax: 100, maxProperties: 5 } as const;

/**
 * Limits of `POST /rest/api/3/changelog/bulkfetch`, from BulkChangelogRequestBean in the OpenAPI
 * description: `issueIdsOrKeys` minItems 1 / maxItems 1000, `fieldIds` maxItems 10, `maxResults`
 * default 1000, minimum 1, maximum 10000 (counted in change histories).
 */
export const BULK_CHANGELOG_LIMITS = { maxIssues: 1000, maxFieldIds: 10, defaultMaxResults: 1000, maxMaxResults: 10000 } as const;

const UNBOUNDED = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

interface SearchParams {
  jql: string;
  fields: string[];
  properties: string[];
  maxResults: number | undefined;
  nextPageToken: string | undefined;
}

export function addSearchRoutes(router: Router, ctx: StandInContext): void {
  const bulkCache = new Map<string, HistoryRow[]>();

  router.add('POST', '/rest/api/3/search/jql', (req) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body))
      return jiraError(400, 'Invalid request payload. Refer to the REST API documentation and try again.');
    return search(ctx, req.caller, {
      jql: typeof body.jql === 'string' ? body.jql : '',
      fields: listParam(Array.isArray(body.fields) ? (body.fields as string[]) : []),
      properties: listParam(Array.isArray(body.properties) ? (body.properties as string[]) : []),
      maxResults: typeof body.maxResults === 'number' ? body.maxResults : undefined,
      nextPageToken: typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined,
    });
  });

  router.add('GET', '/rest/api/3/search/jql', (req) =>
    search(ctx, req.caller, {
      jql: req.query.get('jql') ?? '',
      fields: listParam(req.query.getAll('fields')),
      properties: listParam(req.query.getAll('properties')),
      maxResults: req.query.has('maxResults') ? Number(req.query.get('maxResults')) : undefined,
      nextPageToken: req.query.get('nextPageToken') ?? undefined,
    }),
  );

  router.add('POST', '/rest/api/3/search/approximate-count', (req) => {
    const jql = (req.body as { jql?: unknown } | undefined)?.jql;
    const found = matching(ctx, req.caller, typeof jql === 'string' ? jql : '');
    if ('error' in found) return found.error;
    return reply(200, { count: found.issues.length });
  });

  router.add('POST', '/rest/api/3/changelog/bulkfetch', (req) => bulkFetch(ctx, req, bulkCache));
}

function search(ctx: StandInContext, caller: JiraCaller, params: SearchParams): JiraReply {
  if (params.properties.length > SEARCH_LIMITS.maxProperties) {
    return jiraError(400, `You can request at most ${SEARCH_LIMITS.maxProperties} issue properties.`);
  }
  const offset = params.nextPageToken === undefined ? 0 : decodeToken(params.nextPageToken);
  if (offset === null) return jiraError(400, 'The nextPageToken is invalid.');
  const found = matching(ctx, caller, params.jql);
  if ('error' in found) return found.error;
  const idOrKeyOnly = params.properties.length === 0 && params.fields.every((field) => field === 'id' || field === 'key');
  const cap = idOrKeyOnly ? SEARCH_LIMITS.idOrKeyOnlyMax : SEARCH_LIMITS.withFieldsMax;
  const asked =
    params.maxResults === undefined || !Number.isFinite(params.maxResults)
      ? SEARCH_LIMITS.defaultMaxResults
      : Math.floor(params.maxResults);
  const pageSize = Math.min(cap, Math.max(1, asked));
  const page = found.issues.slice(offset, offset + pageSize);
  const isLast = offset + page.length >= found.issues.length;
  const selection = selectFields(params.fields, false);
  return reply(
    200,
    {
      issues: page.map((issue) => issueBean(ctx.beans, issue, selection, params.properties)),
      ...(isLast ? {} : { nextPageToken: encodeToken(offset + page.length) }),
      isLast,
    },
    page.length,
  );
}

/** The caller's browsable issues matching `jql`, in the query's order; or the 400 Jira would give. */
function matching(ctx: StandInContext, caller: JiraCaller, jql: string): { issues: StoredIssue[] } | { error: JiraReply } {
  let compiled: CompiledJql;
  try {
    compiled = ctx.jql.compile(jql, { caller, now: ctx.now() });
  } catch (error) {
    if (error instanceof JqlError || error instanceof UnsupportedError) return { error: jiraError(400, error.message) };
    throw error;
  }
  if (!compiled.bounded) return { error: jiraError(400, UNBOUNDED) };
  const browsable = ctx.permissions.browsableProjects(caller);
  const issues = ctx.state
    .allIssues()
    .filter((issue) => browsable.has(issue.projectKey) && ctx.permissions.passesSecurity(caller, issue) && compiled.matches(issue));
  issues.sort(compiled.compare);
  return { issues };
}

interface HistoryRow {
  issueId: string;
  at: number;
  entry: ChangelogEntry;
  entryId: number;
}

function bulkFetch(ctx: StandInContext, req: RouteRequest, cache: Map<string, HistoryRow[]>): JiraReply {
  const body = req.body as { issueIdsOrKeys?: unknown; fieldIds?: unknown; maxResults?: unknown; nextPageToken?: unknown } | undefined;
  const ids = body?.issueIdsOrKeys;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) {
    return jiraError(400, [], { issueIdsOrKeys: 'Issue IDs or keys must be a non-empty list.' });
  }
  if (ids.length > BULK_CHANGELOG_LIMITS.maxIssues) {
    return jiraError(400, `You can request changelogs of at most ${BULK_CHANGELOG_LIMITS.maxIssues} issues.`);
  }
  const fieldIds = body?.fieldIds;
  if (fieldIds !== undefined && (!Array.isArray(fieldIds) || fieldIds.some((id) => typeof id !== 'string'))) {
    return jiraError(400, [], { fieldIds: 'Field IDs must be a list of strings.' });
  }
  if (Array.isArray(fieldIds) && fieldIds.length > BULK_CHANGELOG_LIMITS.maxFieldIds) {
    return jiraError(400, `You can filter by at most ${BULK_CHANGELOG_LIMITS.maxFieldIds} field IDs.`);
  }
  const maxResults = body?.maxResults ?? BULK_CHANGELOG_LIMITS.defaultMaxResults;
  if (
    typeof maxResults !== 'number' ||
    !Number.isInteger(maxResults) ||
    maxResults < 1 ||
    maxResults > BULK_CHANGELOG_LIMITS.maxMaxResults
  ) {
    return jiraError(400, `maxResults must be between 1 and ${BULK_CHANGELOG_LIMITS.maxMaxResults}.`);
  }
  const offset = typeof body?.nextPageToken === 'string' ? decodeToken(body.nextPageToken) : 0;
  if (offset === null) return jiraError(400, 'The nextPageToken is invalid.');

  // Issues the caller cannot see (or that do not exist) are left out, as Jira does.
  const issues = new Map<string, StoredIssue>();
  for (const id of ids as string[]) {
    const issue = ctx.state.issueByIdOrKey(id);
    if (issue && ctx.permissions.canBrowse(req.caller, issue)) issues.set(issue.id, issue);
  }
  const filter = Array.isArray(fieldIds) && fieldIds.length > 0 ? new Set(fieldIds as string[]) : undefined;
  const cacheKey = `${ctx.state.version}|${[...issues.keys()].sort().join(',')}|${filter ? [...filter].sort().join(',') : '*'}`;
  let rows = cache.get(cacheKey);
  if (!rows) {
    rows = historyRows([...issues.values()], filter);
    if (cache.size >= 8) cache.clear();
    cache.set(cacheKey, rows);
  }
  const page = rows.slice(offset, offset + maxResults);
  const issueChangeLogs: Array<{ issueId: string; changeHistories: Array<Record<string, unknown>> }> = [];
  for (const row of page) {
    const last = issueChangeLogs[issueChangeLogs.length - 1];
    // Only the page is rendered: a bulk fetch may cover 20,000 histories.
    const history = ctx.beans.changelogEntry(row.entry, filter);
    if (!history) continue;
    if (last && last.issueId === row.issueId) last.changeHistories.push(history);
    else issueChangeLogs.push({ issueId: row.issueId, changeHistories: [history] });
  }
  const isLast = offset + page.length >= rows.length;
  return reply(200, { issueChangeLogs, ...(isLast ? {} : { nextPageToken: encodeToken(offset + page.length) }) }, page.length);
}

/** "Sorted by changelog date and issue IDs, starting from the oldest changelog and smallest issue ID." */
function historyRows(issues: StoredIssue[], filter: Set<string> | undefined): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const issue of issues) {
    for (const entry of issue.changelog) {
      if (filter && !entry.items.some((item) => filter.has(item.fieldId))) continue;
      rows.push({ issueId: issue.id, at: Date.parse(entry.created), entry, entryId: Number(entry.id) });
    }
  }
  rows.sort((a, b) => a.at - b.at || Number(a.issueId) - Number(b.issueId) || a.entryId - b.entryId);
  return rows;
}

/** Page tokens are opaque to callers; here they carry the offset of the next page. */
function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeToken(token: string): number | null {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    return typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 ? parsed.o : null;
  } catch {
    return null;
  }
}
