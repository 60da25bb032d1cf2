import { useId } from 'react';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import Select from '@atlaskit/select/Select';
import type { CatalogValueStream, ProcessStatus, UserSummary } from '../../../common/catalogTypes';
import { processStatusLabel } from '../../../common/ProcessStatusLozenge';
import { FormField } from '../../../common/forms/FormField';
import { TextInputField } from '../../../common/forms/TextInputField';
import { QuestionSection, type SectionProps } from './ProcessSections';
import { UserPicker } from './UserPicker';

type Option<T extends string> = { value: T; label: string };
const statusOptions: Option<ProcessStatus>[] = (['draft', 'active', 'retired'] as const).map((status) => ({
  value: status,
  label: processStatusLabel(status),
}));

/** Key, name, status, where it sits in a value stream, and who owns it. */
export function ProcessBasicsSection(
  props: SectionProps & {
    isNew: boolean;
    valueStreams: CatalogValueStream[];
    canChooseNoStream: boolean;
    people: Map<string, UserSummary>;
  },
) {
  const { draft, setDraft, errors } = props;
  const id = useId();
  const streamOptions: Option<string>[] = [
    ...(props.canChooseNoStream ? [{ value: '', label: 'No value stream' }] : []),
    ...props.valueStreams.map((stream) => ({ value: stream.key, label: `${stream.name} (${stream.key})` })),
  ];
  const stream = props.valueStreams.find((candidate) => candidate.key === draft.valueStreamKey);
  const stageOptions: Option<string>[] = (stream?.stages ?? []).map((stage) => ({ value: stage.id, label: stage.name }));
  return (
    <QuestionSection
      title="The process"
      question="What it is called, who owns it and where it sits in a value stream."
      testId="section-basics"
    >
      <Stack space="space.150">
        <Inline space="space.200" shouldWrap alignBlock="start">
          <TextInputField
            id={`${id}-key`}
            label="Key"
            inputTestId="process-form-key"
            value={draft.key}
            error={errors.key}
            help={props.isNew ? '2–10 letters or digits, e.g. INC. It cannot change later.' : 'Keys never change.'}
            isReadOnly={!props.isNew}
            isRequired
            onChange={(value) => setDraft((d) => ({ ...d, key: value.toUpperCase() }))}
          />
          <TextInputField
            id={`${id}-name`}
            label="Name"
            inputTestId="process-form-name"
            value={draft.name}
            error={errors.name}
            isRequired
            onChange={(name) => setDraft((d) => ({ ...d, name }))}
          />
          <FormField id={`${id}-status`} label="Status" error={errors.status} help="Retired processes stay readable but take no new work.">
            <div data-testid="process-form-status">
              <Select
                inputId={`${id}-status`}
                options={statusOptions}
                value={statusOptions.find((option) => option.value === draft.status) ?? null}
                onChange={(option) => option && setDraft((d) => ({ ...d, status: option.value }))}
              />
            </div>
          </FormField>
        </Inline>
        <Inline space="space.200" shouldWrap alignBlock="start">
          <FormField id={`${id}-stream`} label="Value stream" error={errors.valueStreamKey}>
            <Select
              inputId={`${id}-stream`}
              options={streamOptions}
              value={streamOptions.find((option) => option.value === (draft.valueStreamKey ?? '')) ?? null}
              placeholder="Pick a value stream"
              onChange={(option) => setDraft((d) => ({ ...d, valueStreamKey: option?.value || null, stageId: null }))}
            />
          </FormField>
          <FormField id={`${id}-stage`} label="Stage" error={errors.stageId}>
            <Select
              inputId={`${id}-stage`}
              options={stageOptions}
              isDisabled={!stream}
              isClearable
              value={stageOptions.find((option) => option.value === draft.stageId) ?? null}
              placeholder={stream ? 'Pick a stage' : 'Pick a value stream first'}
              onChange={(option) => setDraft((d) => ({ ...d, stageId: option?.value ?? null }))}
            />
          </FormField>
        </Inline>
        <Inline space="space.200" shouldWrap alignBlock="start">
          <FormField id={`${id}-apo`} label="APO (process owner)" error={errors.apoAccountId}>
            <div data-testid="process-form-apo">
              <UserPicker
                inputId={`${id}-apo`}
                value={draft.apoAccountId}
                knownUsers={props.people}
                isInvalid={!!errors.apoAccountId}
                describedBy={`${id}-apo-message`}
                onChange={(accountId) => setDraft((d) => ({ ...d, apoAccountId: accountId }))}
              />
            </div>
          </FormField>
          <FormField id={`${id}-asm`} label="ASM (service manager, optional)" error={errors.asmAccountId}>
            <UserPicker
              inputId={`${id}-asm`}
              value={draft.asmAccountId}
              knownUsers={props.people}
              isClearable
              isInvalid={!!errors.asmAccountId}
              describedBy={`${id}-asm-message`}
              onChange={(accountId) => setDraft((d) => ({ ...d, asmAccountId: accountId }))}
            />
          </FormField>
        </Inline>
      </Stack>
    </QuestionSection>
  );
}
