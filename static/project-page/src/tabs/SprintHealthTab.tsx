import EmptyState from '@atlaskit/empty-state';
import { ErrorState } from '../../../common/ErrorState';
import { LoadingState } from '../../../common/LoadingState';
import { useResolver } from '../../../common/useResolver';
import { SprintHealthScreen } from '../sprintHealth/SprintHealthScreen';

/** Sprint health per process: pick a board and sprint, see each process's numbers and why. */
export function SprintHealthTab() {
  const setup = useResolver('getSprintHealthSetup', {});
  const { state } = setup;
  if (state.status === 'loading') return <LoadingState label="Loading boards…" />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={setup.reload} />;
  if (state.data.boards.length === 0) {
    return (
      <EmptyState
        testId="sprint-health-no-boards"
        header="Sprint health needs a Scrum board"
        headingLevel={2}
        description="This project has no Scrum board you can see. Sprint health is measured per sprint, so create a Scrum board for the project (or ask for access to one), then come back."
      />
    );
  }
  return <SprintHealthScreen setup={state.data} />;
}
