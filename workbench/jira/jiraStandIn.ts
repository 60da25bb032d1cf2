import type { ChangelogEntry, Dataset, DatasetProject, DatasetSprint, DatasetUser } from '../datasets/datasetSchema';
import type { DurableStore } from '../store/durableStore';
import { addAgileRoutes } from './agileRoutes';
import { Beans } from './beans';
import { addBulkRoutes } from './bulkRoutes';
import type { StandInContext } from './context';
import { addIssueRoutes } from './issueRoutes';
import { IssueWrites } from './issueWrites';
import { badPayload, jiraError, serialise, unauthorized, type JiraReply } from './jiraErrors';
import { JiraState, type StoredIssue } from './jiraState';
import { JqlEngine } from './jqlEngine';
import { Permissions } from './permissions';
import { Router } from './router';
import { addSearchRoutes } from './searchRoutes';
import { addSiteRoutes } from './siteRoutes';
import type {
  EntityPropertyAlias,
  IssueChange,
  JiraContractGuard,
  JiraHttpRequest,
  JiraHttpResponse,
  JiraRequestLogEntry,
  NewIssue,
  RateLimitRule,
} from './types';

export interface JiraStandInOptions {
  store: DurableStore;
  aliases: EntityPropertyAlias[];
  guard?: JiraContractGuard | null;
  now?: () => Date;
}

/**
 * The workbench's Jira Cloud: the REST endpoints the app uses, with Jira's permissions, error
 * shapes, paging and rate limiting, over a dataset kept in the DurableStore (`jira:*` tables).
 * One entry point, `handle`, serves asUser, asApp and the browser's `requestJira` alike.
 */
export class JiraStandIn {
  readonly requestLog: JiraRequestLogEntry[] = [];
  readonly contractViolations: string[] = [];
  private readonly state: JiraState;
  private readonly context: StandInContext;
  private readonly router = new Router();
  private readonly guard: JiraContractGuard | null;
  private rateLimits: Array<RateLimitRule & { remaining: number }> = [];

  constructor(options: JiraStandInOptions) {
    this.state = new JiraState(options.store);
    this.guard = options.guard ?? null;
    const now = options.now ?? (() => new Date());
    const permissions = new Permissions(this.state);
    this.context = {
      state: this.state,
      permissions,
      beans: new Beans(this.state),
      jql: new JqlEngine(this.state, options.aliases),
      writes: new IssueWrites(this.state),
      aliases: options.aliases,
      now,
    };
    addIssueRoutes(this.router, this.context);
    addSearchRoutes(this.router, this.context);
    addSiteRoutes(this.router, this.context);
    addAgileRoutes(this.router, this.context);
    addBulkRoutes(this.router, this.context);
  }

  /** Replaces every jira:* table with the dataset (validate it with `parseDataset` first). */
  loadDataset(dataset: Dataset): void {
    this.state.load(dataset);
  }

  hasData(): boolean {
    return this.state.hasData();
  }

  /** Serves the site at `url` (the workbench's own address): self links, avatars and `site().baseUrl` follow it. */
  setSiteUrl(url: string): void {
    this.state.serveAt(url);
  }

  /** Jira writes date-times in the requesting user's time zone (`…+0100`); the app's own calls in UTC. */
  private timeZoneOf(caller: JiraHttpRequest['caller']): string | null {
    if (caller.kind !== 'user') return null;
    return this.users().find((user) => user.accountId === caller.accountId)?.timeZone ?? null;
  }

  users(): DatasetUser[] {
    return [...this.state.users.values()];
  }

  /** Every sprint as stored (for the workbench's own checks; the app reads sprints over REST). */
  sprints(): DatasetSprint[] {
    return [...this.state.sprints.values()];
  }

  site(): Dataset['site'] {
    if (!this.state.site) throw new Error('The Jira stand-in has no dataset loaded.');
    return this.state.site;
  }

  /** An issue as stored (for tests and the bench; the app reads issues over REST). */
  issue(issueIdOrKey: string): StoredIssue | undefined {
    return this.state.issueByIdOrKey(issueIdOrKey);
  }

  clearRequestLog(): void {
    this.requestLog.length = 0;
  }

  /** The next `count` requests whose path starts with `pathPrefix` get a 429. */
  setRateLimits(rules: RateLimitRule[]): void {
    this.rateLimits = rules.map((rule) => ({ ...rule, remaining: rule.count }));
  }

  /** Changes who holds a project's permissions, as a Jira administrator would in its permission scheme. */
  setProjectPermissions(projectKey: string, permissions: Partial<DatasetProject['permissions']>): void {
    const project = this.state.projects.get(projectKey);
    if (!project) throw new Error(`No project ${projectKey} in the Jira stand-in.`);
    this.state.saveProject({ ...project, permissions: { ...project.permissions, ...permissions } });
  }

  /** Sets (or, with null, clears) the issue's security level, as a Jira administrator would: only its members see the issue. */
  setIssueSecurity(issueIdOrKey: string, security: StoredIssue['security']): StoredIssue {
    const issue = this.state.issueByIdOrKey(issueIdOrKey);
    if (!issue) throw new Error(`No issue ${issueIdOrKey} in the Jira stand-in.`);
    const updated = { ...issue, security: security ?? null };
    this.state.saveIssue(updated);
    return updated;
  }

  /** Changes fields the way a Jira user would, appending the changelog history Jira writes. */
  applyIssueUpdate(
    issueIdOrKey: string,
    change: IssueChange,
    meta: { authorAccountId: string; at: Date },
  ): { issue: StoredIssue; changelogEntry: ChangelogEntry | null } {
    return this.context.writes.applyIssueUpdate(issueIdOrKey, change, meta);
  }

  createIssue(input: NewIssue): StoredIssue {
    return this.context.writes.createIssue(input, this.context.now());
  }

  /**
   * Deletes the issue with its properties and changelog, as a Jira user would, and answers what was deleted (for the
   * `avi:jira:deleted:issue` event: `deleteIssueAndNotify` in workbench/platform.ts delivers it).
   */
  deleteIssue(issueIdOrKey: string): StoredIssue {
    const issue = this.state.issueByIdOrKey(issueIdOrKey);
    if (!issue) throw new Error(`No issue ${issueIdOrKey} in the Jira stand-in.`);
    this.state.deleteIssue(issue);
    return issue;
  }

  handle(req: JiraHttpRequest): Promise<JiraHttpResponse> {
    return new Promise((resolve) => resolve(this.respond(req)));
  }

  private respond(req: JiraHttpRequest): JiraHttpResponse {
    const url = new URL(req.pathWithQuery, 'http://jira.invalid');
    const path = url.pathname;
    const method = req.method.toUpperCase();
    let parsedBody: unknown;
    let bodyError = false;
    if (req.body !== undefined && req.body !== '') {
      try {
        parsedBody = JSON.parse(req.body);
      } catch {
        bodyError = true;
      }
    }
    const violations = (found: string[]) => {
      for (const violation of found) this.contractViolations.push(`${method} ${path}: ${violation}`);
    };
    const checked = this.guard && !req.workbench ? this.guard : null;
    if (checked) violations(checked.checkRequest({ method, pathWithQuery: req.pathWithQuery, body: parsedBody }));

    const answer = this.answer(method, path, url.searchParams, parsedBody, bodyError, req);
    const response = inCallersTimeZone(serialise(answer), this.timeZoneOf(req.caller));
    if (!req.workbench)
      this.requestLog.push({
        method,
        path,
        caller: req.caller.kind,
        status: response.status,
        returnedObjects: answer.returnedObjects ?? 0,
      });
    if (checked) {
      violations(
        checked.checkResponse(
          { method, pathWithQuery: req.pathWithQuery },
          { status: response.status, body: response.body ? (JSON.parse(response.body) as unknown) : undefined },
        ),
      );
    }
    return response;
  }

  private answer(method: string, path: string, query: URLSearchParams, body: unknown, bodyError: boolean, req: JiraHttpRequest): JiraReply {
    const limited = req.workbench ? null : this.rateLimited(path);
    if (limited) return limited;
    if (req.caller.kind === 'anonymous') return unauthorized();
    const match = this.router.match(method, path);
    if (match.kind === 'none') return jiraError(404, `No resource found for ${method} ${path} in the workbench's Jira stand-in.`);
    if (match.kind === 'wrong-method') {
      return { ...jiraError(405, `Method ${method} is not allowed for ${path}.`), headers: { Allow: match.allowed.join(', ') } };
    }
    if (bodyError) return badPayload();
    if (!this.state.hasData()) return jiraError(503, 'The workbench has no Jira dataset loaded.');
    return match.handler({ method, path, params: match.params, query, body, caller: req.caller });
  }

  private rateLimited(path: string): JiraReply | null {
    const rule = this.rateLimits.find((candidate) => candidate.remaining > 0 && path.startsWith(candidate.pathPrefix));
    if (!rule) return null;
    rule.remaining--;
    const reset = new Date(this.context.now().getTime() + rule.retryAfterSeconds * 1000).toISOString();
    return {
      ...jiraError(429, 'Rate limit exceeded.'),
      headers: {
        'Retry-After': String(rule.retryAfterSeconds),
        'RateLimit-Reason': rule.reason,
        'X-RateLimit-Limit': String(rule.count),
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': reset,
        'X-RateLimit-NearLimit': 'true',
      },
    };
  }
}

const UTC_STAMP = /"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})\+0000"/g;

/** Rewrites every `…+0000` date-time of a JSON answer into `timeZone`'s offset at that instant, as Jira does. */
function inCallersTimeZone(response: JiraHttpResponse, timeZone: string | null): JiraHttpResponse {
  if (!timeZone || timeZone === 'UTC' || !response.body) return response;
  return { ...response, body: response.body.replace(UTC_STAMP, (_match, stamp: string) => `"${inZone(new Date(`${stamp}Z`), timeZone)}"`) };
}

function inZone(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offsetMinutes = Math.round((local - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  const ms = String(instant.getUTCMilliseconds()).padStart(3, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${ms}${offset}`;
}
