import { useId } from 'react';
import { Label } from '@atlaskit/form/label/default';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import Select from '@atlaskit/select/Select';
import type { ProcessBacklog } from '../../../common/improvement/improvementTypes';

export type StatusCategory = 'new' | 'indeterminate' | 'done';
export type BacklogFilter = { processKey: string | null; valueStreamKey: string | null; statusCategory: StatusCategory | null };
export const noBacklogFilter: BacklogFilter = { processKey: null, valueStreamKey: null, statusCategory: null };

export const statusCategoryLabels: Record<StatusCategory, string> = { new: 'To do', indeterminate: 'In progress', done: 'Done' };

type Option = { value: string; label: string };
const ALL = '';

function FilterSelect(props: { label: string; options: Option[]; value: string | null; onChange: (value: string | null) => void; testId: string }) {
  const id = useId();
  return (
    <Box testId={props.testId}>
      <Label htmlFor={id}>{props.label}</Label>
      <Select<Option>
        inputId={id}
        options={props.options}
        value={props.options.find((option) => option.value === (props.value ?? ALL)) ?? null}
        onChange={(option) => props.onChange(option?.value ? option.value : null)}
      />
    </Box>
  );
}

/** Narrow the backlog by process, value stream and status; the backend filters, so counts stay honest. */
export function BacklogFilters(props: { options: Pick<ProcessBacklog, 'processes' | 'valueStreams'>; filter: BacklogFilter; onChange: (filter: BacklogFilter) => void }) {
  const { options, filter, onChange } = props;
  return (
    <Inline space="space.200" shouldWrap role="group" aria-label="Filter the improvement backlog">
      <FilterSelect
        label="Process"
        testId="backlog-filter-process"
        options={[{ value: ALL, label: 'All processes' }, ...options.processes.map((p) => ({ value: p.key, label: `${p.key}: ${p.name}` }))]}
        value={filter.processKey}
        onChange={(processKey) => onChange({ ...filter, processKey })}
      />
      <FilterSelect
        label="Value stream"
        testId="backlog-filter-value-stream"
        options={[{ value: ALL, label: 'All value streams' }, ...options.valueStreams.map((s) => ({ value: s.key, label: s.name }))]}
        value={filter.valueStreamKey}
        onChange={(valueStreamKey) => onChange({ ...filter, valueStreamKey })}
      />
      <FilterSelect
        label="Status"
        testId="backlog-filter-status"
        options={[{ value: ALL, label: 'Any status' }, ...(Object.keys(statusCategoryLabels) as StatusCategory[]).map((c) => ({ value: c, label: statusCategoryLabels[c] }))]}
        value={filter.statusCategory}
        onChange={(value) => onChange({ ...filter, statusCategory: value as StatusCategory | null })}
      />
    </Inline>
  );
}
