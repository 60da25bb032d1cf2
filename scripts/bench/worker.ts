import { randomUUID } from 'node:crypto';
import { computeSprintHealth } from '../../src/domain/sprintHealth';
import { clearFieldIdCache } from '../../src/jira/jiraFields';
import type { JiraCall } from '../../src/jira/jiraRequest';
import { clearStatusCache } from '../../src/jira/statuses';
import type { JiraHttpRequest, JiraHttpResponse } from '../../workbench/jira/types';
import { createWorkbenchPlatform, type PlatformJira, type WorkbenchPlatform } from '../../workbench/platform';
import { runInFrame } from '../../workbench/runtime/forgeGlobals';
import { currentRssMb, measure, medianMs } from './memory';
import type {
  AppInputResult,
  AppViewResult,
  EventsResult,
  NaiveViewResult,
  ParentMessage,
  ViewContext,
  WorkerCommand,
  WorkerInit,
  WorkerMessage,
} from './protocol';
import { bulkSprintInput, naiveSprintInput } from './sprintInputs';
import { NO_LATENCY } from '../../workbench/runtime/latency';
import { storageUsage } from './storageUsage';

/**
 * One bench worker: a process standing for the app's Forge function container. It runs the app's
 * resolvers (and the naive baseline) on the workbench runtime with simulated latency; every Jira
 * request crosses to the parent, which holds the Jira stand-in and its request log.
 */

const send = (message: WorkerMessage) => process.send?.(message);

const pendingJira = new Map<number, (response: JiraHttpResponse) => void>();
let nextJiraId = 1;

function jiraOverIpc(site: WorkerInit['site']): PlatformJira {
  const unsupported = (what: string) => () => {
    throw new Error(`The bench worker's Jira proxy does not ${what}: the parent holds the stand-in.`);
  };
  return {
    loadDataset: unsupported('load datasets'),
    hasData: () => true,
    users: unsupported('list users'),
    site: () => site,
    handle: (request: JiraHttpRequest) =>
      new Promise<JiraHttpResponse>((resolve) => {
        const id = nextJiraId++;
        pendingJira.set(id, resolve);
        send({ type: 'jira', id, request });
      }),
    requestLog: [],
    clearRequestLog: () => undefined,
    setRateLimits: unsupported('set rate limits'),
    contractViolations: [],
  };
}

let platform: WorkbenchPlatform<PlatformJira> | null = null;
let site: WorkerInit['site'] | null = null;

function requirePlatform(): WorkbenchPlatform<PlatformJira> {
  if (!platform) throw new Error('The worker got a command before init.');
  return platform;
}

function viewContext(view: ViewContext): Record<string, unknown> {
  return {
    cloudId: site?.cloudId,
    extension: { type: 'jira:projectPage', project: { id: view.project.id, key: view.project.key, type: 'software' } },
  };
}

async function invoke(view: ViewContext, functionKey: string, payload: unknown, accountId = view.accountId): Promise<unknown> {
  const host = requirePlatform().host;
  host.activate();
  return host.invokeResolver({ functionKey, payload, accountId, context: viewContext(view) });
}

/** Runs bench code (not a resolver) as if inside an invocation for `accountId`, so `asUser()` works. */
function asInvocation<T>(accountId: string, fn: (call: JiraCall) => Promise<T>): Promise<T> {
  requirePlatform().host.activate();
  const call: JiraCall = { actor: 'user', site: `site:${site?.cloudId ?? 'unknown'}`, accountId };
  return runInFrame(
    {
      accountId,
      moduleKey: 'process-loop-project-page',
      functionKey: 'bench',
      invocationId: randomUUID(),
      kind: 'function',
      // The baseline is not bound by Forge's 25 s: it measures what the naive approach costs.
      deadline: Date.now() + 10 * 60_000,
    },
    () => fn(call),
  );
}

interface Envelope {
  ok?: boolean;
  data?: { status?: string; jobId?: string; frozen?: boolean; rows?: unknown[] };
  error?: { code?: string; message?: string };
}

async function setupCatalog(command: Extract<WorkerCommand, { kind: 'setupCatalog' }>): Promise<{ saved: number; failures: string[] }> {
  const failures: string[] = [];
  let saved = 0;
  for (const key of command.processKeys) {
    const answer = (await invoke(
      command.view,
      'saveProcess',
      { process: { key, name: `Benchmark process ${key}`, apoAccountId: command.apoAccountId, status: 'active' }, expectedVersion: null },
      command.adminAccountId,
    )) as Envelope;
    if (answer.ok) saved++;
    else failures.push(`${key}: ${answer.error?.code ?? '?'} ${answer.error?.message ?? JSON.stringify(answer)}`);
  }
  return { saved, failures };
}

/** One view of sprint health as the project page makes it: ask, and while computing, let the queue run and poll. */
async function appView(command: Extract<WorkerCommand, { kind: 'appView' }>): Promise<AppViewResult> {
  const host = requirePlatform().host;
  const payload = { boardId: command.view.boardId, sprintId: command.sprintId };
  const run = await measure(async () => {
    let answer = (await invoke(command.view, 'getSprintHealth', payload)) as Envelope;
    let polls = 0;
    while (answer.ok && answer.data?.status === 'computing' && polls < 50) {
      // Forge would run the queued job on its own; the bench runs it at once, then polls as the page does.
      await host.drainQueues();
      answer = (await invoke(command.view, 'getSprintHealthProgress', { jobId: answer.data.jobId })) as Envelope;
      polls++;
    }
    return { answer, polls };
  });
  const { answer, polls } = run.value;
  const outcome = answer.ok ? (answer.data?.status ?? 'no status') : `error ${answer.error?.code ?? '?'}: ${answer.error?.message ?? ''}`;
  return {
    wallMs: run.wallMs,
    peakRssMb: run.peakRssMb,
    startRssMb: run.startRssMb,
    outcome,
    polls,
    frozen: answer.ok && typeof answer.data?.frozen === 'boolean' ? answer.data.frozen : null,
    rows: answer.ok && Array.isArray(answer.data?.rows) ? answer.data.rows.length : 0,
  };
}

async function naiveView(command: Extract<WorkerCommand, { kind: 'naiveView' }>): Promise<NaiveViewResult> {
  // The baseline keeps nothing between views: every view rediscovers fields and statuses.
  clearFieldIdCache();
  clearStatusCache();
  const run = await measure(() =>
    asInvocation(command.accountId, async (call) => {
      const input = await naiveSprintInput(call, command.sprintId, command.concurrency);
      computeSprintHealth(input);
      return input;
    }),
  );
  const input = run.value;
  const compute = medianMs(command.computeRuns, () => computeSprintHealth(input));
  return {
    wallMs: run.wallMs,
    peakRssMb: run.peakRssMb,
    startRssMb: run.startRssMb,
    issues: input.issues.length,
    computeMs: compute.median,
  };
}

/** The input the app computes on (bulk, field-filtered changelogs), fetched without latency, and the computation timed on it. */
async function appInput(command: Extract<WorkerCommand, { kind: 'appInput' }>): Promise<AppInputResult> {
  const host = requirePlatform().host;
  const latency = host.jiraLatency;
  host.jiraLatency = NO_LATENCY;
  try {
    const { input, histories } = await asInvocation(command.accountId, (call) => bulkSprintInput(call, command.sprintId));
    const compute = medianMs(command.computeRuns, () => computeSprintHealth(input));
    return { issues: input.issues.length, histories, computeMs: compute.median, computeRuns: compute.samples };
  } finally {
    host.jiraLatency = latency;
  }
}

/** What Jira would send after the bench's edits, to every trigger of the app listening for it (none is fine). */
async function issueUpdatedEvents(command: Extract<WorkerCommand, { kind: 'issueUpdatedEvents' }>): Promise<EventsResult> {
  const host = requirePlatform().host;
  host.activate();
  const outcomes: string[] = [];
  for (const update of command.updates) {
    const event = {
      issue: { id: update.id, key: update.key, fields: {} },
      atlassianId: command.accountId,
      changelog: { id: randomUUID(), items: update.items },
    };
    for (const result of await host.deliverProductEvent('avi:jira:updated:issue', event, { accountId: command.accountId })) {
      outcomes.push(`${result.triggerKey}: ${result.outcome}${result.error ? ` (${result.error})` : ''}`);
    }
  }
  await host.drainQueues();
  return { delivered: outcomes.length, outcomes };
}

async function runCommand(command: WorkerCommand): Promise<unknown> {
  switch (command.kind) {
    case 'setupCatalog':
      return setupCatalog(command);
    case 'appView':
      return appView(command);
    case 'naiveView':
      return naiveView(command);
    case 'appInput':
      return appInput(command);
    case 'issueUpdatedEvents':
      return issueUpdatedEvents(command);
    case 'storageUsage':
      return storageUsage(requirePlatform().store);
  }
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'jiraReply') {
    const resolve = pendingJira.get(message.id);
    pendingJira.delete(message.id);
    resolve?.(message.response);
    return;
  }
  if (message.type === 'init') {
    site = message.site;
    const init = message;
    platform = createWorkbenchPlatform({
      dataFile: null,
      latencyMs: init.latencyMs,
      contractGuard: false,
      createJira: () => jiraOverIpc(init.site),
    });
    (globalThis as { gc?: () => void }).gc?.();
    send({ type: 'ready', idleRssMb: currentRssMb() });
    return;
  }
  runCommand(message.command).then(
    (result) => send({ type: 'result', id: message.id, result }),
    (error: unknown) =>
      send({ type: 'result', id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
