import { Inline } from '@atlaskit/primitives/compiled/inline';
import { usersById, type Catalog } from '../../../common/catalogTypes';
import { LabelledSelect } from '../LabelledSelect';
import { statusFilterLabels, type CatalogFilter, type StatusFilter } from './catalogFilters';

const ALL = '';

/** Narrow the catalog by value stream, status and owner (APO or ASM). */
export function CatalogFilters({
  catalog,
  filter,
  onChange,
}: {
  catalog: Catalog;
  filter: CatalogFilter;
  onChange: (filter: CatalogFilter) => void;
}) {
  const people = usersById(catalog.users);
  const owners = [...new Set(catalog.processes.flatMap((p) => [p.apoAccountId, ...(p.asmAccountId ? [p.asmAccountId] : [])]))];
  return (
    <Inline space="space.200" shouldWrap role="group" aria-label="Filter processes">
      <LabelledSelect
        label="Value stream"
        testId="filter-value-stream"
        options={[{ value: ALL, label: 'All value streams' }, ...catalog.valueStreams.map((s) => ({ value: s.key, label: s.name }))]}
        value={filter.valueStreamKey ?? ALL}
        onChange={(value) => onChange({ ...filter, valueStreamKey: value || null })}
      />
      <LabelledSelect
        label="Status"
        testId="filter-status"
        options={(Object.keys(statusFilterLabels) as StatusFilter[]).map((status) => ({
          value: status,
          label: statusFilterLabels[status],
        }))}
        value={filter.status}
        onChange={(value) => onChange({ ...filter, status: value || 'current' })}
      />
      <LabelledSelect
        label="Owner (APO or ASM)"
        testId="filter-owner"
        options={[
          { value: ALL, label: 'Anyone' },
          ...owners.map((accountId) => ({ value: accountId, label: people.get(accountId)?.displayName ?? 'Unknown user' })),
        ]}
        value={filter.ownerAccountId ?? ALL}
        onChange={(value) => onChange({ ...filter, ownerAccountId: value || null })}
      />
    </Inline>
  );
}
