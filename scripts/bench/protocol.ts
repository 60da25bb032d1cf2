import type { JiraHttpRequest, JiraHttpResponse } from '../../workbench/jira/types';

/**
 * Messages between the bench (parent, holding the Jira stand-in) and a worker process (the app's
 * "Forge function container"). Splitting them keeps the stand-in's ~250 MB dataset out of the
 * memory the bench reports for the app.
 */

export interface WorkerInit {
  type: 'init';
  site: { cloudId: string; baseUrl: string; now: string };
  latencyMs: number;
}

export interface ViewContext {
  accountId: string;
  boardId: number;
  project: { id: string; key: string };
}

export type WorkerCommand =
  | { kind: 'setupCatalog'; adminAccountId: string; apoAccountId: string; processKeys: string[]; view: ViewContext }
  | { kind: 'appView'; sprintId: number; view: ViewContext }
  | { kind: 'naiveView'; sprintId: number; accountId: string; concurrency: number; computeRuns: number }
  | { kind: 'appInput'; sprintId: number; accountId: string; computeRuns: number }
  | { kind: 'issueUpdatedEvents'; updates: Array<{ id: string; key: string; items: unknown[] }>; accountId: string }
  | { kind: 'storageUsage' };

export type ParentMessage =
  WorkerInit | { type: 'command'; id: number; command: WorkerCommand } | { type: 'jiraReply'; id: number; response: JiraHttpResponse };

export type WorkerMessage =
  | { type: 'ready'; idleRssMb: number }
  | { type: 'jira'; id: number; request: JiraHttpRequest }
  | { type: 'result'; id: number; result?: unknown; error?: string };

/** What a worker measures around one scenario. */
export interface Measured {
  wallMs: number;
  /** Highest RSS seen during the scenario (sampled, and the process's maxRSS when it rose during it). */
  peakRssMb: number;
  /** RSS just before the scenario, after a full GC. */
  startRssMb: number;
}

export interface AppViewResult extends Measured {
  outcome: string;
  /** Times the view answered `computing` and the bench drained the queue and polled. */
  polls: number;
  frozen: boolean | null;
  rows: number;
}

export interface NaiveViewResult extends Measured {
  issues: number;
  computeMs: number;
}

export interface AppInputResult {
  issues: number;
  histories: number;
  computeMs: number;
  computeRuns: number[];
}

export interface EventsResult {
  delivered: number;
  outcomes: string[];
}
