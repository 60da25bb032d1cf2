import { ErrorState } from '../../../common/ErrorState';
import { LoadingState } from '../../../common/LoadingState';
import { useResolver } from '../../../common/useResolver';
import { BacklogScreen } from '../improvements/BacklogScreen';

/** Each process's improvement stories, ordered by benefit ÷ cost or by the APO's hand. */
export function ImprovementBacklogTab() {
  const setup = useResolver('getImprovementSetup', {});
  const { state } = setup;
  if (state.status === 'loading') return <LoadingState label="Loading improvement stories…" />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={setup.reload} />;
  return <BacklogScreen setup={state.data} onSetup={setup.update} />;
}
