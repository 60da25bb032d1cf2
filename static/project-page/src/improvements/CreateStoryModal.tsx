import { useRef } from 'react';
import { ModalBody } from '@atlaskit/modal-dialog';
import { ImprovementStoryForm } from '../../../common/improvement/ImprovementStoryForm';
import type { CreatedStory, ImprovementSetup } from '../../../common/improvement/improvementTypes';
import { confirmDiscard } from '../../../common/unsavedChanges';
import { TitledModal } from '../../../common/TitledModal';

/** The create form in a dialog; Escape or a click outside asks first when something was typed. */
export function CreateStoryModal(props: {
  setup: ImprovementSetup;
  defaultProcessKey: string | null;
  onClose: () => void;
  onCreated: (created: CreatedStory) => void;
}) {
  const dirty = useRef(false);
  const close = () => {
    if (confirmDiscard(dirty.current)) props.onClose();
  };
  return (
    <TitledModal title="Create improvement story" testId="create-story-modal" onClose={close}>
      <ModalBody>
        <ImprovementStoryForm
          setup={props.setup}
          defaultProcessKey={props.defaultProcessKey}
          hideHeading
          // The modal's title is the h1.
          headingLevel={1}
          onDirtyChange={(value) => {
            dirty.current = value;
          }}
          onCancel={props.onClose}
          onCreated={props.onCreated}
        />
      </ModalBody>
    </TitledModal>
  );
}
