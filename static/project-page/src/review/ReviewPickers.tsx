import { Inline } from '@atlaskit/primitives/compiled/inline';
import { formatDate } from '../../../common/dateFormat';
import type { ImprovementProcess, ReviewSprint } from '../../../common/improvement/improvementTypes';
import { withOverdueNote } from '../../../common/sprintOverdue';
import { LabelledSelect } from '../LabelledSelect';

const stateWords = { active: 'active', closed: 'closed', future: 'not started' } as const;

export function sprintLabel(sprint: ReviewSprint): string {
  const dates = sprint.startDate ? ` · ${formatDate(sprint.startDate)} – ${formatDate(sprint.endDate)}` : '';
  return withOverdueNote(`${sprint.name} (${stateWords[sprint.state]})${dates}`, sprint.overdueNote);
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
      <LabelledSelect
        label="Process"
        testId="review-pick-process"
        options={props.processes.map((p) => ({ value: p.key, label: `${p.key}: ${p.name}` }))}
        value={props.processKey}
        onChange={props.onProcess}
      />
      <LabelledSelect
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
