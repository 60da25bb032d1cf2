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
import Textfield from '@atlaskit/textfield';
import { usersById } from '../../../common/catalogTypes';
import { ErrorState } from '../../../common/ErrorState';
import { Notice } from '../../../common/Notice';
import { CHANGED_OUTSIDE_LABEL } from '../../../common/records/recordWords';
import { FormField } from '../../../common/forms/FormField';
import { useVersionedSave } from '../../../common/forms/useVersionedSave';
import type { OutcomeValue, SprintReviewView } from '../../../common/improvement/improvementTypes';
import { outcomeLabels, outcomeValues } from '../../../common/improvement/outcomes';
import { useUnsavedChangesGuard } from '../../../common/unsavedChanges';
import { formatKpiTarget, kpiDirection } from '../../../common/kpiFormat';
import { ConflictNotice, type ComparedField } from '../processes/ConflictNotice';
import { draftToPayload, reviewFieldErrors, reviewToDraft, type ReviewDraft } from './reviewDraft';
import { draftOutcomes, draftReadings, hiddenOutcomesText, outcomesText, readingsText } from './reviewText';

function compare(draft: ReviewDraft, theirs: SprintReviewView): ComparedField[] {
  const saved = theirs.review;
  return [
    { label: 'What was achieved', mine: draft.achieved.trim(), theirs: saved?.achieved ?? '' },
    { label: 'What next', mine: draft.next.trim(), theirs: saved?.next ?? '' },
    {
      label: 'KPI readings',
      mine: readingsText(draftReadings(draft), theirs.process.kpis),
      theirs: readingsText(saved?.kpiReadings ?? [], theirs.process.kpis),
    },
    {
      label: 'Story outcomes',
      mine: outcomesText(draftOutcomes(draft), theirs.doneStories),
      theirs: outcomesText(saved?.storyOutcomes ?? [], theirs.doneStories),
    },
  ];
}

/**
 * One process's review of one sprint: what was achieved, what next, a reading per KPI and the
 * outcome of each improvement story done in the sprint. Saves carry the version they started from;
 * when someone saved first, both versions are shown and nothing typed is lost.
 */
export function ReviewForm(props: {
  view: SprintReviewView;
  onSaved: (view: SprintReviewView) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const uid = useId();
  const [base, setBase] = useState<SprintReviewView>(props.view);
  const [initial, setInitial] = useState<ReviewDraft>(() => reviewToDraft(props.view));
  const [draft, setDraft] = useState<ReviewDraft>(initial);
  const summaryRef = useRef<HTMLDivElement>(null);
  const save = useVersionedSave('saveSprintReview', {
    focusOnError: summaryRef,
    newerOf: (answer) => answer.view,
    // The payload lists readings in KPI order, so `kpiReadings.<i>` maps back to a KPI id through it.
    fieldsOf: (error, payload) =>
      reviewFieldErrors(
        error.fields,
        (payload.kpiReadings ?? []).map((r) => r.kpiId),
        payload,
      ),
  });
  const { errors, setErrors, saveError, conflict } = save;
  const savedMessage = save.announcement;
  const savedRef = useRef<HTMLDivElement>(null);

  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  useUnsavedChangesGuard(dirty);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- tell the parent when `dirty` changes, not on each new callback
  useEffect(() => props.onDirtyChange(dirty), [dirty]);

  const { process, doneStories } = base;
  const people = usersById(props.view.users);

  async function submit(expectedVersion: number | null) {
    const { payload, errors: localErrors } = draftToPayload(draft, base, expectedVersion);
    if (!payload) {
      save.rejectLocally(localErrors);
      return;
    }
    const end = await save.save(payload, { saved: ({ view }) => `Saved the review of ${view.sprint.name} for ${view.process.key}.` });
    if (end.status !== 'saved') return;
    const view = end.result.view;
    setInitial(draft);
    setBase(view);
    props.onSaved(view);
    requestAnimationFrame(() => savedRef.current?.focus());
  }

  const setOutcome = (issueId: string, change: Partial<{ value: OutcomeValue; note: string }>) =>
    setDraft((d) => ({
      ...d,
      outcomes: {
        ...d.outcomes,
        [issueId]: { value: d.outcomes[issueId]?.value ?? null, note: d.outcomes[issueId]?.note ?? '', ...change },
      },
    }));
  const errorCount = Object.keys(errors).length;
  /** A message goes as soon as its field is edited. */
  const clearError = (path: string) => setErrors((current) => Object.fromEntries(Object.entries(current).filter(([p]) => p !== path)));

  return (
    <form
      noValidate
      aria-label={`Review of ${base.sprint.name} for ${process.key}`}
      data-testid="review-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(base.review?.version ?? null);
      }}
    >
      <Stack space="space.300">
        {/* One slot for what the last save said, so an empty one adds no gap. */}
        <div>
          <div ref={summaryRef} tabIndex={-1}>
            {saveError && <ErrorState error={saveError} />}
            {!saveError && errorCount > 0 && (
              <Notice appearance="error" role="alert" testId="review-form-summary" title="Some values need attention">
                <Text as="p">See the messages next to the fields.</Text>
              </Notice>
            )}
          </div>
          <div ref={savedRef} tabIndex={-1} role="status" data-testid="review-saved">
            {savedMessage && <Notice appearance="success" title={savedMessage} />}
          </div>
        </div>
        {conflict && (
          <ConflictNotice
            fields={compare(draft, conflict)}
            savedBy={
              people.get(conflict.review?.updatedBy ?? '')?.displayName ??
              usersById(conflict.users).get(conflict.review?.updatedBy ?? '')?.displayName ??
              'Someone'
            }
            pending={save.pending}
            onUseMine={() => {
              setBase(conflict);
              void submit(conflict.review?.version ?? null);
            }}
            onDiscardMine={() => {
              const theirs = reviewToDraft(conflict);
              setInitial(theirs);
              setBase(conflict);
              setDraft(theirs);
              save.clearConflict();
              props.onSaved(conflict);
            }}
          />
        )}
        <FormField
          id={`${uid}-achieved`}
          label="What was achieved"
          error={errors.achieved}
          help="In this sprint, for this process."
          testId="review-achieved"
        >
          <TextArea
            id={`${uid}-achieved`}
            value={draft.achieved}
            minimumRows={3}
            resize="vertical"
            isInvalid={Boolean(errors.achieved)}
            aria-describedby={`${uid}-achieved-message`}
            onChange={(e) => {
              const achieved = e.currentTarget.value;
              setDraft((d) => ({ ...d, achieved }));
            }}
            testId="review-achieved-input"
          />
        </FormField>
        <FormField
          id={`${uid}-next`}
          label="What next"
          error={errors.next}
          help="What the process will try or change in the next sprints."
          testId="review-next"
        >
          <TextArea
            id={`${uid}-next`}
            value={draft.next}
            minimumRows={3}
            resize="vertical"
            isInvalid={Boolean(errors.next)}
            aria-describedby={`${uid}-next-message`}
            onChange={(e) => {
              const next = e.currentTarget.value;
              setDraft((d) => ({ ...d, next }));
            }}
            testId="review-next-input"
          />
        </FormField>

        <Stack space="space.150">
          <Heading size="xsmall" as="h4">
            KPI readings
          </Heading>
          {process.kpis.length === 0 ? (
            <Text as="p" color="color.text.subtle">
              {process.key} has no KPIs yet; add them in the process catalog.
            </Text>
          ) : (
            <Inline space="space.200" shouldWrap>
              {process.kpis.map((kpi) => {
                const id = `${uid}-kpi-${kpi.id}`;
                const error = errors[`readings.${kpi.id}`];
                return (
                  <FormField
                    key={kpi.id}
                    id={id}
                    label={`${kpi.name} (${kpi.unit})`}
                    help={`Target ${formatKpiTarget(kpi)}, ${kpiDirection(kpi.direction).words}. Leave empty if not measured.`}
                    error={error}
                    testId={`review-kpi-${kpi.id}`}
                  >
                    <Textfield
                      id={id}
                      inputMode="decimal"
                      value={draft.readings[kpi.id] ?? ''}
                      isInvalid={Boolean(error)}
                      aria-describedby={`${id}-message`}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setDraft((d) => ({ ...d, readings: { ...d.readings, [kpi.id]: value } }));
                        clearError(`readings.${kpi.id}`);
                      }}
                      testId={`review-kpi-${kpi.id}-input`}
                    />
                  </FormField>
                );
              })}
            </Inline>
          )}
        </Stack>

        <Stack space="space.150">
          <Heading size="xsmall" as="h4">
            Improvement stories done in this sprint
          </Heading>
          {doneStories.length === 0 ? (
            <Text as="p" color="color.text.subtle" testId="review-no-done-stories">
              No improvement story of {process.key} was done in this sprint.
            </Text>
          ) : (
            doneStories.map((story) => {
              const outcome = draft.outcomes[story.issueId] ?? { value: null, note: '' };
              const noteId = `${uid}-note-${story.issueId}`;
              const valueError = errors[`outcomes.${story.issueId}.value`];
              return (
                <div key={story.issueId} data-testid={`review-story-${story.issueKey}`}>
                  <Fieldset legend={`${story.issueKey}: ${story.summary}`}>
                    <Stack space="space.100">
                      {story.changedOutside && (
                        <Text as="p" size="small" color="color.text.subtle" testId={`changed-outside-${story.issueKey}`}>
                          {CHANGED_OUTSIDE_LABEL}: the issue property says another outcome; shown here is the one recorded in Process Loop.
                          Saving the review writes it back.
                        </Text>
                      )}
                      <RadioGroup
                        name={`${uid}-outcome-${story.issueId}`}
                        value={outcome.value}
                        isInvalid={Boolean(valueError)}
                        options={[
                          ...outcomeValues.map((value) => ({
                            name: `${uid}-outcome-${story.issueId}`,
                            value,
                            label: outcomeLabels[value],
                            testId: `review-outcome-${story.issueKey}-${value}`,
                          })),
                        ]}
                        onChange={(e) => setOutcome(story.issueId, { value: e.currentTarget.value as OutcomeValue })}
                      />
                      {valueError && <ErrorMessage>{valueError}</ErrorMessage>}
                      <FormField id={noteId} label={`Note on ${story.issueKey}`} error={errors[`outcomes.${story.issueId}.note`]}>
                        <TextArea
                          id={noteId}
                          value={outcome.note}
                          minimumRows={1}
                          resize="vertical"
                          aria-describedby={`${noteId}-message`}
                          onChange={(e) => setOutcome(story.issueId, { note: e.currentTarget.value })}
                          testId={`review-outcome-note-${story.issueKey}`}
                        />
                      </FormField>
                    </Stack>
                  </Fieldset>
                </div>
              );
            })
          )}
          {base.hiddenOutcomeCount > 0 && (
            <Text as="p" color="color.text.subtle" testId="review-hidden-outcomes">
              {hiddenOutcomesText(base.hiddenOutcomeCount)}
            </Text>
          )}
        </Stack>

        <Inline space="space.100">
          <Button type="submit" appearance="primary" isLoading={save.pending} testId="review-save">
            Save review
          </Button>
          {dirty && (
            <Button
              isDisabled={save.pending}
              onClick={() => {
                setDraft(initial);
                setErrors({});
              }}
              testId="review-reset"
            >
              Undo my changes
            </Button>
          )}
        </Inline>
      </Stack>
    </form>
  );
}
