import { useEffect, useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Fieldset } from '@atlaskit/form/fieldset';
import { ErrorMessage } from '@atlaskit/form/error-message';
import Heading from '@atlaskit/heading';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { RadioGroup } from '@atlaskit/radio';
import TextArea from '@atlaskit/textarea';
import type { UserSummary } from '../../../common/catalogTypes';
import { formatDateTime } from '../../../common/dateFormat';
import { FormField } from '../../../common/forms/FormField';
import type { IssueImprovement, OutcomeValue } from '../../../common/improvement/improvementTypes';
import { UNVERIFIED_AUTHOR } from '../../../common/records/recordWords';

/** The outcome as Process Loop recorded it; `by`/`at` null when nobody can be credited. */
type ShownOutcome = NonNullable<IssueImprovement['outcome']>;
import { OutcomeLozenge, outcomeHelp, outcomeLabels, outcomeValues } from '../../../common/improvement/outcomes';
import { confirmDiscard, useUnsavedChangesGuard } from '../../../common/unsavedChanges';

type OutcomeDraft = { value: OutcomeValue | null; note: string };

function OutcomeForm(props: {
  current: ShownOutcome | null;
  pending: boolean;
  fieldError?: string;
  onSave: (draft: { value: OutcomeValue; note: string } | null) => void;
  onClose: () => void;
}) {
  const uid = useId();
  const initial: OutcomeDraft = { value: props.current?.value ?? null, note: props.current?.note ?? '' };
  const [draft, setDraft] = useState<OutcomeDraft>(initial);
  const [missing, setMissing] = useState(false);
  const dirty = draft.value !== initial.value || draft.note !== initial.note;
  useUnsavedChangesGuard(dirty);
  const firstRef = useRef<HTMLDivElement>(null);
  useEffect(() => firstRef.current?.querySelector('input')?.focus(), []);

  return (
    <form
      noValidate
      aria-label="Record the outcome"
      data-testid="outcome-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!draft.value) {
          setMissing(true);
          return;
        }
        props.onSave({ value: draft.value, note: draft.note });
      }}
    >
      <Stack space="space.150">
        <div ref={firstRef} aria-describedby={`${uid}-outcome-message`}>
          <Fieldset legend="Outcome">
            <RadioGroup
              name={`${uid}-outcome`}
              value={draft.value}
              isInvalid={missing}
              options={outcomeValues.map((value) => ({
                name: `${uid}-outcome`,
                value,
                label: `${outcomeLabels[value]}: ${outcomeHelp[value]}`,
                testId: `outcome-option-${value}`,
              }))}
              onChange={(event) => {
                // Read now: React may run the updater after the event is gone.
                const value = event.currentTarget.value as OutcomeValue;
                setMissing(false);
                setDraft((d) => ({ ...d, value }));
              }}
            />
          </Fieldset>
          <div id={`${uid}-outcome-message`}>{missing && <ErrorMessage>Pick confirmed, refuted or inconclusive.</ErrorMessage>}</div>
        </div>
        <FormField id={`${uid}-note`} label="Note" help="What the measure showed, and what you learned." error={props.fieldError}>
          <TextArea
            id={`${uid}-note`}
            value={draft.note}
            minimumRows={2}
            resize="vertical"
            aria-describedby={`${uid}-note-message`}
            isInvalid={Boolean(props.fieldError)}
            onChange={(event) => {
              const note = event.currentTarget.value;
              setDraft((d) => ({ ...d, note }));
            }}
            testId="outcome-note"
          />
        </FormField>
        <Inline space="space.100" shouldWrap>
          <Button type="submit" appearance="primary" isLoading={props.pending} testId="outcome-save">
            Save outcome
          </Button>
          <Button isDisabled={props.pending} onClick={() => confirmDiscard(dirty) && props.onClose()} testId="outcome-cancel">
            Cancel
          </Button>
          {props.current && (
            <Button appearance="subtle" isDisabled={props.pending} onClick={() => props.onSave(null)} testId="outcome-clear">
              Clear outcome
            </Button>
          )}
        </Inline>
      </Stack>
    </form>
  );
}

/** After review: confirmed, refuted or inconclusive, with a note, and who recorded it when. */
export function OutcomeSection(props: {
  outcome: ShownOutcome | null;
  people: Map<string, UserSummary>;
  canRecord: boolean;
  pending: boolean;
  fieldError?: string;
  editing: boolean;
  onEdit: (editing: boolean) => void;
  onSave: (outcome: { value: OutcomeValue; note: string } | null) => void;
}) {
  const { outcome } = props;
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(props.editing);
  useEffect(() => {
    // Back from the form: focus returns to the button that opened it.
    if (wasEditing.current && !props.editing) editButton.current?.focus();
    wasEditing.current = props.editing;
  }, [props.editing]);
  return (
    <Stack space="space.100" testId="outcome-section">
      <Heading size="xsmall" as="h3">
        Outcome
      </Heading>
      {outcome ? (
        <Stack space="space.050">
          <Inline space="space.100" alignBlock="center">
            <OutcomeLozenge value={outcome.value} testId="outcome-value" />
            <Text size="small" color="color.text.subtle" testId="outcome-recorded-by">
              {outcome.by && outcome.at
                ? `Recorded by ${props.people.get(outcome.by)?.displayName ?? 'Unknown user'} on ${formatDateTime(outcome.at)}`
                : `Recorded, but ${UNVERIFIED_AUTHOR}`}
            </Text>
          </Inline>
          {outcome.note && (
            <Text as="p" testId="outcome-note-text">
              {outcome.note}
            </Text>
          )}
        </Stack>
      ) : (
        <Text as="p" color="color.text.subtle" testId="outcome-none">
          Not reviewed yet. The outcome is recorded at the sprint review.
        </Text>
      )}
      {props.canRecord &&
        (props.editing ? (
          <OutcomeForm
            current={outcome}
            pending={props.pending}
            fieldError={props.fieldError}
            onSave={props.onSave}
            onClose={() => props.onEdit(false)}
          />
        ) : (
          <Inline>
            <Button ref={editButton} onClick={() => props.onEdit(true)} testId="outcome-edit">
              {outcome ? 'Change outcome' : 'Record outcome'}
            </Button>
          </Inline>
        ))}
    </Stack>
  );
}
