/**
 * Network time the workbench adds per call, as Forge has it: every Jira request and every KVS call is a round
 * trip there. A fixed number, or a range to draw from (`5-15`), which also shuffles the order of concurrent
 * calls the way a real network does, so races show up here before they do in production.
 */
export interface Latency {
  minMs: number;
  maxMs: number;
}

export const NO_LATENCY: Latency = { minMs: 0, maxMs: 0 };

/** `"20"` or `"5-15"` (milliseconds); anything else is an error naming `name`. */
export function parseLatency(raw: string, name: string): Latency {
  const match = /^\s*(\d{1,5})\s*(?:-\s*(\d{1,5})\s*)?$/.exec(raw);
  if (!match) throw new Error(`${name} must be milliseconds, a number or a range like 5-15, not ${JSON.stringify(raw)}.`);
  const minMs = Number(match[1]);
  const maxMs = match[2] === undefined ? minMs : Number(match[2]);
  if (maxMs < minMs) throw new Error(`${name}: the range ${raw} ends before it starts.`);
  return { minMs, maxMs };
}

/** The latencies `WORKBENCH_JIRA_LATENCY_MS` and `WORKBENCH_KVS_LATENCY_MS` ask for, where set. */
export function latencyFromEnv(env: NodeJS.ProcessEnv = process.env): { jira?: Latency; kvs?: Latency } {
  const read = (name: string) => (env[name] ? parseLatency(env[name], name) : undefined);
  const jira = read('WORKBENCH_JIRA_LATENCY_MS');
  const kvs = read('WORKBENCH_KVS_LATENCY_MS');
  return { ...(jira ? { jira } : {}), ...(kvs ? { kvs } : {}) };
}

export function fixedLatency(ms: number): Latency {
  return { minMs: ms, maxMs: ms };
}

export function drawMs(latency: Latency, random: () => number = Math.random): number {
  return latency.minMs + Math.round(random() * (latency.maxMs - latency.minMs));
}
