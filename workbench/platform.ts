import type { Dataset, DatasetUser } from './datasets/datasetSchema';
import type {
  EntityPropertyAlias,
  JiraContractGuard,
  JiraHttpRequest,
  JiraHttpResponse,
  JiraRequestLogEntry,
  RateLimitRule,
} from './jira/types';
import type { JiraStandIn } from './jira/jiraStandIn';
import { KvsService } from './kvs/kvsService';
import { readManifest, type Manifest } from './manifest/readManifest';
import { AppHost, type DeliveryResult } from './runtime/appHost';
import { DurableStore } from './store/durableStore';
import { latencyFromEnv, type Latency } from './runtime/latency';

/**
 * One emulated Forge site: the durable store, the Jira stand-in, the storage service and the host
 * that runs the app's functions, wired together and with the Forge globals pointing at them.
 */

/** The Jira stand-in as ARCHITECTURE.md describes it (workbench/jira/jiraStandIn.ts). */
export interface PlatformJira {
  loadDataset(dataset: Dataset): void;
  hasData(): boolean;
  users(): DatasetUser[];
  site(): Dataset['site'];
  handle(req: JiraHttpRequest): Promise<JiraHttpResponse>;
  readonly requestLog: JiraRequestLogEntry[];
  clearRequestLog(): void;
  setRateLimits(rules: RateLimitRule[]): void;
  readonly contractViolations: string[];
}

export interface CreateJiraArgs {
  store: DurableStore;
  aliases: EntityPropertyAlias[];
  guard: JiraContractGuard | null;
}

export interface WorkbenchPlatformOptions<J extends PlatformJira = JiraStandIn> {
  /** The store's log file; `null` keeps everything in memory (tests). */
  dataFile: string | null;
  /** Loaded into the Jira stand-in when the store holds no Jira data yet. */
  dataset?: Dataset;
  /** Delay per Jira request made by the app. Default: `WORKBENCH_JIRA_LATENCY_MS`, else 0. */
  latencyMs?: number;
  /** Delay per KVS call made by the app. Default: `WORKBENCH_KVS_LATENCY_MS`, else none. */
  kvsLatency?: Latency;
  /** Check every Jira exchange against Atlassian's OpenAPI files. Default true. */
  contractGuard?: boolean;
  /** Base of web trigger URLs, e.g. `http://localhost:3000`. */
  webTriggerBaseUrl?: string;
  /** Deliver async events on their own (the server); tests call `host.drainQueues()` instead. Default false. */
  backgroundQueues?: boolean;
  manifestFile?: string;
  /** Replaces the Jira stand-in (tests of the runtime itself). */
  createJira?: (args: CreateJiraArgs) => J;
  /** Replaces how manifest handlers are loaded (tests of the runtime itself). */
  loadHandler?: (handlerRef: string) => unknown;
}

export interface WorkbenchPlatform<J extends PlatformJira = JiraStandIn> {
  store: DurableStore;
  jira: J;
  kvs: KvsService;
  host: AppHost;
  manifest: Manifest;
  close(): void;
}

export function createWorkbenchPlatform<J extends PlatformJira = JiraStandIn>(options: WorkbenchPlatformOptions<J>): WorkbenchPlatform<J> {
  const manifest = readManifest(options.manifestFile);
  const store = DurableStore.open(options.dataFile);
  const guard = options.contractGuard === false ? null : loadContractGuard(manifest.scopes);
  // Without `createJira`, J is its default, the stand-in.
  const createJira = options.createJira ?? (defaultJira as unknown as (args: CreateJiraArgs) => J);
  const jira = createJira({ store, aliases: manifest.entityPropertyAliases, guard });
  if (options.dataset && !jira.hasData()) jira.loadDataset(options.dataset);
  const kvs = new KvsService(store, manifest.entities);
  const fromEnv = latencyFromEnv();
  // The host installs (or re-points) the Forge globals before any app module is required.
  const host = new AppHost({
    jira,
    kvs,
    manifest,
    // An explicit latency (the bench, tests) wins over the environment's.
    ...(options.latencyMs === undefined && fromEnv.jira ? { jiraLatency: fromEnv.jira } : { latencyMs: options.latencyMs ?? 0 }),
    ...((options.kvsLatency ?? fromEnv.kvs) ? { kvsLatency: options.kvsLatency ?? fromEnv.kvs } : {}),
    ...(options.webTriggerBaseUrl ? { webTriggerBaseUrl: options.webTriggerBaseUrl } : {}),
    ...(options.loadHandler ? { loadHandler: options.loadHandler } : {}),
  });
  if (!options.loadHandler) loadAppFunctions(host, manifest);
  if (options.backgroundQueues) host.startBackgroundDraining();
  return {
    store,
    jira,
    kvs,
    host,
    manifest,
    close() {
      host.close();
      store.close();
    },
  };
}

/**
 * Deletes an issue in the Jira stand-in and delivers `avi:jira:deleted:issue` to the app's triggers, as Jira does
 * after a delete (with the same at-least-once retries as every product event). The event carries the issue as it
 * was, with the fields Atlassian's issue events carry; `accountId` is who deleted it.
 */
export async function deleteIssueAndNotify(
  platform: Pick<WorkbenchPlatform, 'jira' | 'host'>,
  issueIdOrKey: string,
  { accountId }: { accountId: string | null },
): Promise<DeliveryResult[]> {
  const issue = platform.jira.deleteIssue(issueIdOrKey);
  const event = {
    issue: {
      id: issue.id,
      key: issue.key,
      fields: {
        summary: issue.summary,
        issuetype: { id: issue.issueTypeId },
        project: { key: issue.projectKey },
        created: issue.created,
        updated: issue.updated,
      },
    },
    ...(accountId ? { atlassianId: accountId } : {}),
  };
  platform.host.activate();
  return platform.host.deliverProductEvent('avi:jira:deleted:issue', event, { accountId });
}

/** Loads every handler the manifest names once, so a broken export fails at start, not on first use. */
function loadAppFunctions(host: AppHost, manifest: Manifest): void {
  for (const functionKey of Object.keys(manifest.functions)) host.assertFunctionLoads(functionKey);
}

function defaultJira(args: CreateJiraArgs): JiraStandIn {
  // Required on demand: the stand-in is a large module, and tests of the runtime replace it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand (see above)
  const { JiraStandIn } = require('./jira/jiraStandIn') as typeof import('./jira/jiraStandIn');
  return new JiraStandIn(args);
}

let guardWarningShown = false;

/** The OpenAPI guard, or `null` with one clear warning when it (or the shared specs) is unavailable. */
function loadContractGuard(manifestScopes: string[]): JiraContractGuard | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional: absent specs give a warning, not a crash
    const { createOpenApiGuard } = require('./contract/openApiGuard') as {
      createOpenApiGuard: (options: { manifestScopes: string[] }) => JiraContractGuard;
    };
    return createOpenApiGuard({ manifestScopes });
  } catch (error) {
    if (!guardWarningShown) {
      guardWarningShown = true;
      console.warn(`Jira contract guard is off: ${error instanceof Error ? error.message : String(error)}`);
    }
    return null;
  }
}
