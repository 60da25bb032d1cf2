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

/** "1 issue", "3 issues". */
export function issues(count: number): string {
  return `${count} ${count === 1 ? 'issue' : 'issues'}`;
}

/** "3 Nov" in the viewer's zone, or null when there is no date. */
export function formatDay(iso: string | null | undefined, timeZone?: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
}

/** "14:02:05" in the viewer's zone. */
export function formatClock(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

export type SprintLike = { name: string; state: 'active' | 'closed' | 'future'; startDate?: string | null; endDate?: string | null; completeDate?: string | null };

/** "ITSM Sprint 6 · closed · 3 Nov – 17 Nov": what the sprint picker offers. */
export function sprintLabel(sprint: SprintLike, timeZone?: string): string {
  const start = formatDay(sprint.startDate, timeZone);
  const end = formatDay(sprint.completeDate ?? sprint.endDate, timeZone);
  const dates = start ? ` · ${start} – ${end ?? '…'}` : '';
  return `${sprint.name} · ${sprint.state}${dates}`;
}

/** The viewer's time zone as the browser knows it (Forge's context also carries one). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
