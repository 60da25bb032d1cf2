import { useEffect, useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { ErrorMessage } from '@atlaskit/form/error-message';
import Heading from '@atlaskit/heading';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import TextArea from '@atlaskit/textarea';
import { usersById, type Catalog, type CatalogValueStream } from '../../../common/catalogTypes';
import { ErrorState } from '../../../common/ErrorState';
import { ConflictNotice } from './ConflictNotice';
import { FormField } from '../../../common/forms/FormField';
import { TextInputField } from '../../../common/forms/TextInputField';
import { errorsUnder, fieldErrorsFrom } from '../../../common/forms/fieldErrors';
import { useVersionedSave } from '../../../common/forms/useVersionedSave';
import { newItemId } from './processDraft';
import { OrderedListEditor } from './OrderedListEditor';
import { UserPicker } from './UserPicker';
import { useUnsavedChangesGuard } from '../../../common/unsavedChanges';

type StreamDraft = {
  key: string;
  name: string;
  description: string;
  ownerAccountId: string | null;
  stages: { id: string; name: string }[];
};

const toDraft = (stream: CatalogValueStream): StreamDraft => ({
  key: stream.key,
  name: stream.name,
  description: stream.description,
  ownerAccountId: stream.ownerAccountId,
  stages: stream.stages.map((stage) => ({ ...stage })),
});

/** Create or edit a value stream and its ordered stages. */
export function ValueStreamForm(props: {
  catalog: Catalog;
  stream: CatalogValueStream | null;
  onSaved: (stream: CatalogValueStream) => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const id = useId();
  const [baseline, setBaseline] = useState(props.stream);
  const [initial, setInitial] = useState<StreamDraft>(() =>
    props.stream
      ? toDraft(props.stream)
      : { key: '', name: '', description: '', ownerAccountId: props.catalog.viewer.accountId, stages: [{ id: newItemId(), name: '' }] },
  );
  const [draft, setDraft] = useState(initial);
  const headingRef = useRef<HTMLDivElement>(null);
  // A failed save lands on the heading, with the error right beneath it.
  const save = useVersionedSave('saveValueStream', {
    newerOf: (answer) => answer.current,
    fieldsOf: (error) => fieldErrorsFrom(error, 'valueStream'),
    focusOnError: headingRef,
  });
  const { errors, saveError, conflict } = save;
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  useUnsavedChangesGuard(dirty);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- tell the parent when `dirty` changes, not on each new callback
  useEffect(() => props.onDirtyChange(dirty), [dirty]);
  useEffect(() => headingRef.current?.focus(), []);
  const people = usersById(props.catalog.users);
  const isNew = baseline === null;

  async function submit(expectedVersion: number | null) {
    if (!draft.ownerAccountId) {
      // The message sits next to the owner picker; focus stays where the person is.
      save.rejectLocally({ ownerAccountId: 'Pick the value stream owner.' }, { focus: false });
      return;
    }
    const end = await save.save({ valueStream: { ...draft, ownerAccountId: draft.ownerAccountId }, expectedVersion });
    if (end.status !== 'saved') return;
    setInitial(draft);
    props.onDirtyChange(false);
    props.onSaved(end.result.record);
  }

  const stagesText = (d: StreamDraft) => d.stages.map((stage) => stage.name).join(' → ');
  return (
    <form
      aria-labelledby={`${id}-heading`}
      data-testid="value-stream-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit(baseline?.version ?? null);
      }}
    >
      <Stack space="space.200">
        <div ref={headingRef} tabIndex={-1}>
          <Heading size="medium" as="h2" id={`${id}-heading`}>
            {isNew ? 'Create value stream' : `Edit value stream ${baseline.name}`}
          </Heading>
        </div>
        {saveError && <ErrorState error={saveError} />}
        {conflict && (
          <ConflictNotice
            fields={[
              { label: 'Name', mine: draft.name, theirs: conflict.name },
              { label: 'Description', mine: draft.description, theirs: conflict.description },
              {
                label: 'Owner',
                mine: people.get(draft.ownerAccountId ?? '')?.displayName ?? draft.ownerAccountId ?? '',
                theirs: people.get(conflict.ownerAccountId)?.displayName ?? conflict.ownerAccountId,
              },
              { label: 'Stages', mine: stagesText(draft), theirs: stagesText(toDraft(conflict)) },
            ]}
            savedBy={people.get(conflict.updatedBy)?.displayName ?? 'Someone'}
            pending={save.pending}
            onUseMine={() => void submit(conflict.version)}
            onDiscardMine={() => {
              const theirs = toDraft(conflict);
              setInitial(theirs);
              setBaseline(conflict);
              setDraft(theirs);
              save.clearConflict();
            }}
          />
        )}
        <Inline space="space.200" shouldWrap alignBlock="start">
          <TextInputField
            id={`${id}-key`}
            label="Key"
            inputTestId="value-stream-form-key"
            value={draft.key}
            error={errors.key}
            help={isNew ? 'It cannot change later.' : 'Keys never change.'}
            isReadOnly={!isNew}
            onChange={(value) => setDraft((d) => ({ ...d, key: value.toUpperCase() }))}
          />
          <TextInputField
            id={`${id}-name`}
            label="Name"
            inputTestId="value-stream-form-name"
            value={draft.name}
            error={errors.name}
            onChange={(name) => setDraft((d) => ({ ...d, name }))}
          />
          <FormField id={`${id}-owner`} label="Owner" error={errors.ownerAccountId}>
            <UserPicker
              inputId={`${id}-owner`}
              value={draft.ownerAccountId}
              knownUsers={people}
              isInvalid={!!errors.ownerAccountId}
              describedBy={`${id}-owner-message`}
              onChange={(ownerAccountId) => setDraft((d) => ({ ...d, ownerAccountId }))}
            />
          </FormField>
        </Inline>
        <FormField id={`${id}-description`} label="Description" error={errors.description}>
          <TextArea
            id={`${id}-description`}
            value={draft.description}
            minimumRows={2}
            isInvalid={!!errors.description}
            aria-describedby={`${id}-description-message`}
            onChange={(event) => {
              const description = event.target.value;
              setDraft((d) => ({ ...d, description }));
            }}
          />
        </FormField>
        <Heading size="small" as="h3">
          Stages, in order
        </Heading>
        <OrderedListEditor
          testId="stage-editor"
          items={draft.stages}
          max={20}
          addLabel="Add stage"
          create={() => ({ id: newItemId(), name: '' })}
          describe={(stage, index) => `stage ${index + 1}${stage.name ? ` (${stage.name})` : ''}`}
          onChange={(stages) => setDraft((d) => ({ ...d, stages }))}
          renderItem={(stage, index, update) => (
            <TextInputField
              id={`stage-${stage.id}`}
              label={`Stage ${index + 1} name`}
              value={stage.name}
              error={errors[`stages.${index}.name`]}
              onChange={(name) => update({ ...stage, name })}
            />
          )}
        />
        {errors.stages && (
          <div role="alert">
            <ErrorMessage>{errorsUnder({ stages: errors.stages }, 'stages').join(' ')}</ErrorMessage>
          </div>
        )}
        <Inline space="space.100">
          <Button type="submit" appearance="primary" isLoading={save.pending} testId="value-stream-form-save">
            {isNew ? 'Create value stream' : 'Save changes'}
          </Button>
          <Button onClick={props.onCancel} isDisabled={save.pending}>
            Cancel
          </Button>
        </Inline>
      </Stack>
    </form>
  );
}
