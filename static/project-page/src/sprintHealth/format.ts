import type { DateFormatOptions } from '../../../common/dateFormat';
import { withOverdueNote } from '../../../common/sprintOverdue';

/**
 * Number and date wording for the sprint health table. Short forms go in cells; screen readers
 * get the long form through aria-labels, so "2d 5h" is never the only text.
 */

/** "62%", or an em dash for "not applicable". */
export function formatPct(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value)}%`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2d 5h", "5h 20m", "40m"; an em dash when there is no flow time. */
export function formatDurationShort(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < MINUTE) return '<1m';
  if (ms >= DAY) {
    const days = Math.floor(ms / DAY);
    const hours = Math.floor((ms % DAY) / HOUR);
    return hours ? `${days}d ${hours}h` : `${days}d`;
  }
  const hours = Math.floor(ms / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  return hours ? (minutes ? `${hours}h ${minutes}m` : `${hours}h`) : `${minutes}m`;
}

/**
 * The criteria of a row that count in its score and rest on incomplete data: the health lozenge is marked when
 * there is any (a criterion left out of the score cannot move it).
 */
export function criteriaOnIncompleteData<C extends { key: string; passed: boolean | null }>(
  criteria: readonly C[],
  incompleteKeys: readonly string[],
): C[] {
  return criteria.filter((criterion) => criterion.passed !== null && incompleteKeys.includes(criterion.key));
}

export type HealthBand = 'green' | 'amber' | 'red';

/** "72 green": the score with its band in words, so colour is never the only signal; "…, on incomplete data" when marked. */
export function healthText(score: number | null, band: HealthBand | null, incomplete = false): string {
  if (score === null || band === null) return 'no score';
  return incomplete ? `${score} ${band}, on incomplete data` : `${score} ${band}`;
}

/** "1 issue", "3 issues". */
export function issues(count: number): string {
  return `${count} ${count === 1 ? 'issue' : 'issues'}`;
}

/**
 * "Nov 3" / "3 Nov": a day without its year, for the sprint picker, where the year would only crowd
 * the label. Same locale and zone defaults as the shared formatter (static/common/dateFormat.ts), which
 * has no year-less style; empty for no or unparseable value.
 */
export function formatShortDay(iso: string | null | undefined, options: DateFormatOptions = {}): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(options.locale, {
    month: 'short',
    day: 'numeric',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(date);
}

export type SprintLike = {
  name: string;
  state: 'active' | 'closed' | 'future';
  startDate?: string | null;
  endDate?: string | null;
  completeDate?: string | null;
  overdueNote?: string | null;
};

/**
 * "ITSM Sprint 6 · closed · Nov 3 – Nov 17" (plus the note of an active sprint past its end): what the
 * sprint picker offers.
 */
export function sprintLabel(sprint: SprintLike, options: DateFormatOptions = {}): string {
  const start = formatShortDay(sprint.startDate, options);
  const end = formatShortDay(sprint.completeDate ?? sprint.endDate, options);
  const dates = start ? ` · ${start} – ${end || '…'}` : '';
  return withOverdueNote(`${sprint.name} · ${sprint.state}${dates}`, sprint.overdueNote);
}

/**
 * Flow time for a cell on two short lines, median then 85th percentile ("7d 23h", "78d 6h"): one
 * line of "7d 23h / 78d 6h" was the widest cell of the table. Null when nothing has a flow time.
 */
export function flowTimeLines(p50Ms: number | null | undefined, p85Ms: number | null | undefined): [string, string] | null {
  if ((p50Ms === null || p50Ms === undefined) && (p85Ms === null || p85Ms === undefined)) return null;
  return [formatDurationShort(p50Ms), formatDurationShort(p85Ms)];
}

/** The viewer's time zone as the browser knows it (Forge's context also carries one). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
