import { useId } from 'react';
import Heading from '@atlaskit/heading';
import { Checkbox } from '@atlaskit/checkbox';
import { ErrorMessage } from '@atlaskit/form/error-message';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import Select from '@atlaskit/select/Select';
import TextArea from '@atlaskit/textarea';
import type { ReactNode } from 'react';
import type { UserSummary } from '../../../common/catalogTypes';
import { FormField } from '../../../common/forms/FormField';
import { TextInputField } from '../../../common/forms/TextInputField';
import { errorsUnder, type FieldErrors } from '../../../common/forms/fieldErrors';
import { OrderedListEditor } from './OrderedListEditor';
import { newAutomationCandidate, newDodItem, newKpi, newRaciStep, raciLetters, type KpiDraft, type ProcessDraft } from './processDraft';

export type SectionProps = { draft: ProcessDraft; setDraft: (update: (draft: ProcessDraft) => ProcessDraft) => void; errors: FieldErrors };

/** One of the questions a process keeps answering (PRODUCT.md), as a titled part of the form. */
export function QuestionSection({
  title,
  question,
  children,
  testId,
}: {
  title: string;
  question: string;
  children: ReactNode;
  testId: string;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid={testId}>
      <Stack space="space.100">
        <Heading size="small" as="h3" id={headingId}>
          {title}
        </Heading>
        <Text color="color.text.subtle">{question}</Text>
        {children}
      </Stack>
    </section>
  );
}

/** A question answered in free text (purpose, current situation). */
function FreeTextSection(props: {
  title: string;
  question: string;
  testId: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <QuestionSection title={props.title} question={props.question} testId={props.testId}>
      <FormField id={id} label={props.title} error={props.error}>
        <TextArea
          id={id}
          value={props.value}
          minimumRows={3}
          isInvalid={!!props.error}
          aria-describedby={`${id}-message`}
          onChange={(event) => props.onChange(event.target.value)}
        />
      </FormField>
    </QuestionSection>
  );
}

export function PurposeSection({ draft, setDraft, errors }: SectionProps) {
  return (
    <FreeTextSection
      title="Purpose"
      question="Why do we do this at all?"
      testId="section-purpose"
      value={draft.purpose}
      error={errors.purpose}
      onChange={(purpose) => setDraft((d) => ({ ...d, purpose }))}
    />
  );
}

export function CurrentSituationSection({ draft, setDraft, errors }: SectionProps) {
  return (
    <FreeTextSection
      title="Current situation"
      question="What is the current situation? Would a change matter, and to whom?"
      testId="section-current-situation"
      value={draft.currentSituation}
      error={errors.currentSituation}
      onChange={(currentSituation) => setDraft((d) => ({ ...d, currentSituation }))}
    />
  );
}

const directionOptions = [
  { value: 'higher' as const, label: 'Higher is better' },
  { value: 'lower' as const, label: 'Lower is better' },
];

function KpiFields({ kpi, index, errors, update }: { kpi: KpiDraft; index: number; errors: FieldErrors; update: (kpi: KpiDraft) => void }) {
  const id = useId();
  const at = (field: string) => errors[`kpis.${index}.${field}`];
  return (
    <Inline space="space.100" shouldWrap alignBlock="start">
      <TextInputField
        id={`${id}-name`}
        label={`KPI ${index + 1} name`}
        value={kpi.name}
        error={at('name')}
        onChange={(name) => update({ ...kpi, name })}
      />
      <TextInputField
        id={`${id}-target`}
        label="Target"
        value={kpi.target}
        error={at('target')}
        onChange={(target) => update({ ...kpi, target })}
      />
      <TextInputField id={`${id}-unit`} label="Unit" value={kpi.unit} error={at('unit')} onChange={(unit) => update({ ...kpi, unit })} />
      <FormField id={`${id}-direction`} label="Direction" error={at('direction')}>
        <Select
          inputId={`${id}-direction`}
          options={directionOptions}
          value={directionOptions.find((option) => option.value === kpi.direction) ?? null}
          onChange={(option) => option && update({ ...kpi, direction: option.value })}
        />
      </FormField>
    </Inline>
  );
}

export function KpiSection({ draft, setDraft, errors }: SectionProps) {
  return (
    <QuestionSection title="KPIs" question="How do we know we are doing well?" testId="section-kpis">
      <OrderedListEditor
        testId="kpi-editor"
        items={draft.kpis}
        max={20}
        addLabel="Add KPI"
        create={newKpi}
        describe={(kpi, index) => `KPI ${index + 1}${kpi.name ? ` (${kpi.name})` : ''}`}
        onChange={(kpis) => setDraft((d) => ({ ...d, kpis }))}
        renderItem={(kpi, index, update) => <KpiFields kpi={kpi} index={index} errors={errors} update={update} />}
      />
      {errorsUnder(errors, 'kpis').length > 0 && !Object.keys(errors).some((key) => /^kpis\.\d+\./.test(key)) && (
        <ErrorMessage>{errorsUnder(errors, 'kpis').join(' ')}</ErrorMessage>
      )}
    </QuestionSection>
  );
}

export function RaciSection({ draft, setDraft, errors, people }: SectionProps & { people: Map<string, UserSummary> }) {
  return (
    <QuestionSection title="RACI" question="Who does what, and when?" testId="section-raci">
      <OrderedListEditor
        testId="raci-editor"
        items={draft.raci}
        max={50}
        addLabel="Add step"
        create={newRaciStep}
        describe={(step, index) => `step ${index + 1}${step.step ? ` (${step.step})` : ''}`}
        onChange={(raci) => setDraft((d) => ({ ...d, raci }))}
        renderItem={(step, index, update) => (
          <Stack space="space.075">
            <Inline space="space.100" shouldWrap>
              <TextInputField
                id={`raci-${step.id}-step`}
                label={`Step ${index + 1}`}
                value={step.step}
                error={errors[`raci.${index}.step`]}
                onChange={(value) => update({ ...step, step: value })}
              />
              <TextInputField
                id={`raci-${step.id}-when`}
                label="When"
                value={step.when}
                error={errors[`raci.${index}.when`]}
                onChange={(when) => update({ ...step, when })}
              />
            </Inline>
            <Inline space="space.100" shouldWrap>
              {raciLetters.map(({ letter, label }) => (
                <Stack space="space.025" key={letter}>
                  <TextInputField
                    id={`raci-${step.id}-${letter}`}
                    label={`${label}: roles, comma separated`}
                    value={step[letter].roles}
                    error={errorsUnder(errors, `raci.${index}.${letter}`).join(' ') || undefined}
                    onChange={(roles) => update({ ...step, [letter]: { ...step[letter], roles } })}
                  />
                  {step[letter].users.length > 0 && (
                    <Text size="small" color="color.text.subtle">
                      Also: {step[letter].users.map((accountId) => people.get(accountId)?.displayName ?? 'Unknown user').join(', ')}
                    </Text>
                  )}
                </Stack>
              ))}
            </Inline>
          </Stack>
        )}
      />
    </QuestionSection>
  );
}

/**
 * A question answered by an ordered list of one-line items (Definition of Done, automation candidates).
 * `itemName` names one item in lower case: "checklist item" gives "Checklist item 2" and "Add checklist item".
 */
function TextListSection<T extends { id: string; text: string }>(props: {
  title: string;
  question: string;
  testId: string;
  editorTestId: string;
  itemName: string;
  idPrefix: string;
  /** Where the draft keeps the list, as the error keys name it. */
  errorPath: string;
  items: T[];
  max: number;
  create: () => T;
  errors: FieldErrors;
  onChange: (items: T[]) => void;
  /** What stands beside an item's text, if anything. */
  renderExtra?: (item: T, update: (item: T) => void) => ReactNode;
}) {
  const label = props.itemName.charAt(0).toUpperCase() + props.itemName.slice(1);
  return (
    <QuestionSection title={props.title} question={props.question} testId={props.testId}>
      <OrderedListEditor
        testId={props.editorTestId}
        items={props.items}
        max={props.max}
        addLabel={`Add ${props.itemName}`}
        create={props.create}
        describe={(_item, index) => `${props.itemName} ${index + 1}`}
        onChange={props.onChange}
        renderItem={(item, index, update) => {
          const field = (
            <TextInputField
              id={`${props.idPrefix}-${item.id}`}
              label={`${label} ${index + 1}`}
              value={item.text}
              error={props.errors[`${props.errorPath}.${index}.text`]}
              onChange={(text) => update({ ...item, text })}
            />
          );
          if (!props.renderExtra) return field;
          return (
            <Inline space="space.100" alignBlock="end" shouldWrap>
              {field}
              {props.renderExtra(item, update)}
            </Inline>
          );
        }}
      />
    </QuestionSection>
  );
}

export function DefinitionOfDoneSection({ draft, setDraft, errors }: SectionProps) {
  return (
    <TextListSection
      title="Definition of Done"
      question="When is a piece of this process's work done?"
      testId="section-dod"
      editorTestId="dod-editor"
      itemName="checklist item"
      idPrefix="dod"
      errorPath="definitionOfDone"
      items={draft.definitionOfDone}
      max={30}
      create={newDodItem}
      errors={errors}
      onChange={(definitionOfDone) => setDraft((d) => ({ ...d, definitionOfDone }))}
    />
  );
}

export function AutomationSection({ draft, setDraft, errors }: SectionProps) {
  return (
    <TextListSection
      title="Automation candidates"
      question="What could be automated?"
      testId="section-automation"
      editorTestId="automation-editor"
      itemName="automation candidate"
      idPrefix="automation"
      errorPath="automationCandidates"
      items={draft.automationCandidates}
      max={50}
      create={newAutomationCandidate}
      errors={errors}
      onChange={(automationCandidates) => setDraft((d) => ({ ...d, automationCandidates }))}
      renderExtra={(item, update) => (
        <Checkbox label="Automated already" isChecked={item.done} onChange={(event) => update({ ...item, done: event.target.checked })} />
      )}
    />
  );
}
