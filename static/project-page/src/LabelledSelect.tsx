import { useId } from 'react';
import { Label } from '@atlaskit/form/label/default';
import { Box } from '@atlaskit/primitives/compiled/box';
import Select from '@atlaskit/select/Select';

export type SelectOption<V extends string | number> = { value: V; label: string };

/**
 * A single-choice select with its visible label (the label names the input for screen readers).
 * Not clearable, so a change always carries an option.
 */
export function LabelledSelect<V extends string | number>({
  label,
  testId,
  options,
  value,
  onChange,
  minWidth,
  ...selectProps
}: {
  label: string;
  testId: string;
  options: SelectOption<V>[];
  value: V | null;
  onChange: (value: V) => void;
  minWidth?: number;
  isDisabled?: boolean;
  isLoading?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <Box testId={testId} style={minWidth === undefined ? undefined : { minWidth }}>
      <Label htmlFor={id}>{label}</Label>
      <Select<SelectOption<V>>
        {...selectProps}
        inputId={id}
        options={options}
        value={options.find((option) => option.value === value) ?? null}
        onChange={(option) => option && onChange(option.value)}
      />
    </Box>
  );
}
