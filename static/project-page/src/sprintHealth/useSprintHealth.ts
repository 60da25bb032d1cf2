import { useCallback, useEffect, useState } from 'react';
import type { ResolverError } from '../../../../src/contract';
import { invokeResolver } from '../../../common/invokeResolver';
import type { SprintHealthProgress, SprintHealthReady, SprintHealthView } from './types';

export type SprintHealthState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'computing'; progress: SprintHealthProgress; restartedAt: string | null }
  /** Jira asked us to wait: say until when, and try again by ourselves then. */
  | { status: 'rate-limited'; retryAt: string }
  | { status: 'ready'; data: SprintHealthReady }
  | { status: 'failed'; error: ResolverError };

export const POLL_INTERVAL_MS = 1000;
/** Never wait less than this for a retry, whatever the clock says (clock skew, retryAt in the past). */
const MIN_RETRY_DELAY_MS = 1000;

function delayUntil(retryAt: string | undefined | null): number {
  const at = retryAt ? Date.parse(retryAt) : Number.NaN;
  return Number.isNaN(at) ? 5000 : Math.max(MIN_RETRY_DELAY_MS, at - Date.now());
}

const sleep = (ms: number, signal: { cancelled: boolean }) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    // A cancelled run stops waiting at the next check; the timer is short-lived either way.
    if (signal.cancelled) clearTimeout(timer);
  });

/**
 * Loads one sprint's health. A large sprint answers `computing`: the progress resolver is polled
 * every second until the result is stored. RATE_LIMITED is not a failure: the state says when Jira
 * will take requests again and the load resumes by itself at that time.
 */
export function useSprintHealth(selection: { boardId: number; sprintId: number } | null) {
  const [state, setState] = useState<SprintHealthState>({ status: selection ? 'loading' : 'idle' });
  const [attempt, setAttempt] = useState(0);
  const boardId = selection?.boardId;
  const sprintId = selection?.sprintId;

  useEffect(() => {
    if (boardId === undefined || sprintId === undefined) {
      setState({ status: 'idle' });
      return;
    }
    const signal = { cancelled: false };
    const set = (next: SprintHealthState) => {
      if (!signal.cancelled) setState(next);
    };

    /** Follows one answer until it is ready or failed; returns the final state. */
    async function follow(view: SprintHealthView): Promise<void> {
      let current = view;
      while (!signal.cancelled) {
        if (current.status === 'ready') return set({ status: 'ready', data: current });
        if (current.status === 'failed') {
          if (current.error.code === 'RATE_LIMITED') return waitAndRestart(current.error.retryAt);
          return set({ status: 'failed', error: current.error });
        }
        set({ status: 'computing', progress: current.progress, restartedAt: current.restartedAt });
        await sleep(POLL_INTERVAL_MS, signal);
        if (signal.cancelled) return;
        const jobId = current.jobId;
        const polled = await invokeResolver('getSprintHealthProgress', { jobId });
        if (signal.cancelled) return;
        if (!polled.ok) {
          if (polled.error.code !== 'RATE_LIMITED') return set({ status: 'failed', error: polled.error });
          const retryAt = polled.error.retryAt ?? new Date(Date.now() + 5000).toISOString();
          set({ status: 'rate-limited', retryAt });
          await sleep(delayUntil(retryAt), signal);
          continue; // poll the same job again
        }
        current = polled.data;
      }
    }

    async function waitAndRestart(retryAt: string | undefined): Promise<void> {
      const at = retryAt ?? new Date(Date.now() + 5000).toISOString();
      set({ status: 'rate-limited', retryAt: at });
      await sleep(delayUntil(at), signal);
      if (!signal.cancelled) await start();
    }

    async function start(): Promise<void> {
      const answer = await invokeResolver('getSprintHealth', { boardId: boardId as number, sprintId: sprintId as number });
      if (signal.cancelled) return;
      if (!answer.ok) {
        if (answer.error.code === 'RATE_LIMITED') return waitAndRestart(answer.error.retryAt);
        return set({ status: 'failed', error: answer.error });
      }
      return follow(answer.data);
    }

    setState({ status: 'loading' });
    void start();
    return () => {
      signal.cancelled = true;
    };
  }, [boardId, sprintId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
