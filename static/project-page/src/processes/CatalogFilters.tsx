import { useId } from 'react';
import { Label } from '@atlaskit/form/label/default';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import Select from '@atlaskit/select/Select';
import { usersById, type Catalog } from '../../../common/catalogTypes';
import { statusFilterLabels, type CatalogFilter, type StatusFilter } from './catalogFilters';

type Option = { value: string; label: string };
const ALL = '';

function FilterSelect({ label, options, value, onChange, testId }: { label: string; options: Option[]; value: string; onChange: (value: string) => void; testId: string }) {
  const id = useId();
  return (
    <Box testId={testId}>
      <Label htmlFor={id}>{label}</Label>
      <Select inputId={id} options={options} value={options.find((option) => option.value === value) ?? null} onChange={(option) => onChange(option?.value ?? ALL)} />
    </Box>
  );
}

/** Narrow the catalog by value stream, status and owner (APO or ASM). */
export function CatalogFilters({ catalog, filter, onChange }: { catalog: Catalog; filter: CatalogFilter; onChange: (filter: CatalogFilter) => void }) {
  const people = usersById(catalog.users);
  const owners = [...new Set(catalog.processes.flatMap((p) => [p.apoAccountId, ...(p.asmAccountId ? [p.asmAccountId] : [])]))];
  return (
    <Inline space="space.200" shouldWrap role="group" aria-label="Filter processes">
      <FilterSelect
        label="Value stream"
        testId="filter-value-stream"
        options={[{ value: ALL, label: 'All value streams' }, ...catalog.valueStreams.map((s) => ({ value: s.key, label: s.name }))]}
        value={filter.valueStreamKey ?? ALL}
        onChange={(value) => onChange({ ...filter, valueStreamKey: value || null })}
      />
      <FilterSelect
        label="Status"
        testId="filter-status"
        options={(Object.keys(statusFilterLabels) as StatusFilter[]).map((status) => ({ value: status, label: statusFilterLabels[status] }))}
        value={filter.status}
        onChange={(value) => onChange({ ...filter, status: (value || 'current') as StatusFilter })}
      />
      <FilterSelect
        label="Owner (APO or ASM)"
        testId="filter-owner"
        options={[{ value: ALL, label: 'Anyone' }, ...owners.map((accountId) => ({ value: accountId, label: people.get(accountId)?.displayName ?? 'Unknown user' }))]}
        value={filter.ownerAccountId ?? ALL}
        onChange={(value) => onChange({ ...filter, ownerAccountId: value || null })}
      />
    </Inline>
  );
}
