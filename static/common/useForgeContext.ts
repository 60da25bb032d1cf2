import { useEffect, useState } from 'react';
import { view } from '@forge/bridge';

export type ForgeContext = Awaited<ReturnType<typeof view.getContext>>;

export type ForgeContextState = { status: 'loading' } | { status: 'ready'; context: ForgeContext } | { status: 'failed'; message: string };

/** The module's Forge context (who, where, which project or issue), read once from the host. */
export function useForgeContext(): ForgeContextState {
  const [state, setState] = useState<ForgeContextState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    view.getContext().then(
      (context) => current && setState({ status: 'ready', context }),
      () => current && setState({ status: 'failed', message: "Process Loop couldn't read where it is open." }),
    );
    return () => {
      current = false;
    };
  }, []);
  return state;
}
