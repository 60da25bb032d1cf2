import { BacklogScreen } from '../improvements/BacklogScreen';
import { TabLoader } from './TabLoader';

/** Each process's improvement stories, ordered by benefit ÷ cost or by the APO's hand. */
export function ImprovementBacklogTab() {
  return (
    <TabLoader resolver="getImprovementSetup" payload={{}} loadingLabel="Loading improvement stories…">
      {(setup, update) => <BacklogScreen setup={setup} onSetup={update} />}
    </TabLoader>
  );
}
