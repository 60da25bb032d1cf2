import { useCallback, useEffect, useRef, useState } from 'react';
import type { PayloadOf, ResolverError, ResolverKey, ResolverResponse, ResultOf } from '../../src/contract';
import { invokeResolver } from './invokeResolver';

export type ResolverState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: ResolverError };

/**
 * Loads one resolver's answer when the component mounts (and again on `reload`). The payload is
 * compared by value, so callers may pass a fresh object literal on every render.
 */
export function useResolver<K extends ResolverKey>(key: K, payload: PayloadOf<K>) {
  const [state, setState] = useState<ResolverState<ResultOf<K>>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const payloadJson = JSON.stringify(payload);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void invokeResolver(key, JSON.parse(payloadJson) as PayloadOf<K>).then((response) => {
      if (!current) return; // a newer load (or unmount) superseded this one
      setState(response.ok ? { status: 'ready', data: response.data } : { status: 'failed', error: response.error });
    });
    return () => {
      current = false;
    };
  }, [key, payloadJson, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  /** Replaces the loaded data after a successful write, without another round trip. */
  const update = useCallback((data: ResultOf<K>) => setState({ status: 'ready', data }), []);
  return { state, reload, update };
}

/** Calls a resolver on demand (a save, a delete) and tracks whether a call is running. */
export function useResolverAction<K extends ResolverKey>(key: K) {
  const [pending, setPending] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async (payload: PayloadOf<K>): Promise<ResolverResponse<ResultOf<K>>> => {
      setPending(true);
      try {
        return await invokeResolver(key, payload);
      } finally {
        if (mounted.current) setPending(false);
      }
    },
    [key],
  );
  return { run, pending };
}
