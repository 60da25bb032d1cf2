import { Inline } from '@atlaskit/primitives/compiled/inline';
import type { ProcessBacklog } from '../../../common/improvement/improvementTypes';
import { LabelledSelect } from '../LabelledSelect';

export type StatusCategory = 'new' | 'indeterminate' | 'done';
export type BacklogFilter = { processKey: string | null; valueStreamKey: string | null; statusCategory: StatusCategory | null };
export const noBacklogFilter: BacklogFilter = { processKey: null, valueStreamKey: null, statusCategory: null };

export const statusCategoryLabels: Record<StatusCategory, string> = { new: 'To do', indeterminate: 'In progress', done: 'Done' };

const ALL = '';

/** Narrow the backlog by process, value stream and status; the backend filters, so counts stay honest. */
export function BacklogFilters(props: {
  options: Pick<ProcessBacklog, 'processes' | 'valueStreams'>;
  filter: BacklogFilter;
  onChange: (filter: BacklogFilter) => void;
}) {
  const { options, filter, onChange } = props;
  return (
    <Inline space="space.200" shouldWrap role="group" aria-label="Filter the improvement backlog">
      <LabelledSelect
        label="Process"
        testId="backlog-filter-process"
        options={[
          { value: ALL, label: 'All processes' },
          ...options.processes.map((p) => ({ value: p.key, label: `${p.key}: ${p.name}` })),
        ]}
        value={filter.processKey ?? ALL}
        onChange={(processKey) => onChange({ ...filter, processKey: processKey || null })}
      />
      <LabelledSelect
        label="Value stream"
        testId="backlog-filter-value-stream"
        options={[{ value: ALL, label: 'All value streams' }, ...options.valueStreams.map((s) => ({ value: s.key, label: s.name }))]}
        value={filter.valueStreamKey ?? ALL}
        onChange={(valueStreamKey) => onChange({ ...filter, valueStreamKey: valueStreamKey || null })}
      />
      <LabelledSelect
        label="Status"
        testId="backlog-filter-status"
        options={[
          { value: ALL, label: 'Any status' },
          ...(Object.keys(statusCategoryLabels) as StatusCategory[]).map((c) => ({ value: c, label: statusCategoryLabels[c] })),
        ]}
        value={filter.statusCategory ?? ALL}
        onChange={(value) => onChange({ ...filter, statusCategory: value || null })}
      />
    </Inline>
  );
}
