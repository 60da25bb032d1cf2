import { useRef } from 'react';
import type { ResolverState } from '../../../common/useResolver';

/** The last data a reloading resolver had, so filters and headings stay put while it reloads. */
export function useLastReady<T>(state: ResolverState<T>): T | null {
  const last = useRef<T | null>(null);
  if (state.status === 'ready') last.current = state.data;
  return last.current;
}
