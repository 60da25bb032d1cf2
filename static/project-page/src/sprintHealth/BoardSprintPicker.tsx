import { useId } from 'react';
import { Label } from '@atlaskit/form/label/default';
import { Box } from '@atlaskit/primitives/compiled/box';
import Select from '@atlaskit/select/Select';
import { sprintLabel } from './format';
import type { SprintHealthSetup, SprintSummary } from './types';

type Option = { value: number; label: string };

function PickerSelect({ label, options, value, onChange, testId, isLoading, placeholder }: {
  label: string;
  options: Option[];
  value: number | null;
  onChange: (value: number) => void;
  testId: string;
  isLoading?: boolean;
  placeholder: string;
}) {
  const id = useId();
  return (
    <Box testId={testId} style={{ minWidth: 240 }}>
      <Label htmlFor={id}>{label}</Label>
      <Select
        inputId={id}
        options={options}
        isLoading={isLoading}
        placeholder={placeholder}
        value={options.find((option) => option.value === value) ?? null}
        onChange={(option) => option && onChange(option.value)}
      />
    </Box>
  );
}

export function BoardPicker({ boards, value, onChange }: { boards: SprintHealthSetup['boards']; value: number | null; onChange: (boardId: number) => void }) {
  return (
    <PickerSelect
      label="Board"
      testId="sprint-health-board"
      placeholder="Choose a board"
      options={boards.map((board) => ({ value: board.id, label: board.name }))}
      value={value}
      onChange={onChange}
    />
  );
}

/** Active and closed sprints, newest first, labelled with their state and dates. */
export function SprintPicker({ sprints, value, onChange, isLoading, timeZone }: {
  sprints: SprintSummary[];
  value: number | null;
  onChange: (sprintId: number) => void;
  isLoading: boolean;
  timeZone: string;
}) {
  return (
    <PickerSelect
      label="Sprint"
      testId="sprint-health-sprint"
      placeholder={isLoading ? 'Loading sprints…' : 'Choose a sprint'}
      isLoading={isLoading}
      options={sprints.map((sprint) => ({ value: sprint.id, label: sprintLabel(sprint, timeZone) }))}
      value={value}
      onChange={onChange}
    />
  );
}
