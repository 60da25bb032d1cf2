import { LabelledSelect } from '../LabelledSelect';
import { sprintLabel } from './format';
import type { SprintHealthSetup, SprintSummary } from './types';

export function BoardPicker({
  boards,
  value,
  onChange,
}: {
  boards: SprintHealthSetup['boards'];
  value: number | null;
  onChange: (boardId: number) => void;
}) {
  return (
    <LabelledSelect
      minWidth={240}
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
export function SprintPicker({
  sprints,
  value,
  onChange,
  isLoading,
  timeZone,
}: {
  sprints: SprintSummary[];
  value: number | null;
  onChange: (sprintId: number) => void;
  isLoading: boolean;
  timeZone: string;
}) {
  return (
    <LabelledSelect
      minWidth={240}
      label="Sprint"
      testId="sprint-health-sprint"
      placeholder={isLoading ? 'Loading sprints…' : 'Choose a sprint'}
      isLoading={isLoading}
      options={sprints.map((sprint) => ({ value: sprint.id, label: sprintLabel(sprint, { timeZone }) }))}
      value={value}
      onChange={onChange}
    />
  );
}
