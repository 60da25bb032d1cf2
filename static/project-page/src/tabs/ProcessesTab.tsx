import { CatalogScreen } from '../processes/CatalogScreen';
import { TabLoader } from './TabLoader';

/** The process catalog: who owns what, why, how it is measured, and where it sits in a value stream. */
export function ProcessesTab() {
  return (
    <TabLoader resolver="getCatalog" payload={{}} loadingLabel="Loading the process catalog…">
      {(catalog, update) => <CatalogScreen catalog={catalog} onCatalog={update} />}
    </TabLoader>
  );
}
