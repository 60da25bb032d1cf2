import type { DurableStore } from '../../workbench/store/durableStore';
import { KVS_NAMESPACE, type StoredRow } from '../../workbench/kvs/kvsService';
import { formatNumber } from './reportTable';

/**
 * What the app keeps in KVS, per key family: keys and bytes (key + JSON value, what Forge counts against an
 * installation's storage). Chunks are counted with the record they belong to (`sprint-health-chunk:<base>:…`).
 */
export interface StorageFamily {
  family: string;
  keys: number;
  bytes: number;
}

export function familyOf(key: string): string {
  const base = key.startsWith('sprint-health-chunk:') ? key.slice('sprint-health-chunk:'.length) : key;
  const parts = base.split(':');
  return parts[0] === 'sprint-health' ? `${parts[0]}:${parts[1] ?? ''}` : (parts[0] ?? base);
}

export function storageUsage(store: DurableStore): StorageFamily[] {
  const families = new Map<string, StorageFamily>();
  for (const [key, row] of store.entries(KVS_NAMESPACE) as Array<[string, StoredRow]>) {
    const family = familyOf(key);
    const entry = families.get(family) ?? { family, keys: 0, bytes: 0 };
    entry.keys += 1;
    entry.bytes += Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(row.value) ?? '');
    families.set(family, entry);
  }
  return [...families.values()].sort((a, b) => b.bytes - a.bytes);
}

/** Only the sprint's own records: settings, catalog and the like are the site's, whatever the sprint. */
export const SPRINT_FAMILIES = /^sprint-health:(active|frozen|trend|snapshot|left|evt|job|running|takeover)$/;

const kb = (bytes: number) => `${formatNumber(bytes / 1024, 1)} KB`;

/** Lines for the report: one sprint's records, total and per family, and the figure per 1,000 issues. */
export function storageLines(label: string, issues: number, families: readonly StorageFamily[]): string[] {
  const sprint = families.filter((family) => SPRINT_FAMILIES.test(family.family));
  const keys = sprint.reduce((sum, family) => sum + family.keys, 0);
  const bytes = sprint.reduce((sum, family) => sum + family.bytes, 0);
  const per1000 = issues > 0 ? (bytes * 1000) / issues : 0;
  return [
    `${label} (${formatNumber(issues)} issues): ${formatNumber(keys)} keys, ${kb(bytes)} = ${kb(per1000)} per 1,000 issues`,
    ...sprint.map(
      (family) => `    ${family.family.padEnd(28)} ${formatNumber(family.keys).padStart(6)} keys  ${kb(family.bytes).padStart(12)}`,
    ),
  ];
}
