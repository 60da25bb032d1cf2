import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { JiraStandIn } from '../../workbench/jira/jiraStandIn';
import type { JiraRequestLogEntry } from '../../workbench/jira/types';
import type { ParentMessage, WorkerCommand, WorkerInit, WorkerMessage } from './protocol';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The Jira requests one command made, from the stand-in's log. */
export interface Traffic {
  requests: JiraRequestLogEntry[];
  /** Rate-limit points as the issue counts them: 1 per request plus 1 per issue or changelog returned. */
  points: number;
}

export const trafficOf = (requests: JiraRequestLogEntry[]): Traffic => ({
  requests,
  points: requests.reduce((sum, entry) => sum + 1 + entry.returnedObjects, 0),
});

/**
 * The parent's handle on a worker process: answers its Jira requests from the stand-in and runs
 * one command at a time, returning the command's result with the Jira traffic it caused.
 */
export class BenchWorker {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private exited: string | null = null;
  readonly ready: Promise<{ idleRssMb: number }>;

  constructor(
    readonly name: string,
    private readonly jira: JiraStandIn,
    init: Omit<WorkerInit, 'type'>,
  ) {
    this.child = fork(path.join(__dirname, 'worker.ts'), [], {
      cwd: REPO_ROOT,
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let markReady: (value: { idleRssMb: number }) => void = () => undefined;
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.child.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') markReady({ idleRssMb: message.idleRssMb });
      else if (message.type === 'jira') {
        void this.jira.handle(message.request).then((response) => this.post({ type: 'jiraReply', id: message.id, response }));
      } else {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error !== undefined) waiting?.reject(new Error(`${this.name}: ${message.error}`));
        else waiting?.resolve(message.result);
      }
    });
    this.child.on('exit', (code, signal) => {
      this.exited = `${this.name} exited (${signal ?? code})`;
      for (const waiting of this.pending.values()) waiting.reject(new Error(this.exited));
      this.pending.clear();
    });
    this.post({ type: 'init', ...init });
  }

  private post(message: ParentMessage): void {
    if (!this.exited) this.child.send(message);
  }

  /** Runs `command` and returns its result and the Jira requests made while it ran (workers run one at a time). */
  async run<T>(command: WorkerCommand): Promise<{ result: T; traffic: Traffic }> {
    await this.ready;
    if (this.exited) throw new Error(this.exited);
    const from = this.jira.requestLog.length;
    const id = this.nextId++;
    const result = await new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: 'command', id, command });
    });
    return { result: result as T, traffic: trafficOf(this.jira.requestLog.slice(from)) };
  }

  stop(): void {
    if (!this.exited) this.child.kill();
  }
}
