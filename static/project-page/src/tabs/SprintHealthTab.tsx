import EmptyState from '@atlaskit/empty-state';
import { SprintHealthScreen } from '../sprintHealth/SprintHealthScreen';
import { TabLoader } from './TabLoader';

/** Sprint health per process: pick a board and sprint, see each process's numbers and why. */
export function SprintHealthTab() {
  return (
    <TabLoader resolver="getSprintHealthSetup" payload={{}} loadingLabel="Loading boards…">
      {(setup) =>
        setup.boards.length === 0 ? (
          <EmptyState
            testId="sprint-health-no-boards"
            header="Sprint health needs a Scrum board"
            headingLevel={2}
            description="This project has no Scrum board you can see. Sprint health is measured per sprint, so create a Scrum board for the project (or ask for access to one), then come back."
          />
        ) : (
          <SprintHealthScreen setup={setup} />
        )
      }
    </TabLoader>
  );
}
