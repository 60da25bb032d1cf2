import { useEffect, useId, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form/label/default';
import Heading from '@atlaskit/heading';
import { ModalBody, ModalFooter, ModalTransition } from '@atlaskit/modal-dialog';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { RadioGroup } from '@atlaskit/radio';
import Select from '@atlaskit/select/Select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ResolverError } from '../../../../src/contract';
import { formatDateTime } from '../../../common/dateFormat';
import { ErrorState } from '../../../common/ErrorState';
import { invokeResolver } from '../../../common/invokeResolver';
import { LoadingState } from '../../../common/LoadingState';
import { Notice } from '../../../common/Notice';
import { useResolver } from '../../../common/useResolver';
import { fieldErrorsFrom } from '../../../common/forms/fieldErrors';
import { useVersionedSave } from '../../../common/forms/useVersionedSave';
import { HealthLozenge, IncompleteDataMarker } from './HealthLozenge';
import { criterionHelp } from './metricWording';
import { localProblems, THRESHOLD_UNIT, toDraft, weightSum } from './settingsDraft';
import type { HealthSettings, HealthSettingsAnswer, PreviewResult } from './types';
import { ColumnHeaders } from '../../../common/ColumnHeaders';
import { TitledModal } from '../../../common/TitledModal';

type Record_ = HealthSettingsAnswer['record'];
type StatusOption = { value: string; label: string };

const cell = { padding: token('space.050'), textAlign: 'start' as const, verticalAlign: 'top' as const };

function FieldError({ message, id }: { message: string | undefined; id: string }) {
  if (!message) return null;
  return (
    <Text id={id} color="color.text.danger" size="small">
      {message}
    </Text>
  );
}

function NumberField({
  label,
  value,
  onChange,
  error,
  testId,
  suffix,
  readOnly,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  error?: string;
  testId: string;
  suffix?: string;
  readOnly: boolean;
}) {
  const errorId = useId();
  return (
    <Stack space="space.025">
      <Inline space="space.050" alignBlock="center">
        <Box style={{ width: 88 }}>
          <Textfield
            type="number"
            aria-label={label}
            value={Number.isFinite(value) ? String(value) : ''}
            onChange={(event) => onChange(Number((event.target as HTMLInputElement).value))}
            isInvalid={Boolean(error)}
            isReadOnly={readOnly}
            aria-describedby={error ? errorId : undefined}
            testId={testId}
            isCompact
          />
        </Box>
        {suffix && (
          <span style={{ whiteSpace: 'nowrap' }}>
            <Text color="color.text.subtle">{suffix}</Text>
          </span>
        )}
      </Inline>
      <FieldError message={error} id={errorId} />
    </Stack>
  );
}

function StatusMultiSelect({
  label,
  options,
  value,
  onChange,
  testId,
  readOnly,
}: {
  label: string;
  options: StatusOption[];
  value: string[];
  onChange: (ids: string[]) => void;
  testId: string;
  readOnly: boolean;
}) {
  const id = useId();
  return (
    <Box testId={testId}>
      <Label htmlFor={id}>{label}</Label>
      <Select
        inputId={id}
        isMulti
        isDisabled={readOnly}
        options={options}
        value={options.filter((option) => value.includes(option.value))}
        onChange={(selected) => onChange((selected ?? []).map((option) => option.value))}
        placeholder="None"
      />
    </Box>
  );
}

function PreviewTable({ preview }: { preview: PreviewResult }) {
  if (preview.mode === 'none') {
    return <Text testId="settings-preview-none">Open this sprint's health once to preview it under new settings.</Text>;
  }
  return (
    <table style={{ borderCollapse: 'collapse' }} data-testid="settings-preview">
      <caption style={{ textAlign: 'start', captionSide: 'top' }}>
        <Text color="color.text.subtle">
          {preview.mode === 'rescored'
            ? "The closed sprint's frozen numbers, scored with these settings."
            : 'The sprint recomputed with these settings.'}
        </Text>
      </caption>
      <ColumnHeaders labels={['Process', 'Now', 'With these settings']} cellStyle={cell} />
      <tbody>
        {preview.rows.map((row) => (
          <tr key={row.processKey ?? '(unlinked)'} data-testid={`settings-preview-${row.processKey ?? 'unlinked'}`}>
            <th scope="row" style={cell}>
              {row.processKey ?? 'Unlinked work'}
            </th>
            <td style={cell}>
              <HealthLozenge score={row.current.score} band={row.current.band} />
              {row.currentIncompleteData && <IncompleteDataMarker />}
            </td>
            <td style={cell} data-testid="settings-preview-score">
              <HealthLozenge score={row.preview.score} band={row.preview.band} />
              {row.previewIncompleteData && <IncompleteDataMarker />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SettingsForm({
  answer,
  sprintId,
  onClose,
  onSaved,
}: {
  answer: HealthSettingsAnswer;
  sprintId: number | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [record, setRecord] = useState<Record_>(answer.record);
  const [draft, setDraft] = useState<HealthSettings>(() => toDraft(answer.record.settings, answer.defaults));
  // The preview's field messages; the save's own live in `save.errors`.
  const [serverFields, setServerFields] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<
    { status: 'idle' | 'loading' } | { status: 'ready'; data: PreviewResult } | { status: 'failed'; error: ResolverError }
  >({ status: 'idle' });
  const save = useVersionedSave('saveHealthSettings', {
    newerOf: (answer) => answer.current,
    fieldsOf: (error) => fieldErrorsFrom(error, 'settings'),
  });
  const { saveError, conflict } = save;
  const readOnly = !answer.canEdit;

  const problems = useMemo(() => ({ ...localProblems(draft), ...serverFields, ...save.errors }), [draft, serverFields, save.errors]);
  const sum = weightSum(draft);
  const locallyValid = Object.keys(localProblems(draft)).length === 0;
  const statusOptions = answer.statuses.map((status) => ({
    value: status.id,
    label: `${status.name} (${status.category === 'new' ? 'To Do' : status.category === 'done' ? 'Done' : 'In Progress'})`,
  }));
  const draftJson = JSON.stringify(draft);

  // Live preview: the sprint on screen scored under the draft, once the draft is valid and typing pauses.
  useEffect(() => {
    if (!locallyValid || sprintId === null) return;
    let current = true;
    const timer = setTimeout(() => {
      setPreview({ status: 'loading' });
      void invokeResolver('previewHealthSettings', { settings: JSON.parse(draftJson) as HealthSettings, sprintId }).then((response) => {
        if (!current) return;
        if (response.ok) setPreview({ status: 'ready', data: response.data });
        else {
          if (response.error.code === 'INVALID_INPUT') setServerFields(fieldErrorsFrom(response.error, 'settings'));
          setPreview({ status: 'failed', error: response.error });
        }
      });
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [draftJson, locallyValid, sprintId]);

  const change = (next: HealthSettings) => {
    setServerFields({});
    save.setErrors({});
    setDraft(next);
  };
  const setCriterion = (index: number, patch: Partial<HealthSettings['criteria'][number]>) =>
    change({ ...draft, criteria: draft.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) });

  async function submit(expectedVersion: number) {
    const end = await save.save({ settings: draft, expectedVersion });
    if (end.status !== 'saved') return;
    setRecord(end.result.record);
    onSaved();
    onClose();
  }

  const sumId = useId();
  return (
    <>
      <ModalBody>
        <Stack space="space.300">
          <Text as="p" color="color.text.subtle">
            How health is scored for every process on this site. Each criterion passes or fails per row; health is the share of weight that
            passed. Changes apply to active sprints; closed sprints keep the health they were frozen with.
            {record.version === 0 ? ' These are the defaults.' : record.updatedAt ? ` Last saved ${formatDateTime(record.updatedAt)}.` : ''}
          </Text>
          {conflict && (
            <Notice appearance="warning" role="alert" title="Someone else saved health settings first" testId="settings-conflict">
              <Text as="p">
                Their version was saved {conflict.updatedAt ? formatDateTime(conflict.updatedAt) : 'just now'}. Your changes are still here:
                keep yours (replacing theirs) or load theirs.
              </Text>
              <Inline space="space.100">
                <Button
                  appearance="warning"
                  onClick={() => void submit(conflict.version)}
                  isDisabled={save.pending}
                  testId="settings-conflict-keep-mine"
                >
                  Keep mine
                </Button>
                <Button
                  onClick={() => {
                    setRecord(conflict);
                    change(toDraft(conflict.settings, answer.defaults));
                    save.clearConflict();
                  }}
                  testId="settings-conflict-load-theirs"
                >
                  Load theirs
                </Button>
              </Inline>
            </Notice>
          )}
          {saveError && saveError.code !== 'INVALID_INPUT' && <ErrorState error={saveError} />}

          <section aria-labelledby={`${sumId}-criteria`}>
            <Stack space="space.100">
              <Heading size="xsmall" as="h3" id={`${sumId}-criteria`}>
                Criteria and weights
              </Heading>
              <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="settings-criteria">
                <ColumnHeaders labels={['Criterion', 'Weight', 'Threshold']} cellStyle={cell} />
                <tbody>
                  {draft.criteria.map((criterion, index) => {
                    const help = criterionHelp[criterion.key];
                    return (
                      <tr key={criterion.key} data-testid={`settings-criterion-${criterion.key}`}>
                        <th scope="row" style={{ ...cell, fontWeight: token('font.weight.regular') }}>
                          <Text weight="semibold">{help.label}</Text>
                          <Text as="p" size="small" color="color.text.subtle">
                            {help.rule}
                          </Text>
                        </th>
                        <td style={cell}>
                          <NumberField
                            label={`${help.label} weight`}
                            value={criterion.weight}
                            onChange={(weight) => setCriterion(index, { weight })}
                            error={problems[`criteria.${index}.weight`]}
                            testId={`settings-weight-${criterion.key}`}
                            readOnly={readOnly}
                          />
                        </td>
                        <td style={cell}>
                          <NumberField
                            label={`${help.label} threshold`}
                            value={criterion.threshold}
                            onChange={(threshold) => setCriterion(index, { threshold })}
                            error={problems[`criteria.${index}.threshold`]}
                            suffix={THRESHOLD_UNIT[criterion.key]}
                            testId={`settings-threshold-${criterion.key}`}
                            readOnly={readOnly}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <Text
                testId="settings-weight-sum"
                aria-live="polite"
                weight="semibold"
                color={sum === 100 ? 'color.text.success' : 'color.text.danger'}
              >
                {sum === 100 ? 'Weights add up to 100.' : `Weights add up to ${sum}: they must add up to 100.`}
              </Text>
            </Stack>
          </section>

          <section aria-labelledby={`${sumId}-bands`}>
            <Stack space="space.100">
              <Heading size="xsmall" as="h3" id={`${sumId}-bands`}>
                Green and amber
              </Heading>
              <Inline space="space.300">
                <Stack space="space.025">
                  <Text>Green from</Text>
                  <NumberField
                    label="Green from score"
                    value={draft.bands.green}
                    onChange={(green) => change({ ...draft, bands: { ...draft.bands, green } })}
                    error={problems['bands.green']}
                    testId="settings-band-green"
                    readOnly={readOnly}
                  />
                </Stack>
                <Stack space="space.025">
                  <Text>Amber from</Text>
                  <NumberField
                    label="Amber from score"
                    value={draft.bands.amber}
                    onChange={(amber) => change({ ...draft, bands: { ...draft.bands, amber } })}
                    error={problems['bands.amber']}
                    testId="settings-band-amber"
                    readOnly={readOnly}
                  />
                </Stack>
              </Inline>
              <Text size="small" color="color.text.subtle">
                Below amber is red.
              </Text>
            </Stack>
          </section>

          <section aria-labelledby={`${sumId}-statuses`}>
            <Stack space="space.150">
              <Heading size="xsmall" as="h3" id={`${sumId}-statuses`}>
                Statuses
              </Heading>
              <StatusMultiSelect
                label="Waiting statuses (count as waiting in flow efficiency; flagged time always counts as waiting)"
                options={statusOptions}
                value={draft.waitingStatusIds}
                onChange={(ids) => change({ ...draft, waitingStatusIds: ids })}
                testId="settings-waiting"
                readOnly={readOnly}
              />
              <FieldError message={problems['waitingStatusIds']} id={`${sumId}-waiting-error`} />
              {answer.suggestedWaitingStatusIds.length > 0 && !readOnly && (
                <Box>
                  <Button
                    spacing="compact"
                    onClick={() =>
                      change({ ...draft, waitingStatusIds: [...new Set([...draft.waitingStatusIds, ...answer.suggestedWaitingStatusIds])] })
                    }
                    testId="settings-waiting-suggest"
                  >
                    Add suggested (
                    {answer.statuses
                      .filter((s) => answer.suggestedWaitingStatusIds.includes(s.id))
                      .map((s) => s.name)
                      .join(', ')}
                    )
                  </Button>
                </Box>
              )}
              <RadioGroup
                aria-label="Which statuses count as done"
                options={[
                  { name: 'done-mode', value: 'category', label: "Jira's Done status category" },
                  { name: 'done-mode', value: 'list', label: 'These statuses' },
                ]}
                value={draft.doneStatusIds === null ? 'category' : 'list'}
                isDisabled={readOnly}
                onChange={(event) =>
                  change({
                    ...draft,
                    doneStatusIds:
                      event.currentTarget.value === 'category'
                        ? null
                        : answer.statuses.filter((s) => s.category === 'done').map((s) => s.id),
                  })
                }
              />
              {draft.doneStatusIds !== null && (
                <StatusMultiSelect
                  label="Done statuses"
                  options={statusOptions}
                  value={draft.doneStatusIds}
                  onChange={(ids) => change({ ...draft, doneStatusIds: ids })}
                  testId="settings-done"
                  readOnly={readOnly}
                />
              )}
            </Stack>
          </section>

          <section aria-labelledby={`${sumId}-preview`} aria-live="polite">
            <Stack space="space.100">
              <Heading size="xsmall" as="h3" id={`${sumId}-preview`}>
                Preview
              </Heading>
              {sprintId === null && <Text>Choose a sprint on the page to preview its scores.</Text>}
              {sprintId !== null && !locallyValid && <Text color="color.text.subtle">Fix the settings above to see a preview.</Text>}
              {sprintId !== null && locallyValid && preview.status === 'loading' && (
                <LoadingState label="Scoring the sprint with these settings…" />
              )}
              {sprintId !== null && locallyValid && preview.status === 'failed' && <ErrorState error={preview.error} />}
              {sprintId !== null && locallyValid && preview.status === 'ready' && <PreviewTable preview={preview.data} />}
            </Stack>
          </section>
        </Stack>
      </ModalBody>
      <ModalFooter>
        {!readOnly && (
          <Button appearance="subtle" onClick={() => change(toDraft(answer.defaults, answer.defaults))} testId="settings-reset-defaults">
            Reset to defaults
          </Button>
        )}
        <Button appearance="subtle" onClick={onClose} testId="settings-cancel">
          {readOnly ? 'Close' : 'Cancel'}
        </Button>
        {!readOnly && (
          <Button
            appearance="primary"
            onClick={() => void submit(record.version)}
            isDisabled={!locallyValid || save.pending}
            testId="settings-save"
          >
            Save
          </Button>
        )}
      </ModalFooter>
    </>
  );
}

/** Administrators' health settings: criteria, weights, bands, waiting and done statuses, with a live preview. */
export function HealthSettingsModal({ sprintId, onClose, onSaved }: { sprintId: number | null; onClose: () => void; onSaved: () => void }) {
  const answer = useResolver('getHealthSettings', {});
  const { state } = answer;
  return (
    <ModalTransition>
      <TitledModal title="Health settings" testId="health-settings" onClose={onClose} hasCloseButton>
        {state.status === 'loading' && (
          <ModalBody>
            <LoadingState label="Loading health settings…" />
          </ModalBody>
        )}
        {state.status === 'failed' && (
          <ModalBody>
            <ErrorState error={state.error} onRetry={answer.reload} />
          </ModalBody>
        )}
        {state.status === 'ready' && <SettingsForm answer={state.data} sprintId={sprintId} onClose={onClose} onSaved={onSaved} />}
      </TitledModal>
    </ModalTransition>
  );
}
