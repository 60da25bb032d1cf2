import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { findModule, type Manifest, type ManifestConsumer } from '../manifest/readManifest';
import {
  detachForgeGlobals,
  installForgeGlobals,
  runInFrame,
  type ForgeGlobalsTarget,
  type InvocationFrame,
  type JiraHandler,
  type KvsHandler,
} from './forgeGlobals';
import { fixedLatency, NO_LATENCY, type Latency } from './latency';

/**
 * Runs the app's functions the way Forge does: resolvers for Custom UI, triggers for product
 * events, consumers for `@forge/events` queues, web triggers and actions. Each invocation runs in
 * its own frame (who is calling, which module, how long is left), and results cross a JSON
 * boundary as they do on the platform.
 */

/** Forge's time limits ("Invocation limits"): resolvers 25 s; triggers, web triggers, consumers 55 s. */
export const TIME_LIMIT_MS = {
  resolver: 25_000,
  trigger: 55_000,
  consumer: 55_000,
  webtrigger: 55_000,
  action: 25_000,
  function: 25_000,
} as const;

/** The account the app acts as (`asApp()`); product events it caused carry it as `atlassianId`. */
export const WORKBENCH_APP_ACCOUNT_ID = 'process-loop-app';

const ENVIRONMENT_ID = '00000000-0000-4000-8000-00000000e0e0';
const INSTALLATION_ID = '00000000-0000-4000-8000-0000000001a5';
const APP_VERSION = '1.0.0';

export type HostJira = JiraHandler & {
  hasData?(): boolean;
  site?(): { cloudId: string; baseUrl: string };
};

export interface AppHostOptions {
  jira: HostJira;
  kvs: KvsHandler;
  manifest: Manifest;
  /** Added to every Jira request the app makes. Default 0. */
  latencyMs?: number;
  /** Instead of `latencyMs`: a range per Jira request (`workbench/runtime/latency.ts`). */
  jiraLatency?: Latency;
  /** Added to every KVS call the app makes. Default none. */
  kvsLatency?: Latency;
  /** Where the app's `src/` lives (default: this repository). */
  appRoot?: string;
  /** Loads a manifest handler reference (`index.projectPageResolver`); default: require from `<appRoot>/src`. */
  loadHandler?: (handlerRef: string) => unknown;
  /** Base of the URLs `webTrigger.getUrl()` hands out; default `http://localhost:3000`. */
  webTriggerBaseUrl?: string;
  /** Attempts per async event before it is dropped (Forge retries a few times). Default 5. */
  maxEventAttempts?: number;
}

export interface InvokeResolverArgs {
  /** The resolver definition to call (`getCatalog`), not the manifest function. */
  functionKey: string;
  payload: unknown;
  accountId: string | null;
  context?: Record<string, unknown>;
  /** The Custom UI module making the call; default: from `context.moduleKey` or `context.extension.type`. */
  moduleKey?: string;
}

export interface DeliveryResult {
  triggerKey: string;
  functionKey: string;
  outcome: 'ok' | 'skipped' | 'retry' | 'error';
  result?: unknown;
  error?: string;
}

export interface QueueAttempt {
  queueName: string;
  consumerKey: string;
  jobId: string;
  eventId: string;
  attempt: number;
  outcome: 'ok' | 'retry' | 'error' | 'dropped';
  retryReason?: string;
  error?: string;
}

interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData: unknown;
}

interface PendingEvent {
  queueName: string;
  jobId: string;
  eventId: string;
  event: Record<string, unknown>;
  consumer: ManifestConsumer;
  attempt: number;
  dueAt: number;
  retryContext?: RetryContext;
}

interface PendingTriggerRetry {
  trigger: Manifest['triggers'][number];
  eventType: string;
  event: Record<string, unknown>;
  attempt: number;
  dueAt: number;
  retryContext: RetryContext;
}

type Handler = (...args: unknown[]) => unknown;

export class AppHost implements ForgeGlobalsTarget {
  readonly jira: HostJira;
  readonly kvs: KvsHandler;
  readonly manifest: Manifest;
  jiraLatency: Latency;
  kvsLatency: Latency;
  readonly appContext: ForgeGlobalsTarget['appContext'];
  /** Every async event delivery, for tests and the workbench UI. */
  readonly queueAttempts: QueueAttempt[] = [];

  private readonly appRoot: string;
  private readonly loadHandlerRef: (handlerRef: string) => unknown;
  private webTriggerBaseUrl: string;
  private readonly maxEventAttempts: number;
  private readonly pendingEvents: PendingEvent[] = [];
  private readonly pendingTriggerRetries: PendingTriggerRetry[] = [];
  private readonly jobOutcomes = new Map<string, { success: number; inProgress: number; failed: number }>();
  private background: { timer: NodeJS.Timeout | null; running: Promise<void> | null } | null = null;

  constructor(options: AppHostOptions) {
    this.jira = options.jira;
    this.kvs = options.kvs;
    this.manifest = options.manifest;
    this.jiraLatency = options.jiraLatency ?? fixedLatency(options.latencyMs ?? 0);
    this.kvsLatency = options.kvsLatency ?? NO_LATENCY;
    this.appRoot = options.appRoot ?? path.resolve(__dirname, '..', '..');
    this.loadHandlerRef = options.loadHandler ?? ((ref) => this.requireHandler(ref));
    this.webTriggerBaseUrl = (options.webTriggerBaseUrl ?? 'http://localhost:3000').replace(/\/$/, '');
    this.maxEventAttempts = options.maxEventAttempts ?? 5;
    this.appContext = {
      appId: options.manifest.appId,
      appVersion: APP_VERSION,
      environmentId: ENVIRONMENT_ID,
      environmentType: 'DEVELOPMENT',
      installationId: INSTALLATION_ID,
      scopes: options.manifest.scopes,
    };
    installForgeGlobals(this);
  }

  /** Makes the Forge globals route to this host (the newest host already has them). */
  activate(): void {
    installForgeGlobals(this);
  }

  close(): void {
    this.stopBackgroundDraining();
    detachForgeGlobals(this);
  }

  cloudId(): string {
    return this.jira.hasData?.() !== false && this.jira.site ? this.jira.site().cloudId : 'workbench-cloud';
  }

  contextAri(): string {
    return `ari:cloud:jira::site/${this.cloudId()}`;
  }

  // --- resolvers ------------------------------------------------------------------------------

  async invokeResolver(args: InvokeResolverArgs): Promise<unknown> {
    const context = args.context ?? {};
    const moduleKey = args.moduleKey ?? this.moduleForContext(context);
    const found = findModule(this.manifest, moduleKey);
    const functionKey = (found?.module.resolver as { function?: unknown } | undefined)?.function;
    if (typeof functionKey !== 'string') throw new Error(`manifest.yml: module ${moduleKey} has no resolver function.`);
    const handler = this.handler(functionKey);
    const site = this.jira.hasData?.() !== false && this.jira.site ? this.jira.site() : null;
    const fullContext = {
      localId: `${moduleKey}-workbench`,
      cloudId: this.cloudId(),
      ...(site ? { siteUrl: site.baseUrl } : {}),
      moduleKey,
      environmentId: ENVIRONMENT_ID,
      environmentType: 'DEVELOPMENT',
      ...context,
    };
    const backendRuntimePayload = {
      principal: args.accountId ? { accountId: args.accountId } : undefined,
      installContext: this.contextAri(),
      license: undefined,
      installation: undefined,
    };
    return this.run({ accountId: args.accountId, moduleKey, functionKey, kind: 'resolver' }, () =>
      handler(
        { call: { functionKey: args.functionKey, payload: args.payload, jobId: undefined }, context: fullContext },
        backendRuntimePayload,
      ),
    );
  }

  private moduleForContext(context: Record<string, unknown>): string {
    if (typeof context.moduleKey === 'string') return context.moduleKey;
    const type = (context.extension as { type?: unknown } | undefined)?.type;
    const withResolver = Object.entries(this.manifest.modules).flatMap(([moduleType, entries]) =>
      (Array.isArray(entries) ? entries : []).filter((entry) => entry.resolver).map((entry) => ({ moduleType, key: String(entry.key) })),
    );
    const match = withResolver.find((entry) => entry.moduleType === type) ?? withResolver[0];
    if (!match) throw new Error('manifest.yml declares no module with a resolver.');
    return match.key;
  }

  // --- product events ---------------------------------------------------------------------------

  /** Delivers a product event to every trigger listening for it, as Forge calls trigger functions. */
  async deliverProductEvent(
    eventType: string,
    event: Record<string, unknown>,
    options: { accountId?: string | null; byApp?: boolean } = {},
  ): Promise<DeliveryResult[]> {
    const results: DeliveryResult[] = [];
    for (const trigger of this.manifest.triggers.filter((candidate) => candidate.events.includes(eventType))) {
      if (trigger.ignoreSelf && this.causedByApp(event, options)) {
        results.push({ triggerKey: trigger.key, functionKey: trigger.function, outcome: 'skipped' });
        continue;
      }
      results.push(await this.runTrigger(trigger, eventType, event, 1));
    }
    return results;
  }

  private causedByApp(event: Record<string, unknown>, options: { accountId?: string | null; byApp?: boolean }): boolean {
    const actor = (event.actor as { accountId?: unknown } | undefined)?.accountId;
    return options.byApp === true || [options.accountId, event.atlassianId, actor].includes(WORKBENCH_APP_ACCOUNT_ID);
  }

  private async runTrigger(
    trigger: Manifest['triggers'][number],
    eventType: string,
    event: Record<string, unknown>,
    attempt: number,
    retryContext?: RetryContext,
  ): Promise<DeliveryResult> {
    const base = { triggerKey: trigger.key, functionKey: trigger.function };
    try {
      const handler = this.handler(trigger.function);
      const payload = { ...event, eventType, ...(retryContext ? { retryContext } : {}) };
      const result = await this.run({ accountId: null, moduleKey: trigger.key, functionKey: trigger.function, kind: 'trigger' }, () =>
        handler(toJson(payload), { installContext: this.contextAri() }),
      );
      const retry = retryRequest(result);
      if (retry && attempt < this.maxEventAttempts) {
        this.pendingTriggerRetries.push({
          trigger,
          eventType,
          event,
          attempt: attempt + 1,
          dueAt: Date.now() + retry.retryAfter * 1000,
          retryContext: { ...retry, retryCount: attempt },
        });
        this.scheduleBackground();
        return { ...base, outcome: 'retry', result };
      }
      return { ...base, outcome: 'ok', result };
    } catch (error) {
      return { ...base, outcome: 'error', error: errorMessage(error) };
    }
  }

  // --- web triggers, actions, plain functions ----------------------------------------------------

  async invokeFunction(functionKey: string, event: unknown, context: Record<string, unknown> = {}): Promise<unknown> {
    const handler = this.handler(functionKey);
    const webtrigger = this.manifest.webtriggers.find((module) => module.function === functionKey);
    const action = this.manifest.actions.find((module) => module.function === functionKey);
    const kind = webtrigger ? 'webtrigger' : action ? 'action' : 'function';
    const moduleKey = webtrigger?.key ?? action?.key ?? functionKey;
    return this.run({ accountId: null, moduleKey, functionKey, kind }, () =>
      handler(toJson(event), { installContext: this.contextAri(), ...context }),
    );
  }

  // --- async events (@forge/events) --------------------------------------------------------------

  stargate(requestPath: string, body: unknown): Promise<{ status: number; body: unknown }> {
    return new Promise((resolve) => resolve(this.stargateReply(requestPath, body)));
  }

  private stargateReply(requestPath: string, body: unknown): { status: number; body: unknown } {
    if (requestPath.startsWith('/webhook/queue/publish/')) return this.publish(body);
    if (requestPath.startsWith('/webhook/queue/stats/')) {
      const jobId = (body as { jobId?: unknown } | undefined)?.jobId;
      const stats = typeof jobId === 'string' ? this.jobOutcomes.get(jobId) : undefined;
      return stats ? { status: 200, body: stats } : { status: 404, body: { message: `No job ${String(jobId)}.` } };
    }
    if (requestPath.startsWith('/webhook/queue/cancel/')) {
      const jobId = (body as { jobId?: unknown } | undefined)?.jobId;
      if (typeof jobId !== 'string' || !this.jobOutcomes.has(jobId)) return { status: 404, body: { message: `No job ${String(jobId)}.` } };
      for (let i = this.pendingEvents.length - 1; i >= 0; i--) if (this.pendingEvents[i]?.jobId === jobId) this.pendingEvents.splice(i, 1);
      return { status: 204, body: undefined };
    }
    if (requestPath === '/graphql') return this.graphql(body);
    return { status: 404, body: { message: `The workbench does not emulate ${requestPath}.` } };
  }

  private publish(body: unknown): { status: number; body: unknown } {
    const request = body as { queueName?: unknown; jobId?: unknown; payload?: unknown } | undefined;
    const queueName = request?.queueName;
    const jobId = request?.jobId;
    if (typeof queueName !== 'string' || typeof jobId !== 'string' || !Array.isArray(request?.payload)) {
      return { status: 400, body: { message: 'Expected {queueName, jobId, payload: [events]}.' } };
    }
    const consumers = this.manifest.consumers.filter((consumer) => consumer.queue === queueName);
    if (consumers.length === 0) {
      return { status: 400, body: { message: `No consumer module in manifest.yml reads queue "${queueName}".` } };
    }
    const now = Date.now();
    for (const raw of request.payload as Array<Record<string, unknown>>) {
      const eventId = randomUUID();
      const delay = typeof raw.delayInSeconds === 'number' ? raw.delayInSeconds : 0;
      for (const consumer of consumers) {
        this.pendingEvents.push({ queueName, jobId, eventId, event: raw, consumer, attempt: 1, dueAt: now + delay * 1000 });
      }
    }
    this.jobOutcomes.set(jobId, { success: 0, inProgress: request.payload.length * consumers.length, failed: 0 });
    this.scheduleBackground();
    return { status: 201, body: { jobId } };
  }

  /**
   * Drops the events waiting on a queue, as if the platform had lost them (or the push never reached it): how
   * tests reproduce a consumer that never runs. Answers how many were dropped.
   */
  loseQueuedEvents(queueName: string): number {
    const before = this.pendingEvents.length;
    for (let i = this.pendingEvents.length - 1; i >= 0; i--)
      if (this.pendingEvents[i]?.queueName === queueName) this.pendingEvents.splice(i, 1);
    return before - this.pendingEvents.length;
  }

  /** Events (and trigger retries) still waiting. */
  pendingCount(): number {
    return this.pendingEvents.length + this.pendingTriggerRetries.length;
  }

  /**
   * Runs every queued event and requested retry until none is left, ignoring delays and
   * `retryAfter` so tests need not wait. Retries stop after `maxEventAttempts`.
   */
  async drainQueues(): Promise<void> {
    while (this.pendingCount() > 0) await this.runDue(Number.POSITIVE_INFINITY);
  }

  private async runDue(until: number): Promise<void> {
    const due = <T extends { dueAt: number }>(list: T[]): T[] => {
      const picked = list.filter((item) => item.dueAt <= until);
      for (const item of picked) list.splice(list.indexOf(item), 1);
      return picked;
    };
    for (const pending of due(this.pendingEvents)) await this.deliverQueued(pending);
    for (const retry of due(this.pendingTriggerRetries)) {
      await this.runTrigger(retry.trigger, retry.eventType, retry.event, retry.attempt, retry.retryContext);
    }
  }

  private async deliverQueued(pending: PendingEvent): Promise<void> {
    const { consumer, queueName, jobId, eventId, attempt } = pending;
    const record = (outcome: QueueAttempt['outcome'], extra: Partial<QueueAttempt> = {}) =>
      this.queueAttempts.push({ queueName, consumerKey: consumer.key, jobId, eventId, attempt, outcome, ...extra });
    const stats = this.jobOutcomes.get(jobId);
    const settle = (field: 'success' | 'failed') => {
      if (!stats) return;
      stats.inProgress -= 1;
      stats[field] += 1;
    };
    try {
      const handler = this.handler(consumer.function);
      const result = await this.run({ accountId: null, moduleKey: consumer.key, functionKey: consumer.function, kind: 'consumer' }, () =>
        consumer.method
          ? // The resolver form (@forge/events 1.x style): the event body is the resolver payload.
            handler(
              {
                call: {
                  functionKey: consumer.method,
                  payload: toJson({
                    ...(pending.event.body as object),
                    ...(pending.retryContext ? { retryContext: pending.retryContext } : {}),
                  }),
                  jobId,
                },
                context: { installContext: this.contextAri(), moduleKey: consumer.key },
              },
              { installContext: this.contextAri(), principal: undefined, license: undefined },
            )
          : handler(
              toJson({
                ...pending.event,
                queueName,
                jobId,
                eventId,
                ...(pending.retryContext ? { retryContext: pending.retryContext } : {}),
              }),
              { installContext: this.contextAri() },
            ),
      );
      const retry = retryRequest(result);
      if (!retry) {
        record('ok');
        settle('success');
        return;
      }
      if (attempt >= this.maxEventAttempts) {
        record('dropped', { retryReason: retry.retryReason });
        settle('failed');
        return;
      }
      record('retry', { retryReason: retry.retryReason });
      this.pendingEvents.push({
        ...pending,
        attempt: attempt + 1,
        dueAt: Date.now() + retry.retryAfter * 1000,
        retryContext: { retryCount: attempt, retryReason: retry.retryReason, retryData: retry.retryData },
      });
      this.scheduleBackground();
    } catch (error) {
      // A thrown error ends the event here; handlers that want another try return InvocationError.
      console.error(`Consumer ${consumer.key} failed on queue ${queueName}:`, error);
      record('error', { error: errorMessage(error) });
      settle('failed');
    }
  }

  private graphql(body: unknown): { status: number; body: unknown } {
    const request = (body ?? {}) as { query?: unknown; variables?: Record<string, unknown> };
    const query = typeof request.query === 'string' ? request.query : '';
    if (query.includes('createWebTriggerUrl')) {
      const triggerKey = (request.variables?.input as { triggerKey?: unknown } | undefined)?.triggerKey;
      if (typeof triggerKey !== 'string' || !this.manifest.webtriggers.some((module) => module.key === triggerKey)) {
        return {
          status: 200,
          body: {
            data: { createWebTriggerUrl: null },
            errors: [{ message: `No webtrigger module ${String(triggerKey)} in manifest.yml.` }],
          },
        };
      }
      return { status: 200, body: { data: { createWebTriggerUrl: { url: this.webTriggerUrl(triggerKey) } } } };
    }
    if (query.includes('webTriggerUrlsByAppContext')) {
      const urls = this.manifest.webtriggers.map((module) => ({ triggerKey: module.key, url: this.webTriggerUrl(module.key) }));
      return { status: 200, body: { data: { webTriggerUrlsByAppContext: urls } } };
    }
    if (query.includes('deleteWebTriggerUrl'))
      return { status: 200, body: { data: { deleteWebTriggerUrl: { success: true, message: null } } } };
    return { status: 200, body: { errors: [{ message: 'The workbench only emulates the web trigger URL GraphQL operations.' }] } };
  }

  /** Web trigger URLs point at `url` from now on (the server's actual address). */
  setWebTriggerBaseUrl(url: string): void {
    this.webTriggerBaseUrl = url.replace(/\/$/, '');
  }

  webTriggerUrl(moduleKey: string): string {
    return `${this.webTriggerBaseUrl}/webtrigger/${moduleKey}`;
  }

  // --- background draining (the long-running server) -----------------------------------------------

  /** Delivers queued events on their own, honouring `delayInSeconds` and `retryAfter`. */
  startBackgroundDraining(): void {
    this.background ??= { timer: null, running: null };
    this.scheduleBackground();
  }

  stopBackgroundDraining(): void {
    if (this.background?.timer) clearTimeout(this.background.timer);
    this.background = null;
  }

  private scheduleBackground(): void {
    const background = this.background;
    if (!background || background.running) return;
    const dueTimes = [...this.pendingEvents, ...this.pendingTriggerRetries].map((item) => item.dueAt);
    if (dueTimes.length === 0) return;
    if (background.timer) clearTimeout(background.timer);
    const wait = Math.max(0, Math.min(...dueTimes) - Date.now());
    background.timer = setTimeout(() => {
      background.timer = null;
      background.running = this.runDue(Date.now())
        .catch((error: unknown) => console.error('Background queue delivery failed:', error))
        .finally(() => {
          background.running = null;
          this.scheduleBackground();
        });
    }, wait);
    background.timer.unref?.();
  }

  // --- plumbing ---------------------------------------------------------------------------------

  /** Throws when the manifest names a handler the code does not export. */
  assertFunctionLoads(functionKey: string): void {
    this.handler(functionKey);
  }

  private handler(functionKey: string): Handler {
    const ref = this.manifest.functions[functionKey];
    if (!ref) throw new Error(`manifest.yml has no function "${functionKey}".`);
    const handler = this.loadHandlerRef(ref);
    if (typeof handler !== 'function') throw new Error(`Function "${functionKey}" (${ref}) is not an exported function.`);
    return handler as Handler;
  }

  private requireHandler(ref: string): unknown {
    const dot = ref.lastIndexOf('.');
    if (dot <= 0) throw new Error(`manifest.yml: handler "${ref}" must be <file>.<export>.`);
    const file = path.join(this.appRoot, 'src', ref.slice(0, dot));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the app is loaded after the globals, on demand
    const loaded = require(file) as Record<string, unknown>;
    return loaded[ref.slice(dot + 1)];
  }

  /** One invocation: a frame, Forge's time limit, and the JSON boundary on the way out. */
  private async run(frame: Omit<InvocationFrame, 'invocationId' | 'deadline'>, call: () => unknown): Promise<unknown> {
    const custom = frame.kind === 'consumer' ? this.manifest.functionTimeoutSeconds[frame.functionKey] : undefined;
    const limit = custom ? custom * 1000 : TIME_LIMIT_MS[frame.kind];
    const full: InvocationFrame = { ...frame, invocationId: randomUUID(), deadline: Date.now() + limit };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`FUNCTION_TIME_OUT: ${frame.functionKey} ran longer than ${limit / 1000} s.`)), limit);
      timer.unref?.();
    });
    try {
      const result = await Promise.race([runInFrame(full, call), timeout]);
      return toJson(result);
    } finally {
      clearTimeout(timer);
    }
  }
}

function toJson(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** An `InvocationError` (or `QueueResponse.retry()`) returned by a handler: `{_retry: true, retryOptions}`. */
function retryRequest(result: unknown): { retryAfter: number; retryReason: string; retryData: unknown } | null {
  const response = result as {
    _retry?: unknown;
    retryOptions?: { retryAfter?: unknown; retryReason?: unknown; retryData?: unknown };
  } | null;
  if (!response || typeof response !== 'object' || response._retry !== true) return null;
  const options = response.retryOptions ?? {};
  return {
    retryAfter: typeof options.retryAfter === 'number' && options.retryAfter > 0 ? options.retryAfter : 1,
    retryReason: typeof options.retryReason === 'string' ? options.retryReason : 'FUNCTION_RETRY_REQUEST',
    retryData: options.retryData,
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
