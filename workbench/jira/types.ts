/** Who a request to the Jira stand-in runs as: Forge's `asUser()` / `asApp()`, or nobody. */
export type JiraCaller = { kind: 'user'; accountId: string } | { kind: 'app' } | { kind: 'anonymous' };

export interface JiraHttpRequest {
  method: string;
  /** The path as the app sent it, query already encoded, e.g. `/rest/api/3/issue/ITSM-1?fields=summary`. */
  pathWithQuery: string;
  headers: Record<string, string>;
  body?: string;
  caller: JiraCaller;
  /**
   * The workbench's own look-up (building a module's context, resolving smart values, its pages): not the app's
   * traffic, so no rate-limit rule applies and it is neither logged nor contract-checked.
   */
  workbench?: boolean;
}

export interface JiraHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Implemented by workbench/contract (someone else): checks each exchange against Atlassian's OpenAPI files. */
export interface JiraContractGuard {
  checkRequest(req: { method: string; pathWithQuery: string; body: unknown }): string[]; // violations
  checkResponse(req: { method: string; pathWithQuery: string }, res: { status: number; body: unknown }): string[];
}

export interface JiraRequestLogEntry {
  method: string;
  /** Path without the query string. */
  path: string;
  caller: JiraCaller['kind'];
  status: number;
  /** Issues returned by a search, changelogs by a bulk fetch, 1 for a single object: what costs rate-limit points. */
  returnedObjects: number;
}

/** One indexed value of a `jira:entityProperty` module: JQL `searchAlias` reads `path` of issue property `propertyKey`. */
export interface EntityPropertyAlias {
  propertyKey: string;
  path: string;
  type: 'number' | 'string' | 'text' | 'user' | 'date';
  searchAlias: string;
}

export interface RateLimitRule {
  pathPrefix: string;
  count: number;
  retryAfterSeconds: number;
  reason: 'jira-quota-based' | 'jira-burst-based';
}

/** A change `JiraStandIn.applyIssueUpdate` makes to an issue; absent fields stay as they are. */
export interface IssueChange {
  statusId?: string;
  sprintIds?: number[];
  flagged?: boolean;
  labels?: string[];
  components?: string[];
  parentKey?: string | null;
  assigneeAccountId?: string | null;
  summary?: string;
}

/** What `JiraStandIn.createIssue` (and `POST /rest/api/3/issue`) needs; the key comes from the project. */
export interface NewIssue {
  projectKey: string;
  issueTypeId: string;
  summary: string;
  reporterAccountId: string;
  description?: string;
  /** Atlassian Document Format, kept as given and returned by GET issue. */
  descriptionAdf?: unknown;
  statusId?: string;
  labels?: string[];
  components?: string[];
  parentKey?: string | null;
  assigneeAccountId?: string | null;
  sprintIds?: number[];
  flagged?: boolean;
  properties?: Record<string, unknown>;
  created?: Date;
}
