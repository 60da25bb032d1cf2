import { ReviewScreen } from '../review/ReviewScreen';
import { TabLoader } from './TabLoader';

/** Per process and sprint: what was achieved, what next, KPI readings and story outcomes. */
export function SprintReviewTab() {
  return (
    <TabLoader resolver="getImprovementSetup" payload={{}} loadingLabel="Loading the processes…">
      {(setup) => <ReviewScreen setup={setup} />}
    </TabLoader>
  );
}
