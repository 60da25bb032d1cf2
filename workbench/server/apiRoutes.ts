import { z } from 'zod';
import { DatasetError, parseDataset, type Dataset } from '../datasets/datasetSchema';
import type { RateLimitRule } from '../jira/types';
import { deleteIssueAndNotify } from '../platform';
import { ACCOUNT_HEADER, actingAccountId } from './actingUser';
import { HttpError, json, type WorkbenchRequest, type WorkbenchResponse } from './http';
import { callerFor } from './jiraReads';
import type { ServerManifest } from './manifestModules';
import { resolveExtension, resolverContext } from './moduleContext';
import type { ServerPlatform } from './platformPort';
import type { Route } from './router';

/** The JSON API of the workbench (`/workbench/*`), Jira itself (`/rest/*`) and web triggers. */
/** Plays the demo's story on a freshly loaded dataset (workbench/demo/demoStory.ts); throws when the app refuses a step. */
export type DemoStory = (platform: ServerPlatform, dataset: Dataset) => Promise<unknown>;

export interface ApiDeps {
  platform: ServerPlatform;
  manifest: ServerManifest;
  demoDataset: () => Dataset;
  /** Played by `POST /workbench/reset` after loading the dataset; null: the plain dataset. */
  demoStory?: DemoStory | null;
}

/** zod's problems as `{path, message}`, the same shape DatasetError carries. */
function parseBody<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
  throw new HttpError(400, `The request is not valid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { problems });
}

const refSchema = z.object({ id: z.string().optional(), key: z.string().optional() }).passthrough();

const invokeSchema = z.object({
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
  context: z.object({
    moduleKey: z.string().min(1),
    extension: z.object({ type: z.string(), issue: refSchema.optional(), project: refSchema.optional() }).passthrough(),
  }),
});

const eventsSchema = z.object({
  eventType: z.string().min(1),
  event: z.record(z.string(), z.unknown()),
  /** Deliver the same event this many times: Forge delivers at least once, sometimes more. */
  repeat: z.number().int().min(1).max(20).default(1),
  /** Run @forge/events jobs the triggers queued before answering. Default true. */
  drain: z.boolean().default(true),
});

const seedSchema = z.union([z.object({ dataset: z.unknown() }).strict(), z.object({ name: z.literal('demo') }).strict()]);

const rateLimitsSchema: z.ZodType<{ rules: RateLimitRule[] }> = z.object({
  rules: z.array(
    z.object({
      pathPrefix: z.string().startsWith('/rest/'),
      count: z.number().int().min(0),
      retryAfterSeconds: z.number().int().min(0),
      reason: z.enum(['jira-quota-based', 'jira-burst-based']),
    }),
  ),
});

/** Headers that describe the hop to the workbench, not the request to Jira. */
const HOP_HEADERS = new Set(['host', 'cookie', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', ACCOUNT_HEADER]);

async function proxyToJira(deps: ApiDeps, req: WorkbenchRequest): Promise<WorkbenchResponse> {
  const accountId = actingAccountId(req, deps.platform.jira.users());
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_HEADERS.has(name)));
  const body = req.method === 'GET' || req.method === 'HEAD' ? '' : await req.text();
  const response = await deps.platform.jira.handle({
    method: req.method,
    pathWithQuery: req.pathWithQuery,
    headers,
    ...(body !== '' ? { body } : {}),
    caller: callerFor(accountId),
  });
  return { status: response.status, headers: response.headers, body: response.body };
}

type WebTriggerResponse = { statusCode?: unknown; headers?: unknown; body?: unknown };

/** Forge's web trigger request: header and query values are lists. */
async function webTriggerRequest(req: WorkbenchRequest, moduleKey: string) {
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) if (!HOP_HEADERS.has(name) || name === 'content-length') headers[name] = [value];
  const queryParameters: Record<string, string[]> = {};
  for (const [name, value] of req.query) (queryParameters[name] ??= []).push(value);
  return { method: req.method, headers, body: await req.text(), path: req.path, queryParameters, context: { moduleKey } };
}

async function runWebTrigger(deps: ApiDeps, req: WorkbenchRequest): Promise<WorkbenchResponse> {
  const moduleKey = req.params.moduleKey ?? '';
  const functionKey = deps.manifest.webtriggers[moduleKey];
  if (!functionKey) throw new HttpError(404, `manifest.yml has no webtrigger module ${JSON.stringify(moduleKey)}.`);
  let result: WebTriggerResponse;
  try {
    result = (await deps.platform.host.invokeFunction(functionKey, await webTriggerRequest(req, moduleKey), { moduleKey })) ?? {};
  } catch (error) {
    throw new HttpError(500, `Web trigger ${moduleKey} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const status = typeof result.statusCode === 'number' ? result.statusCode : null;
  if (status === null)
    throw new HttpError(500, `Web trigger ${moduleKey} returned no statusCode (Forge expects {statusCode, headers, body}).`);
  const headers: Record<string, string | string[]> = {};
  if (result.headers && typeof result.headers === 'object') {
    for (const [name, value] of Object.entries(result.headers as Record<string, unknown>)) {
      headers[name] = Array.isArray(value) ? value.map(String) : String(value);
    }
  }
  return {
    status,
    headers,
    body: typeof result.body === 'string' ? result.body : result.body === undefined ? '' : JSON.stringify(result.body),
  };
}

export function apiRoutes(deps: ApiDeps): Route[] {
  const { platform, manifest } = deps;
  return [
    {
      method: 'GET',
      pattern: '/workbench/users',
      handler: () =>
        json(
          200,
          platform.jira.users().map((user) => ({ accountId: user.accountId, displayName: user.displayName, role: user.role })),
        ),
    },
    {
      method: 'POST',
      pattern: '/workbench/invoke',
      handler: async (req) => {
        const body = parseBody(invokeSchema, await req.json());
        const accountId = actingAccountId(req, platform.jira.users());
        const module = manifest.uiModules.find((candidate) => candidate.key === body.context.moduleKey);
        if (!module)
          throw new HttpError(400, `context.moduleKey: manifest.yml has no Custom UI module ${JSON.stringify(body.context.moduleKey)}.`, {
            path: 'context.moduleKey',
          });
        if (body.context.extension.type !== module.type) {
          throw new HttpError(
            400,
            `context.extension.type: module ${module.key} is a ${module.type}, not ${body.context.extension.type}.`,
            { path: 'context.extension.type' },
          );
        }
        // The context is rebuilt from Jira: only the issue/project named is taken from the caller.
        const extension = await resolveExtension(platform, module, {
          issue: body.context.extension.issue,
          project: body.context.extension.project,
        });
        try {
          const result = await platform.host.invokeResolver({
            functionKey: body.functionKey,
            payload: body.payload ?? {},
            accountId,
            moduleKey: module.key,
            context: resolverContext(platform, module, extension),
          });
          return json(200, result ?? null);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // @forge/resolver's words for a key the module's resolver function does not define: the caller's mistake.
          if (/has no definition for '/.test(message)) {
            throw new HttpError(400, `functionKey: the resolver of ${module.key} has no function ${JSON.stringify(body.functionKey)}.`, {
              path: 'functionKey',
            });
          }
          throw new HttpError(500, message);
        }
      },
    },
    {
      method: 'POST',
      pattern: '/workbench/events',
      handler: async (req) => {
        const body = parseBody(eventsSchema, await req.json());
        const accountId = actingAccountId(req, platform.jira.users());
        const deliveries: unknown[] = [];
        for (let round = 0; round < body.repeat; round += 1) {
          deliveries.push(...(await platform.host.deliverProductEvent(body.eventType, body.event, accountId ? { accountId } : {})));
        }
        if (body.drain) await platform.host.drainQueues();
        return json(200, { deliveries });
      },
    },
    {
      // Deleting an issue, as the acting user would in Jira: the app hears `avi:jira:deleted:issue`.
      method: 'POST',
      pattern: '/workbench/issues/:issueKey/delete',
      handler: async (req) => {
        const issueKey = req.params.issueKey ?? '';
        if (!platform.jira.issue(issueKey)) throw new HttpError(404, `No issue ${issueKey} in the Jira stand-in.`);
        const deliveries = await deleteIssueAndNotify(platform, issueKey, { accountId: actingAccountId(req, platform.jira.users()) });
        await platform.host.drainQueues();
        return json(200, { deleted: issueKey, deliveries });
      },
    },
    {
      method: 'POST',
      pattern: '/workbench/seed',
      handler: async (req) => {
        const body = parseBody(seedSchema, await req.json());
        let dataset: Dataset;
        try {
          dataset = 'name' in body ? deps.demoDataset() : parseDataset(body.dataset);
        } catch (error) {
          if (error instanceof DatasetError) throw new HttpError(400, error.message, { problems: error.problems });
          throw error;
        }
        platform.jira.loadDataset(dataset);
        return json(200, {
          loaded: dataset.name,
          users: dataset.users.length,
          projects: dataset.projects.length,
          issues: dataset.issues.length,
        });
      },
    },
    {
      method: 'POST',
      pattern: '/workbench/reset',
      handler: async () => {
        const dataset = deps.demoDataset();
        platform.store.clearAll();
        platform.jira.loadDataset(dataset);
        platform.jira.clearRequestLog();
        platform.jira.setRateLimits([]);
        let story: unknown = null;
        if (deps.demoStory) {
          try {
            story = await deps.demoStory(platform, dataset);
          } catch (error) {
            throw new HttpError(
              500,
              `The demo dataset is loaded, but its story stopped: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
          // The story's own Jira requests are not what a caller wants to inspect next.
          platform.jira.clearRequestLog();
        }
        return json(200, { loaded: dataset.name, storage: 'cleared', story });
      },
    },
    {
      method: 'GET',
      pattern: '/workbench/requests',
      handler: () => {
        const requests = platform.jira.requestLog;
        const returnedObjects = requests.reduce((sum, entry) => sum + entry.returnedObjects, 0);
        return json(200, {
          requests,
          totals: { requests: requests.length, returnedObjects, rateLimitPoints: requests.length + returnedObjects },
        });
      },
    },
    {
      method: 'DELETE',
      pattern: '/workbench/requests',
      handler: () => {
        platform.jira.clearRequestLog();
        return json(200, { cleared: true });
      },
    },
    {
      method: 'POST',
      pattern: '/workbench/rate-limits',
      handler: async (req) => {
        const body = parseBody(rateLimitsSchema, await req.json());
        platform.jira.setRateLimits(body.rules);
        return json(200, { rules: body.rules.length });
      },
    },
    { method: '*', pattern: '/rest/api/3/*', handler: (req) => proxyToJira(deps, req) },
    { method: '*', pattern: '/rest/agile/1.0/*', handler: (req) => proxyToJira(deps, req) },
    { method: '*', pattern: '/webtrigger/:moduleKey', handler: (req) => runWebTrigger(deps, req) },
    { method: '*', pattern: '/webtrigger/:moduleKey/*', handler: (req) => runWebTrigger(deps, req) },
  ];
}
