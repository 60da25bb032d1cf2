import { KNOWN_FIELDS, type Beans } from './beans';
import type { StoredIssue } from './jiraState';

/** Comma lists that may also come as repeated parameters (`fields=a,b&fields=c`) or JSON arrays. */
export function listParam(values: Array<string | undefined> | string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => (value ?? '').split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

export interface FieldSelection {
  fields: string[];
}

/**
 * Which fields to return: `*all` / `*navigable`, names, `-name` to exclude. `defaultAll` is GET
 * issue's default; the enhanced search defaults to `id` (no fields at all).
 */
export function selectFields(requested: string[], defaultAll: boolean): FieldSelection {
  const excluded = new Set(requested.filter((f) => f.startsWith('-')).map((f) => f.slice(1)));
  const positive = requested.filter((f) => !f.startsWith('-'));
  const all = positive.includes('*all') || positive.includes('*navigable') || (positive.length === 0 && defaultAll);
  const wanted = all ? [...KNOWN_FIELDS] : positive.filter((f) => f !== 'id' && f !== 'key');
  return { fields: [...new Set(wanted)].filter((f) => !excluded.has(f)) };
}

/** Which entity properties to return: keys, `*all`, `-key`. */
export function selectProperties(issue: StoredIssue, requested: string[]): Record<string, unknown> {
  const excluded = new Set(requested.filter((p) => p.startsWith('-')).map((p) => p.slice(1)));
  const keys = requested.includes('*all') ? Object.keys(issue.properties) : requested.filter((p) => !p.startsWith('-') && p !== '*all');
  const result: Record<string, unknown> = {};
  for (const key of keys) if (!excluded.has(key) && key in issue.properties) result[key] = issue.properties[key];
  return result;
}

export function issueBean(beans: Beans, issue: StoredIssue, selection: FieldSelection, properties: string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const fieldId of selection.fields) {
    const field = beans.fieldValue(issue, fieldId);
    if (field.present) fields[fieldId] = field.value;
  }
  return {
    id: issue.id,
    self: beans.url(`/rest/api/3/issue/${issue.id}`),
    key: issue.key,
    fields,
    ...(properties.length ? { properties: selectProperties(issue, properties) } : {}),
  };
}
