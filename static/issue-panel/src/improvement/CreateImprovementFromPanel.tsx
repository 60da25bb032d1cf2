import { useState } from 'react';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { ErrorState } from '../../../common/ErrorState';
import { CreatedStoryNotice } from '../../../common/improvement/CreatedStoryNotice';
import { ImprovementStoryForm } from '../../../common/improvement/ImprovementStoryForm';
import type { CreatedStory } from '../../../common/improvement/improvementTypes';
import { LoadingState } from '../../../common/LoadingState';
import { useResolver } from '../../../common/useResolver';

/**
 * The create form in the panel: a new improvement story in this project, for the process
 * this issue belongs to unless the person picks another.
 */
export default function CreateImprovementFromPanel(props: {
  defaultProcessKey: string | null;
  onClose: () => void;
  onCreated: (created: CreatedStory) => void;
}) {
  const setup = useResolver('getImprovementSetup', {});
  const [created, setCreated] = useState<CreatedStory | null>(null);
  const { state } = setup;
  if (created) return <CreatedStoryNotice created={created} onDismiss={props.onClose} />;
  if (state.status === 'loading') return <LoadingState label="Loading the processes…" />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={setup.reload} />;
  const data = state.data;
  if (!data.canCreate || data.processes.length === 0) {
    return (
      <Stack space="space.100">
        <Text as="p" testId="improvement-cannot-create">
          {!data.canCreate
            ? `You can't create issues in ${data.project.name}, so you can't create an improvement story here. Ask a project admin for the Create issues permission.`
            : 'There is no active or draft process to improve yet. Add one in the process catalog on the project page.'}
        </Text>
      </Stack>
    );
  }
  return (
    <ImprovementStoryForm
      setup={data}
      defaultProcessKey={props.defaultProcessKey}
      // Under the panel's "Improvement stories" (h3).
      headingLevel={4}
      onCancel={props.onClose}
      onCreated={(result) => {
        setCreated(result);
        props.onCreated(result);
      }}
    />
  );
}
