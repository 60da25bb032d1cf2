import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import { Fieldset } from '@atlaskit/form/fieldset';
import Heading from '@atlaskit/heading';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { RadioGroup } from '@atlaskit/radio';
import Select from '@atlaskit/select/Select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import type { ResolverError } from '../../../src/contract';
import { ErrorMessage } from '@atlaskit/form/error-message';
import { ErrorState } from '../ErrorState';
import { Notice } from '../Notice';
import { useResolverAction } from '../useResolver';
import { FormField } from '../forms/FormField';
import { errorAt, fieldErrorsFrom, type FieldErrors } from '../forms/fieldErrors';
import type { CreatedStory, ImprovementProcess, ImprovementSetup } from './improvementTypes';
import { benefitLabels, costLabels, scaleValues } from './scales';
import { draftToStoryInput, emptyStoryDraft, type StoryDraft } from './storyDraft';
import { confirmDiscard, useUnsavedChangesGuard } from '../unsavedChanges';

type Option = { value: string; label: string };

/** Which error path each draft field answers for (the backend's payload paths). */
const errorPathOf: Record<keyof StoryDraft, string> = {
  processKey: 'processKey',
  asA: 'userStory.asA',
  iWant: 'userStory.iWant',
  soThat: 'userStory.soThat',
  change: 'hypothesis.change',
  outcome: 'hypothesis.outcome',
  hasMeasure: 'measure',
  kpiId: 'measure.kpiId',
  measureDescription: 'measure.description',
  baseline: 'measure.baseline',
  target: 'measure.target',
  unit: 'measure.unit',
  benefit: 'benefit',
  cost: 'cost',
};
const OWN_MEASURE = '';

function describedBy(id: string) {
  return `${id}-message`;
}

function TextInput(props: {
  id: string;
  label: string;
  help?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  inputMode?: 'decimal';
  testId: string;
}) {
  const common = { id: props.id, value: props.value, isInvalid: Boolean(props.error), 'aria-describedby': describedBy(props.id) };
  return (
    <FormField id={props.id} label={props.label} help={props.help} error={props.error} testId={props.testId}>
      {props.multiline ? (
        <TextArea
          {...common}
          minimumRows={2}
          resize="vertical"
          onChange={(event) => props.onChange(event.currentTarget.value)}
          testId={`${props.testId}-input`}
        />
      ) : (
        <Textfield
          {...common}
          inputMode={props.inputMode}
          onChange={(event) => props.onChange(event.currentTarget.value)}
          testId={`${props.testId}-input`}
        />
      )}
    </FormField>
  );
}

function ScaleGroup(props: {
  legend: string;
  name: string;
  labels: Record<number, string>;
  value: number | null;
  error?: string;
  onChange: (value: number) => void;
  testId: string;
}) {
  const messageId = `${props.name}-message`;
  return (
    <div data-testid={props.testId} aria-describedby={messageId}>
      <Fieldset legend={props.legend}>
        <RadioGroup
          name={props.name}
          value={props.value === null ? null : String(props.value)}
          isInvalid={Boolean(props.error)}
          options={scaleValues.map((value) => ({
            name: props.name,
            value: String(value),
            label: `${value} – ${props.labels[value]}`,
            testId: `${props.testId}-${value}`,
          }))}
          onChange={(event) => props.onChange(Number(event.currentTarget.value))}
        />
      </Fieldset>
      <div id={messageId}>{props.error && <ErrorMessage testId={`${props.testId}-error`}>{props.error}</ErrorMessage>}</div>
    </div>
  );
}

type HeadingLevel = 1 | 2 | 3 | 4 | 5;
const headingTag = { 1: 'h1', 2: 'h2', 3: 'h3', 4: 'h4', 5: 'h5', 6: 'h6' } as const;

function Section({ title, level, children }: { title: string; level: HeadingLevel; children: ReactNode }) {
  return (
    <Stack space="space.150">
      <Heading size="xsmall" as={headingTag[(level + 1) as keyof typeof headingTag]}>
        {title}
      </Heading>
      {children}
    </Stack>
  );
}

/**
 * Create an improvement story for a chosen process, as the viewer, in the project Process Loop is
 * open in: the user story, the hypothesis, how success is measured (one of the process's KPIs where
 * it fits) and the expected benefit and cost. Used by the project page and the issue panel.
 */
export function ImprovementStoryForm(props: {
  setup: ImprovementSetup;
  defaultProcessKey?: string | null;
  onCreated: (created: CreatedStory) => void;
  onCancel: () => void;
  /** Renders no heading of its own (a modal names the form in its header). */
  hideHeading?: boolean;
  /**
   * The outline level of the form's title (its own heading, or the modal's when hidden); the
   * sections sit one below, so screen-reader heading lists nest as the page does. Default 3.
   */
  headingLevel?: HeadingLevel;
  /** Told whenever the form starts or stops holding unsaved changes (a modal guards its own close). */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const { setup } = props;
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const offered = setup.processes;
  const startKey = offered.some((p) => p.key === props.defaultProcessKey)
    ? (props.defaultProcessKey ?? null)
    : offered.length === 1
      ? (offered[0]?.key ?? null)
      : null;
  const initial = useRef<StoryDraft>(emptyStoryDraft(startKey));
  const [draft, setDraft] = useState<StoryDraft>(initial.current);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<ResolverError | null>(null);
  const create = useResolverAction('createImprovementStory');
  const headingRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const dirty = JSON.stringify(draft) !== JSON.stringify(initial.current);
  useUnsavedChangesGuard(dirty);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- tell the parent when `dirty` changes, not on each new callback
  useEffect(() => props.onDirtyChange?.(dirty), [dirty]);
  useEffect(() => {
    if (!props.hideHeading) headingRef.current?.focus();
  }, [props.hideHeading]);

  const process: ImprovementProcess | undefined = offered.find((p) => p.key === draft.processKey);
  const kpi = process?.kpis.find((k) => k.id === draft.kpiId);
  const set = <K extends keyof StoryDraft>(key: K, value: StoryDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    // A message goes as soon as its field is edited; the rest stay until the next try.
    const path = errorPathOf[key];
    // Picking a KPI hides the unit field (the KPI has one), so its message goes too: a summary
    // must never count a message nobody can see.
    const alsoGone = (p: string) => (key === 'hasMeasure' && p.startsWith('measure.')) || (key === 'kpiId' && p === 'measure.unit');
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([p]) => p !== path && !alsoGone(p))));
  };

  async function submit() {
    setSaveError(null);
    const { input, errors: localErrors } = draftToStoryInput(draft, process);
    if (!input) {
      setErrors(localErrors);
      summaryRef.current?.focus();
      return;
    }
    const response = await create.run(input);
    if (!response.ok) {
      setErrors(response.error.code === 'INVALID_INPUT' ? fieldErrorsFrom(response.error, null) : {});
      setSaveError(response.error);
      summaryRef.current?.focus();
      return;
    }
    setErrors({});
    initial.current = draft; // created: nothing is unsaved any more
    props.onDirtyChange?.(false);
    props.onCreated(response.data);
  }

  const processOptions: Option[] = offered.map((p) => ({
    value: p.key,
    label: `${p.key}: ${p.name}${p.status === 'draft' ? ' (draft)' : ''}`,
  }));
  const kpiOptions: Option[] = [
    { value: OWN_MEASURE, label: 'A measure of its own (no KPI)' },
    ...(process?.kpis ?? []).map((k) => ({ value: k.id, label: `${k.name} (${k.unit})` })),
  ];
  const errorCount = Object.keys(errors).length;
  const level = props.headingLevel ?? 3;

  return (
    <form
      aria-labelledby={props.hideHeading ? undefined : id('heading')}
      aria-label={props.hideHeading ? 'Create improvement story' : undefined}
      data-testid="improvement-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack space="space.300">
        {!props.hideHeading && (
          <div ref={headingRef} tabIndex={-1}>
            <Heading size="small" as={headingTag[level]} id={id('heading')}>
              Create improvement story
            </Heading>
          </div>
        )}
        {/* One block, so an empty summary (the usual case) adds no gap of its own. */}
        <div>
          <div
            ref={summaryRef}
            tabIndex={-1}
            style={saveError || errorCount > 0 ? { marginBlockEnd: 'var(--ds-space-200, 16px)' } : undefined}
          >
            {saveError && <ErrorState error={saveError} />}
            {!saveError && errorCount > 0 && (
              <Notice
                appearance="error"
                role="alert"
                testId="improvement-form-summary"
                title={errorCount === 1 ? 'One value needs attention' : `${errorCount} values need attention`}
              >
                <Text as="p">See the messages next to the fields.</Text>
              </Notice>
            )}
          </div>
          <Text as="p" color="color.text.subtle">
            Created as you in {setup.project.name} ({setup.project.key}) as {setup.storyIssueType?.name ?? 'a story'}, and linked to the
            process.
          </Text>
        </div>

        <FormField
          id={id('process')}
          label="Process"
          error={errors.processKey}
          help="The process this story improves."
          testId="improvement-form-process"
        >
          <Select<Option>
            inputId={id('process')}
            options={processOptions}
            value={processOptions.find((o) => o.value === draft.processKey) ?? null}
            isInvalid={Boolean(errors.processKey)}
            aria-describedby={describedBy(id('process'))}
            placeholder="Pick a process"
            onChange={(option) => {
              set('processKey', option?.value ?? null);
              set('kpiId', null);
            }}
          />
        </FormField>

        <Section title="User story" level={level}>
          <TextInput
            id={id('asA')}
            label="As a …"
            help="Who benefits, for example: service desk agent"
            value={draft.asA}
            error={errorAt(errors, 'userStory.asA')}
            onChange={(v) => set('asA', v)}
            testId="improvement-form-as-a"
          />
          <TextInput
            id={id('iWant')}
            label="I want …"
            value={draft.iWant}
            error={errorAt(errors, 'userStory.iWant')}
            onChange={(v) => set('iWant', v)}
            testId="improvement-form-i-want"
          />
          <TextInput
            id={id('soThat')}
            label="so that …"
            value={draft.soThat}
            error={errorAt(errors, 'userStory.soThat')}
            onChange={(v) => set('soThat', v)}
            testId="improvement-form-so-that"
          />
        </Section>

        <Section title="Hypothesis" level={level}>
          <TextInput
            id={id('change')}
            label="We believe …"
            help="The change, for example: a triage checklist at intake"
            multiline
            value={draft.change}
            error={errorAt(errors, 'hypothesis.change')}
            onChange={(v) => set('change', v)}
            testId="improvement-form-change"
          />
          <TextInput
            id={id('outcome')}
            label="will give …"
            help="The result you expect, for example: fewer reassigned incidents"
            multiline
            value={draft.outcome}
            error={errorAt(errors, 'hypothesis.outcome')}
            onChange={(v) => set('outcome', v)}
            testId="improvement-form-outcome"
          />
        </Section>

        <Section title="Measure" level={level}>
          <Checkbox
            isChecked={!draft.hasMeasure}
            onChange={(event) => set('hasMeasure', !event.currentTarget.checked)}
            label="No measure yet (the backlog will flag this story until it has one)"
            name="no-measure"
            testId="improvement-form-no-measure"
          />
          {draft.hasMeasure && (
            <Stack space="space.150">
              <FormField
                id={id('kpi')}
                label="KPI"
                help={process ? 'Link the measure to one of the process’s KPIs where it fits.' : 'Pick a process first to see its KPIs.'}
                error={errors['measure.kpiId']}
                testId="improvement-form-kpi"
              >
                <Select<Option>
                  inputId={id('kpi')}
                  options={kpiOptions}
                  value={kpiOptions.find((o) => o.value === (draft.kpiId ?? OWN_MEASURE)) ?? null}
                  aria-describedby={describedBy(id('kpi'))}
                  onChange={(option) => {
                    set('kpiId', option?.value ? option.value : null);
                    // A KPI names the measure well enough to start from; typed text is never replaced.
                    setDraft((current) => ({
                      ...current,
                      measureDescription: current.measureDescription || (process?.kpis.find((k) => k.id === option?.value)?.name ?? ''),
                    }));
                  }}
                />
              </FormField>
              <TextInput
                id={id('measure')}
                label="What you will measure"
                value={draft.measureDescription}
                error={errors['measure.description']}
                onChange={(v) => set('measureDescription', v)}
                testId="improvement-form-measure"
              />
              <Inline space="space.200" shouldWrap>
                <Box>
                  <TextInput
                    id={id('baseline')}
                    label={`Baseline${kpi ? ` (${kpi.unit})` : ''}`}
                    help="Where it is today"
                    inputMode="decimal"
                    value={draft.baseline}
                    error={errors['measure.baseline']}
                    onChange={(v) => set('baseline', v)}
                    testId="improvement-form-baseline"
                  />
                </Box>
                <Box>
                  <TextInput
                    id={id('target')}
                    label={`Target${kpi ? ` (${kpi.unit})` : ''}`}
                    help="Where it should get to"
                    inputMode="decimal"
                    value={draft.target}
                    error={errors['measure.target']}
                    onChange={(v) => set('target', v)}
                    testId="improvement-form-target"
                  />
                </Box>
                {!kpi && (
                  <Box>
                    <TextInput
                      id={id('unit')}
                      label="Unit"
                      help="For example hours, %, tickets"
                      value={draft.unit}
                      error={errors['measure.unit']}
                      onChange={(v) => set('unit', v)}
                      testId="improvement-form-unit"
                    />
                  </Box>
                )}
              </Inline>
            </Stack>
          )}
        </Section>

        <Section title="Benefit and cost" level={level}>
          <Text as="p" color="color.text.subtle">
            The backlog orders stories by benefit ÷ cost.
          </Text>
          <Inline space="space.400" shouldWrap>
            <ScaleGroup
              legend="Expected benefit"
              name={id('benefit')}
              labels={benefitLabels}
              value={draft.benefit}
              error={errors.benefit}
              onChange={(v) => set('benefit', v)}
              testId="improvement-form-benefit"
            />
            <ScaleGroup
              legend="Expected cost"
              name={id('cost')}
              labels={costLabels}
              value={draft.cost}
              error={errors.cost}
              onChange={(v) => set('cost', v)}
              testId="improvement-form-cost"
            />
          </Inline>
        </Section>

        <Inline space="space.100">
          <Button type="submit" appearance="primary" isLoading={create.pending} testId="improvement-form-create">
            Create improvement story
          </Button>
          <Button
            onClick={() => {
              if (confirmDiscard(dirty)) props.onCancel();
            }}
            isDisabled={create.pending}
            testId="improvement-form-cancel"
          >
            Cancel
          </Button>
        </Inline>
      </Stack>
    </form>
  );
}
