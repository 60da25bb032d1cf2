import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { events, view } from '@forge/bridge';
import Select, { CreatableSelect } from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { Field, ErrorMessage, HelperMessage } from '@atlaskit/form';
import SectionMessage from '@atlaskit/section-message';
import { Box, Stack } from '@atlaskit/primitives';
import { ErrorState } from '../../common/ErrorState';
import { LoadingState } from '../../common/LoadingState';
import { invokeResolver } from '../../common/invokeResolver';
import { useForgeContext } from '../../common/useForgeContext';
import { useResolver } from '../../common/useResolver';
import type { ResultOf } from '../../../src/contract';
import { ACTION_FIELDS, catalogProblems, initialValues, isActionKey, toInputs, type ActionKey, type FieldSpec } from './actionFields';

type FormProcess = ResultOf<'getAutomationFormOptions'>['processes'][number];
interface Option {
  label: string;
  value: string;
}

interface ActionExtension {
  actionKey?: unknown;
  data?: { inputs?: Record<string, unknown> };
  errors?: { invalidInputs?: Record<string, { message?: string }> };
}

/**
 * The configuration form of the three automation actions (one app, the action comes from the
 * module key). Every change is submitted to Automation at once (`view.submit`) so switching
 * components keeps the configuration; Automation's Next button validates through the backend's
 * own input schemas before the final submit.
 */
export function ActionConfigForm() {
  const context = useForgeContext();
  if (context.status === 'loading') return <LoadingState label="Loading the action’s settings" />;
  if (context.status === 'failed') return <ErrorState error={{ code: 'INTERNAL', message: context.message }} />;
  const extension = (context.context.extension ?? {}) as ActionExtension;
  const actionKey = context.context.moduleKey ?? extension.actionKey;
  if (!isActionKey(actionKey)) return <ErrorState error={{ code: 'INVALID_INPUT', message: 'Process Loop doesn’t know this action.' }} />;
  return <ConfigForm action={actionKey} extension={extension} />;
}

function ConfigForm({ action, extension }: { action: ActionKey; extension: ActionExtension }) {
  const options = useResolver('getAutomationFormOptions', {});
  const [values, setValues] = useState(() => initialValues(action, extension.data?.inputs));
  const [errors, setErrors] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(extension.errors?.invalidInputs ?? {}).map(([name, error]) => [name, error.message ?? 'Not valid.'])),
  );
  const [validating, setValidating] = useState(false);
  const latest = useRef(values);
  latest.current = values;

  const processes = options.state.status === 'ready' ? options.state.data.processes : [];
  // The catalog's keys for the Next check (null while unknown), read from the event handler below.
  const catalog = useRef<string[] | null>(null);
  catalog.current = options.state.status === 'ready' ? processes.map((candidate) => candidate.key) : null;
  const process = processes.find((candidate) => candidate.key === values.processKey?.trim().toUpperCase()) ?? null;

  const change = useCallback(
    (name: string, value: string) => {
      const next = { ...latest.current, [name]: value };
      if (name === 'processKey') {
        // A stage or KPI of another process makes no sense for the new one.
        if ('stageId' in next) next.stageId = '';
        if ('kpi' in next) next.kpi = '';
        if ('kpiId' in next) next.kpiId = '';
      }
      setValues(next);
      setErrors(({ [name]: _cleared, ...rest }) => rest);
      void view.submit(toInputs(action, next));
    },
    [action],
  );

  useEffect(() => {
    const submitted = events.on('AUTOMATION_ACTION_SUBMIT', async () => {
      const inputs = toInputs(action, latest.current);
      const missing = ACTION_FIELDS[action].filter((field) => field.required && inputs[field.name] === undefined);
      if (missing.length) {
        setErrors(Object.fromEntries(missing.map((field) => [field.name, `${field.label} is required.`])));
        return;
      }
      // Values with smart values are resolved only when the rule runs: validate those there.
      const checked = await invokeResolver('validateAutomationInputs', { actionKey: action, inputs });
      const invalid =
        checked.ok && !checked.data.valid
          ? Object.fromEntries(Object.entries(checked.data.fields).filter(([name]) => !String(inputs[name] ?? '').includes('{{')))
          : {};
      const fields = { ...catalogProblems(action, inputs, catalog.current), ...invalid };
      if (Object.keys(fields).length) {
        setErrors(fields);
        return;
      }
      await view.submit(inputs);
    });
    const validatingRule = events.on('AUTOMATION_ACTION_VALIDATE_RULE_EVENT', (payload: { isValidating?: boolean } | undefined) =>
      setValidating(payload?.isValidating === true),
    );
    return () => {
      void submitted.then((subscription) => subscription.unsubscribe());
      void validatingRule.then((subscription) => subscription.unsubscribe());
    };
  }, [action]);

  return (
    <Box padding="space.100">
      <Stack space="space.150">
        {options.state.status === 'failed' && (
          <SectionMessage appearance="warning" title="The process catalog could not be loaded">
            <p>{options.state.error.message} You can still type process keys.</p>
          </SectionMessage>
        )}
        {ACTION_FIELDS[action].map((field) => (
          <ConfigField
            key={field.name}
            field={field}
            value={values[field.name] ?? ''}
            error={errors[field.name]}
            processes={processes}
            process={process}
            disabled={validating}
            onChange={change}
          />
        ))}
      </Stack>
    </Box>
  );
}

function ConfigField(props: {
  field: FieldSpec;
  value: string;
  error: string | undefined;
  processes: FormProcess[];
  process: FormProcess | null;
  disabled: boolean;
  onChange: (name: string, value: string) => void;
}) {
  const { field, value, error, processes, process, disabled, onChange } = props;
  const choices: Option[] | null = useMemo(() => {
    if (field.kind === 'process' && processes.length)
      return processes.map((candidate) => ({ value: candidate.key, label: `${candidate.key} · ${candidate.name}` }));
    if (field.kind === 'stage' && process)
      return [{ value: '', label: 'The process’s own stage' }, ...process.stages.map((stage) => ({ value: stage.id, label: stage.name }))];
    if (field.kind === 'kpi' && process)
      return [
        ...(field.required ? [] : [{ value: '', label: 'No KPI' }]),
        ...process.kpis.map((kpi) => ({ value: kpi.id, label: `${kpi.name} (${kpi.unit})` })),
      ];
    return null;
  }, [field, processes, process]);
  // The process may also be typed (a key not in the catalog, or a smart value such as
  // {{issue.Process}}): the backend checks it when the rule is saved and again when it runs.
  const selected = choices?.find((choice) => choice.value === value) ?? (value ? { value, label: value } : null);

  return (
    <Field name={field.name} label={field.label} isRequired={field.required} isDisabled={disabled}>
      {({ fieldProps }) => {
        // The label and messages are tied to the input by Field's ids (fieldProps.id, aria-describedby).
        const described = { 'aria-describedby': fieldProps['aria-describedby'], 'aria-invalid': !!error };
        return (
          <>
            {choices && field.kind === 'process' ? (
              <CreatableSelect<Option>
                inputId={fieldProps.id}
                options={choices}
                value={selected}
                onChange={(choice) => onChange(field.name, choice?.value ?? '')}
                onCreateOption={(typed) => onChange(field.name, typed.trim())}
                formatCreateLabel={(typed) => `Use “${typed.trim()}”`}
                isDisabled={disabled}
                {...described}
              />
            ) : choices ? (
              <Select<Option>
                inputId={fieldProps.id}
                options={choices}
                value={selected}
                onChange={(choice) => onChange(field.name, choice?.value ?? '')}
                isDisabled={disabled}
                {...described}
              />
            ) : (
              <Textfield
                id={fieldProps.id}
                value={value}
                isInvalid={!!error}
                isDisabled={disabled}
                onChange={(event) => onChange(field.name, event.currentTarget.value)}
                {...described}
              />
            )}
            {error ? <ErrorMessage>{error}</ErrorMessage> : field.helper ? <HelperMessage>{field.helper}</HelperMessage> : null}
          </>
        );
      }}
    </Field>
  );
}
