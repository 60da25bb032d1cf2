import type { Dataset, DatasetUser } from '../../workbench/datasets/datasetSchema';
import type { JiraHttpRequest, JiraHttpResponse, JiraRequestLogEntry, RateLimitRule } from '../../workbench/jira/types';
import type { PlatformJira } from '../../workbench/platform';
import type { DurableStore } from '../../workbench/store/durableStore';

/**
 * A tiny Jira for tests of the runtime itself (not of the app): it records who called, answers
 * `GET /rest/api/3/myself` with the caller, and stores one issue property table in the store so
 * durability can be observed. Everything else is a 404.
 */
export class FakeJira implements PlatformJira {
  readonly requests: JiraHttpRequest[] = [];
  readonly requestLog: JiraRequestLogEntry[] = [];
  readonly contractViolations: string[] = [];

  constructor(private readonly store: DurableStore) {}

  loadDataset(dataset: Dataset): void {
    this.store.set('jira:site', 'dataset', dataset);
  }

  hasData(): boolean {
    return this.store.has('jira:site', 'dataset');
  }

  users(): DatasetUser[] {
    return this.dataset().users;
  }

  site(): Dataset['site'] {
    return this.dataset().site;
  }

  handle(req: JiraHttpRequest): Promise<JiraHttpResponse> {
    return new Promise((resolve) => resolve(this.respond(req)));
  }

  private respond(req: JiraHttpRequest): JiraHttpResponse {
    this.requests.push(req);
    const path = req.pathWithQuery.split('?')[0] ?? '';
    const reply = (status: number, body: unknown): JiraHttpResponse => {
      this.requestLog.push({ method: req.method, path, caller: req.caller.kind, status, returnedObjects: 1 });
      return { status, headers: { 'content-type': 'application/json' }, body: body === undefined ? '' : JSON.stringify(body) };
    };
    if (req.method === 'GET' && path === '/rest/api/3/myself') {
      if (req.caller.kind !== 'user') return reply(401, { errorMessages: ['Not a user'] });
      return reply(200, { accountId: req.caller.accountId });
    }
    if (req.method === 'PUT' && path.startsWith('/rest/api/3/issue/')) {
      this.store.set('jira:properties', path, JSON.parse(req.body ?? 'null'));
      return reply(204, undefined);
    }
    return reply(404, { errorMessages: [`No fake for ${req.method} ${path}`] });
  }

  clearRequestLog(): void {
    this.requestLog.length = 0;
  }

  setRateLimits(_rules: RateLimitRule[]): void {}

  private dataset(): Dataset {
    const dataset = this.store.get('jira:site', 'dataset') as Dataset | undefined;
    if (!dataset) throw new Error('FakeJira has no dataset loaded');
    return dataset;
  }
}
