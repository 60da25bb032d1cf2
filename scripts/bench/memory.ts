import { performance } from 'node:perf_hooks';
import type { Measured } from './protocol';

const MB = 1024 * 1024;

/** `global.gc` when the worker runs with --expose-gc, so every scenario starts from the same floor. */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
}

/**
 * Runs `work` and reports its wall time and peak RSS. RSS is sampled every 2 ms; a synchronous
 * stretch (the computation) can hide from the sampler, so the process's maxRSS (exact, but for the
 * whole process life) is used too when it grew during this scenario: then it *is* this scenario's peak.
 */
export async function measure<T>(work: () => Promise<T>): Promise<{ value: T } & Measured> {
  collectGarbage();
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  const startRss = process.memoryUsage().rss;
  let peak = startRss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 2);
  const started = performance.now();
  let value: T;
  try {
    value = await work();
  } finally {
    clearInterval(sampler);
  }
  const wallMs = performance.now() - started;
  peak = Math.max(peak, process.memoryUsage().rss);
  const maxRssAfter = process.resourceUsage().maxRSS * 1024;
  if (maxRssAfter > maxRssBefore) peak = Math.max(peak, maxRssAfter);
  return { value, wallMs, peakRssMb: peak / MB, startRssMb: startRss / MB };
}

/** Median of `runs` timings of a synchronous function (after one warm-up run). */
export function medianMs(runs: number, fn: () => unknown): { median: number; samples: number[] } {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, samples };
}

export const currentRssMb = (): number => process.memoryUsage().rss / MB;
