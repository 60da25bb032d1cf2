import { ErrorState } from '../../../common/ErrorState';
import { LoadingState } from '../../../common/LoadingState';
import { useResolver } from '../../../common/useResolver';
import { ReviewScreen } from '../review/ReviewScreen';

/** Per process and sprint: what was achieved, what next, KPI readings and story outcomes. */
export function SprintReviewTab() {
  const setup = useResolver('getImprovementSetup', {});
  const { state } = setup;
  if (state.status === 'loading') return <LoadingState label="Loading the processes…" />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={setup.reload} />;
  return <ReviewScreen setup={state.data} />;
}
