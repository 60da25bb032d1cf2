import { useState } from 'react';
import type { ResolverState } from '../../../common/useResolver';

/** The last data a reloading resolver had, so filters and headings stay put while it reloads. */
export function useLastReady<T>(state: ResolverState<T>): T | null {
  const [last, setLast] = useState<T | null>(null);
  // Kept during render (React's pattern for values from earlier renders), so a reload never shows nothing first.
  if (state.status === 'ready' && state.data !== last) setLast(state.data);
  return state.status === 'ready' ? state.data : last;
}
