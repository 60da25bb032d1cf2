import type { ReactNode } from 'react';
import type { PayloadOf, ResolverKey, ResultOf } from '../../../../src/contract';
import { ErrorState } from '../../../common/ErrorState';
import { LoadingState } from '../../../common/LoadingState';
import { useResolver } from '../../../common/useResolver';

/** Loads what a tab needs: a loading state, then the tab, or the error with a retry. */
export function TabLoader<K extends ResolverKey>(props: {
  resolver: K;
  payload: PayloadOf<K>;
  loadingLabel: string;
  /** The loaded data, and `update` to replace it after a write without another round trip. */
  children: (data: ResultOf<K>, update: (data: ResultOf<K>) => void) => ReactNode;
}) {
  const answer = useResolver(props.resolver, props.payload);
  const { state } = answer;
  if (state.status === 'loading') return <LoadingState label={props.loadingLabel} />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={answer.reload} />;
  return <>{props.children(state.data, answer.update)}</>;
}
