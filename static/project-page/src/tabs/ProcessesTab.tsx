import { ErrorState } from '../../../common/ErrorState';
import { LoadingState } from '../../../common/LoadingState';
import { useResolver } from '../../../common/useResolver';
import { CatalogScreen } from '../processes/CatalogScreen';

/** The process catalog: who owns what, why, how it is measured, and where it sits in a value stream. */
export function ProcessesTab() {
  const catalog = useResolver('getCatalog', {});
  const { state } = catalog;
  if (state.status === 'loading') return <LoadingState label="Loading the process catalog…" />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={catalog.reload} />;
  return <CatalogScreen catalog={state.data} onCatalog={catalog.update} />;
}
