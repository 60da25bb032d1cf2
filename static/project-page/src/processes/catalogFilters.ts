import type { CatalogProcess } from '../../../common/catalogTypes';

export type StatusFilter = 'current' | 'all' | 'active' | 'draft' | 'retired';
export type CatalogFilter = { valueStreamKey: string | null; status: StatusFilter; ownerAccountId: string | null };

/** By default retired processes are hidden; they stay one filter away. */
export const defaultCatalogFilter: CatalogFilter = { valueStreamKey: null, status: 'current', ownerAccountId: null };

export const statusFilterLabels: Record<StatusFilter, string> = {
  current: 'Active and draft',
  all: 'All, including retired',
  active: 'Active',
  draft: 'Draft',
  retired: 'Retired',
};

/** An owner matches as APO or as ASM. */
export function filterProcesses(processes: readonly CatalogProcess[], filter: CatalogFilter): CatalogProcess[] {
  return processes.filter((process) => {
    if (filter.valueStreamKey !== null && process.valueStreamKey !== filter.valueStreamKey) return false;
    if (filter.status === 'current' && process.status === 'retired') return false;
    if (filter.status !== 'current' && filter.status !== 'all' && process.status !== filter.status) return false;
    if (filter.ownerAccountId !== null && process.apoAccountId !== filter.ownerAccountId && process.asmAccountId !== filter.ownerAccountId)
      return false;
    return true;
  });
}
