import type { ChangeHistory, ChangeItem } from './types';

/** Milliseconds since the epoch of an ISO instant; Jira's "+1300" offsets parse too. */
export function instant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not a date-time: ${iso}`);
  return ms;
}

export const toIso = (ms: number): string => new Date(ms).toISOString();

/** A value that changes at instants: the value at t is the one set by the last change at or before t. */
export class Timeline<T> {
  readonly times: number[] = [];
  readonly values: T[] = [];

  /** Changes must be pushed in time order. */
  push(time: number, value: T): void {
    this.times.push(time);
    this.values.push(value);
  }

  /** Index of the last change at or before t (inclusive) or strictly before t. */
  private indexAt(t: number, inclusive: boolean): number {
    let lo = 0;
    let hi = this.times.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const time = this.times[mid] as number;
      if (inclusive ? time <= t : time < t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** The value at t, counting changes made at t; `fallback` before the first change. */
  at(t: number, fallback: T): T {
    const i = this.indexAt(t, true);
    return i < 0 ? fallback : (this.values[i] as T);
  }

  /** The value just before t: changes made exactly at t don't count. */
  before(t: number, fallback: T): T {
    const i = this.indexAt(t, false);
    return i < 0 ? fallback : (this.values[i] as T);
  }

  /** Time of the change that set the value at t (inclusive), or null when none did. */
  setAt(t: number): number | null {
    const i = this.indexAt(t, true);
    return i < 0 ? null : (this.times[i] as number);
  }
}

/** Histories in time order; ties by history id, then by content, so any input order gives one answer. */
export function sortHistories(histories: readonly ChangeHistory[]): Array<{ time: number; history: ChangeHistory }> {
  const timed = histories.map((history) => ({ time: instant(history.created), history }));
  return timed.sort((a, b) => a.time - b.time || compareIds(a.history.id, b.history.id) || compareContent(a.history, b.history));
}

function compareIds(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareContent(a: ChangeHistory, b: ChangeHistory): number {
  const ka = JSON.stringify(a.items);
  const kb = JSON.stringify(b.items);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** "12, 13" → [12, 13]: the Sprint field's changelog names sprints as text, the one place ids are strings. */
export function parseSprintIds(value: string | null): number[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^\d+$/.test(part))
    .map(Number);
}

export interface FieldMatcher {
  status(item: ChangeItem): boolean;
  sprint(item: ChangeItem): boolean;
  flagged(item: ChangeItem): boolean;
}

export function fieldMatcher(fields: { sprint?: string; flagged?: string } = {}): FieldMatcher {
  const sprintId = fields.sprint ?? 'customfield_10020';
  const flaggedId = fields.flagged ?? 'customfield_10021';
  return {
    status: (item) => item.fieldId === 'status' || (item.fieldId == null && item.field.toLowerCase() === 'status'),
    sprint: (item) => item.fieldId === sprintId || (item.fieldId == null && item.field === 'Sprint'),
    flagged: (item) => item.fieldId === flaggedId || (item.fieldId == null && item.field === 'Flagged'),
  };
}

/** Flagged is set when its display value is non-empty (Jira writes "Impediment"), cleared when empty. */
export const isFlagValue = (value: string | null): boolean => Boolean(value && value.trim());
