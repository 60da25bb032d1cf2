import { useId } from 'react';
import { Label } from '@atlaskit/form/label/default';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import Select from '@atlaskit/select/Select';
import { formatDay } from '../../../common/improvement/dates';
import type { ImprovementProcess, ReviewSprint } from '../../../common/improvement/improvementTypes';

type Option = { value: string; label: string };

function Picker(props: { label: string; options: Option[]; value: string | null; onChange: (value: string) => void; testId: string; isDisabled?: boolean }) {
  const id = useId();
  return (
    <Box testId={props.testId}>
      <Label htmlFor={id}>{props.label}</Label>
      <Select<Option>
        inputId={id}
        options={props.options}
        isDisabled={props.isDisabled}
        value={props.options.find((option) => option.value === props.value) ?? null}
        onChange={(option) => option && props.onChange(option.value)}
      />
    </Box>
  );
}

const stateWords = { active: 'active', closed: 'closed', future: 'not started' } as const;

export function sprintLabel(sprint: ReviewSprint): string {
  const dates = sprint.startDate ? ` · ${formatDay(sprint.startDate)} – ${formatDay(sprint.endDate)}` : '';
  return `${sprint.name} (${stateWords[sprint.state]})${dates}`;
}

/** Which process and which sprint to review. */
export function ReviewPickers(props: {
  processes: ImprovementProcess[];
  processKey: string;
  sprints: ReviewSprint[];
  sprintId: number | null;
  onProcess: (processKey: string) => void;
  onSprint: (sprintId: number) => void;
}) {
  return (
    <Inline space="space.200" shouldWrap role="group" aria-label="Choose what to review">
      <Picker
        label="Process"
        testId="review-pick-process"
        options={props.processes.map((p) => ({ value: p.key, label: `${p.key}: ${p.name}` }))}
        value={props.processKey}
        onChange={props.onProcess}
      />
      <Picker
        label="Sprint"
        testId="review-pick-sprint"
        isDisabled={props.sprints.length === 0}
        options={props.sprints.map((s) => ({ value: String(s.id), label: sprintLabel(s) }))}
        value={props.sprintId === null ? null : String(props.sprintId)}
        onChange={(value) => props.onSprint(Number(value))}
      />
    </Inline>
  );
}
