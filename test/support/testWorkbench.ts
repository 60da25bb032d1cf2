import type { Dataset, DatasetUser } from '../../workbench/datasets/datasetSchema';
import {
  createWorkbenchPlatform,
  deleteIssueAndNotify,
  type WorkbenchPlatform,
  type WorkbenchPlatformOptions,
} from '../../workbench/platform';
import type { JiraStandIn } from '../../workbench/jira/jiraStandIn';
import type { DeliveryResult } from '../../workbench/runtime/appHost';
import { aMinimalDataset } from './minimalDataset';

/**
 * An in-memory workbench for integration tests: the app's real resolvers, the real @forge/*
 * libraries, the Jira stand-in and the storage service behind them.
 */
export type Role = DatasetUser['role'];

export interface TestWorkbench {
  platform: WorkbenchPlatform;
  store: WorkbenchPlatform['store'];
  /** The Jira stand-in (unless `createJira` replaced it, which only the runtime's own tests do). */
  jira: JiraStandIn;
  kvs: WorkbenchPlatform['kvs'];
  host: WorkbenchPlatform['host'];
  dataset: Dataset;
  /** Account id of the first user of each role in the dataset. */
  users: Record<Role, string>;
  /** Calls resolver `functionKey` as `accountId` would from Custom UI; default context: the ITSM project page. */
  invoke(accountId: string | null, functionKey: string, payload: unknown, context?: Record<string, unknown>): Promise<unknown>;
  deliverEvent(
    eventType: string,
    event: Record<string, unknown>,
    options?: { accountId?: string | null; byApp?: boolean },
  ): Promise<DeliveryResult[]>;
  /** Deletes the issue in Jira as `accountId`; Jira then delivers `avi:jira:deleted:issue` to the app. */
  deleteIssue(issueIdOrKey: string, accountId: string | null): Promise<DeliveryResult[]>;
  drainQueues(): Promise<void>;
  expectNoContractViolations(): void;
  close(): void;
}

export interface TestWorkbenchOptions {
  dataset?: Dataset;
  latencyMs?: number;
  /** Per KVS call, as on Forge where each is a round trip (`{ minMs: 5, maxMs: 15 }`): concurrency tests need it. */
  kvsLatency?: WorkbenchPlatformOptions['kvsLatency'];
  contractGuard?: boolean;
  createJira?: WorkbenchPlatformOptions['createJira'];
  loadHandler?: WorkbenchPlatformOptions['loadHandler'];
}

const ROLES: Role[] = ['admin', 'apo', 'asm', 'member', 'viewer', 'outsider'];
const DEFAULT_PROJECT_KEY = 'ITSM';

export function createTestWorkbench(options: TestWorkbenchOptions = {}): Promise<TestWorkbench> {
  const dataset = options.dataset ?? defaultDataset();
  const platform = createWorkbenchPlatform({
    dataFile: null,
    dataset,
    contractGuard: options.contractGuard ?? true,
    latencyMs: options.latencyMs ?? 0,
    ...(options.kvsLatency ? { kvsLatency: options.kvsLatency } : {}),
    ...(options.createJira ? { createJira: options.createJira } : {}),
    ...(options.loadHandler ? { loadHandler: options.loadHandler } : {}),
  });
  const users = usersByRole(dataset);
  const project = dataset.projects.find((candidate) => candidate.key === DEFAULT_PROJECT_KEY) ?? dataset.projects[0];
  const projectPage = {
    extension: { type: 'jira:projectPage', ...(project ? { project: { id: project.id, key: project.key, type: 'software' } } : {}) },
  };
  return Promise.resolve<TestWorkbench>({
    platform,
    store: platform.store,
    jira: platform.jira,
    kvs: platform.kvs,
    host: platform.host,
    dataset,
    users,
    invoke(accountId, functionKey, payload, context = projectPage) {
      platform.host.activate();
      return platform.host.invokeResolver({ functionKey, payload, accountId, context: { cloudId: dataset.site.cloudId, ...context } });
    },
    deliverEvent(eventType, event, deliveryOptions) {
      platform.host.activate();
      return platform.host.deliverProductEvent(eventType, event, deliveryOptions);
    },
    deleteIssue(issueIdOrKey, accountId) {
      return deleteIssueAndNotify(platform, issueIdOrKey, { accountId });
    },
    drainQueues() {
      platform.host.activate();
      return platform.host.drainQueues();
    },
    expectNoContractViolations() {
      expect(platform.jira.contractViolations).toEqual([]);
    },
    close() {
      platform.close();
    },
  });
}

function usersByRole(dataset: Dataset): Record<Role, string> {
  const entries = ROLES.map((role) => {
    const user = dataset.users.find((candidate) => candidate.role === role);
    if (!user) throw new Error(`Dataset "${dataset.name}" has no user with role ${role}; tests need one of each.`);
    return [role, user.accountId] as const;
  });
  return Object.fromEntries(entries) as Record<Role, string>;
}

let cachedDefault: Dataset | null = null;

/** The workbench's demo dataset when it exists; otherwise the shared test builder or a minimal site. */
function defaultDataset(): Dataset {
  cachedDefault ??=
    optionalBuilder<{ buildDemoDataset: () => Dataset }>('../../workbench/datasets/demoDataset')?.buildDemoDataset() ??
    optionalBuilder<{ aDataset: () => Dataset }>('../builders/datasetBuilders')?.aDataset() ??
    aMinimalDataset();
  return cachedDefault;
}

function optionalBuilder<T>(modulePath: string): T | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- written by other helpers; absent while they work
    return require(modulePath) as T;
  } catch (error) {
    if (
      (error as { code?: unknown }).code === 'MODULE_NOT_FOUND' &&
      String((error as Error).message).includes(modulePath.split('/').pop() ?? '')
    )
      return null;
    throw error;
  }
}
