import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { JiraCaller, JiraHttpRequest, JiraHttpResponse } from '../jira/types';
import { drawMs, type Latency } from './latency';

/**
 * The lowest boundary of Forge's backend runtime: `global.__forge_fetch__` (every request the
 * `@forge/*` libraries make) and `global.__forge_runtime__` (app context, metrics, remaining time).
 *
 * Installed once per global scope (jest gives each test file its own), they delegate to a
 * *current target* that can be swapped, so a test can build a fresh platform per test while the
 * libraries keep the functions they captured at first require. Both the target and the
 * invocation frames live on `globalThis` so every copy of this module sees the same ones.
 */

/** Who runs and for what: one per invocation, carried by AsyncLocalStorage through awaits. */
export interface InvocationFrame {
  /** The user the invocation runs for; `null` for product events, consumers, web triggers. */
  accountId: string | null;
  moduleKey: string;
  functionKey: string;
  invocationId: string;
  kind: 'resolver' | 'trigger' | 'consumer' | 'webtrigger' | 'action' | 'function';
  /** Epoch ms when the platform would stop the function. */
  deadline: number;
}

export interface KvsHandler {
  handle(path: string, body: unknown): { status: number; body: unknown };
}

export interface JiraHandler {
  handle(req: JiraHttpRequest): Promise<JiraHttpResponse>;
}

/** What the globals route to; AppHost implements it. */
export interface ForgeGlobalsTarget {
  jira: JiraHandler;
  kvs: KvsHandler;
  /** Added to every Jira request and every KVS call, to make network cost (and its races) visible. */
  jiraLatency: Latency;
  kvsLatency: Latency;
  /** `remote: 'stargate'` requests: async event queues, GraphQL (web trigger URLs). */
  stargate(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  appContext: {
    appId: string;
    appVersion: string;
    environmentId: string;
    environmentType: string;
    installationId: string;
    scopes: string[];
  };
  /** `ari:cloud:jira::site/<cloudId>`. */
  contextAri(): string;
}

interface ForgeMeta {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

type ForgeFetch = (meta: ForgeMeta, path: string, init?: RequestInit) => Promise<Response>;

const TARGET = Symbol.for('process-loop.workbench.forgeTarget');
const FRAMES = Symbol.for('process-loop.workbench.forgeFrames');
const INSTALLED = Symbol.for('process-loop.workbench.forgeGlobalsInstalled');

type WorkbenchGlobal = typeof globalThis & {
  [TARGET]?: ForgeGlobalsTarget | null;
  [FRAMES]?: AsyncLocalStorage<InvocationFrame>;
  [INSTALLED]?: boolean;
  __forge_fetch__?: ForgeFetch;
  __forge_runtime__?: unknown;
};

const workbenchGlobal = globalThis as WorkbenchGlobal;

function frames(): AsyncLocalStorage<InvocationFrame> {
  return (workbenchGlobal[FRAMES] ??= new AsyncLocalStorage<InvocationFrame>());
}

/** Runs `fn` as one invocation: `asUser()`, `getAppContext()` and remaining time read this frame. */
export function runInFrame<T>(frame: InvocationFrame, fn: () => T | Promise<T>): Promise<T> {
  // Like an async function: a handler that throws synchronously still gives a rejected promise.
  return frames().run(frame, () => new Promise<T>((resolve) => resolve(fn())));
}

export function currentFrame(): InvocationFrame | undefined {
  return frames().getStore();
}

export function currentTarget(): ForgeGlobalsTarget {
  const target = workbenchGlobal[TARGET];
  if (!target) throw new Error('The workbench Forge globals point at no platform: create one with createWorkbenchPlatform() first.');
  return target;
}

/** Installs the globals if this global scope has none yet, and points them at `target`. */
export function installForgeGlobals(target: ForgeGlobalsTarget): void {
  workbenchGlobal[TARGET] = target;
  if (workbenchGlobal[INSTALLED]) return;
  workbenchGlobal.__forge_fetch__ = forgeFetch;
  workbenchGlobal.__forge_runtime__ = forgeRuntime();
  workbenchGlobal[INSTALLED] = true;
}

/** Points the globals at nothing (a closed platform); later requests fail loudly. */
export function detachForgeGlobals(target: ForgeGlobalsTarget): void {
  if (workbenchGlobal[TARGET] === target) workbenchGlobal[TARGET] = null;
}

// --- __forge_fetch__ ------------------------------------------------------------------------

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const forgeFetch: ForgeFetch = async (meta, path, init = {}) => {
  const target = currentTarget();
  if (meta.type === 'kvs') {
    const wait = drawMs(target.kvsLatency);
    if (wait > 0) await sleep(wait);
    const reply = target.kvs.handle(path, parseJson(bodyText(init.body)));
    return jsonResponse(reply.status, reply.body);
  }
  if (meta.type === 'fpp' && meta.remote === 'jira') return jiraFetch(target, meta, path, init);
  if (meta.type === 'fpp' && meta.remote === 'stargate') {
    const reply = await target.stargate(path, parseJson(bodyText(init.body)));
    return jsonResponse(reply.status, reply.body);
  }
  // Anything else (Confluence, external fetch, remotes) is outside what this app may call.
  return proxyError(`UNSUPPORTED_BY_WORKBENCH: ${JSON.stringify(meta)} ${path}`);
};

async function jiraFetch(target: ForgeGlobalsTarget, meta: ForgeMeta, path: string, init: RequestInit): Promise<Response> {
  let caller: JiraCaller;
  if (meta.provider === 'user') {
    const accountId = meta.accountId ?? currentFrame()?.accountId ?? null;
    // Forge has no user to act for (a trigger, consumer or web trigger): the library throws NeedsAuthenticationError.
    if (!accountId) return proxyError('NEEDS_AUTHENTICATION_ERR', 401);
    caller = { kind: 'user', accountId };
  } else {
    caller = { kind: 'app' };
  }
  const wait = drawMs(target.jiraLatency);
  if (wait > 0) await sleep(wait);
  const text = bodyText(init.body);
  const reply = await target.jira.handle({
    method: (init.method ?? 'GET').toUpperCase(),
    pathWithQuery: path,
    headers: headerRecord(init.headers),
    ...(text === undefined ? {} : { body: text }),
    caller,
  });
  return new Response(nullBodyStatus(reply.status) || reply.body === '' ? null : reply.body, {
    status: reply.status,
    headers: reply.headers,
  });
}

function proxyError(reason: string, status = 400): Response {
  return new Response(null, { status, headers: { 'forge-proxy-error': reason } });
}

function nullBodyStatus(status: number): boolean {
  return status === 101 || status === 204 || status === 205 || status === 304;
}

function jsonResponse(status: number, body: unknown): Response {
  if (body === undefined || nullBodyStatus(status)) return new Response(null, { status });
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- like fetch, any other body is sent as its string form
  return String(body);
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  if (!headers) return record;
  const pairs: Iterable<[string, string]> =
    headers instanceof Headers ? headers.entries() : Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of pairs) record[name.toLowerCase()] = String(value);
  return record;
}

// --- __forge_runtime__ ----------------------------------------------------------------------

/** Default remaining time outside any invocation (a test calling a library directly). */
const OUTSIDE_INVOCATION_MS = 25_000;

function forgeRuntime(): object {
  const noopTimer = { stop: () => undefined };
  const metric = { incr: () => undefined, decr: () => undefined, set: () => undefined, measure: () => noopTimer };
  const runtime = {
    proxy: { token: 'workbench', url: 'http://workbench.invalid' },
    tracing: { traceId: randomUUID().replace(/-/g, ''), spanId: randomUUID().slice(0, 16) },
    metrics: { counter: () => metric, timing: () => metric, gauge: () => metric, histogram: () => metric },
    externalAuth: [],
  };
  // Read at call time: the frame (and the platform) differ per invocation.
  Object.defineProperties(runtime, {
    appContext: {
      enumerable: true,
      get: () => {
        const target = currentTarget();
        const frame = currentFrame();
        const { scopes, ...context } = target.appContext;
        return {
          ...context,
          invocationId: frame?.invocationId ?? 'outside-invocation',
          moduleKey: frame?.moduleKey ?? '',
          license: undefined,
          installation: undefined,
          permissions: { scopes, external: {} },
        };
      },
    },
    lambdaContext: {
      enumerable: true,
      get: () => ({
        getRemainingTimeInMillis: () => {
          const frame = currentFrame();
          return frame ? Math.max(0, frame.deadline - Date.now()) : OUTSIDE_INVOCATION_MS;
        },
      }),
    },
    contextAri: { enumerable: true, get: () => currentTarget().contextAri() },
  });
  return runtime;
}
