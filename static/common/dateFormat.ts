/**
 * The one way every Process Loop app writes dates, in Jira's style: short month name, day, year and a
 * clock time where a moment matters ("Nov 25, 2026, 3:44 PM" for en-US, "25 Nov 2026, 04:44" for en-GB).
 * Intl picks the order, the 12/24-hour clock and the words from the viewer's locale; the explicit
 * options keep every screen on the same fields, so no screen falls back to "11/25/2026, 3:44:33 PM".
 * Intl also costs the issue panel's bundle nothing, unlike a date library's locale data.
 */

/** Locale and time zone to write in; both default to the viewer's (the browser's Intl defaults). */
export type DateFormatOptions = { locale?: string; timeZone?: string };

type Style = 'dateTime' | 'date' | 'time' | 'timeWithSeconds';

const fieldsByStyle: Record<Style, Intl.DateTimeFormatOptions> = {
  dateTime: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  date: { year: 'numeric', month: 'short', day: 'numeric' },
  time: { hour: 'numeric', minute: '2-digit' },
  timeWithSeconds: { hour: 'numeric', minute: '2-digit', second: '2-digit' },
};

// Building a DateTimeFormat is far slower than using one, and lists format many dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Jira writes "3:44 PM" on a 12-hour clock but "04:44" on a 24-hour one; Intl has no option for that pairing. */
function hourDigits(locale: string | undefined): '2-digit' | 'numeric' {
  const { hourCycle } = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions();
  return hourCycle === 'h23' || hourCycle === 'h24' ? '2-digit' : 'numeric';
}

function formatter(style: Style, options: DateFormatOptions): Intl.DateTimeFormat {
  const key = `${style}|${options.locale ?? ''}|${options.timeZone ?? ''}`;
  let cached = formatters.get(key);
  if (!cached) {
    const fields = fieldsByStyle[style];
    cached = new Intl.DateTimeFormat(options.locale, {
      ...fields,
      ...(fields.hour ? { hour: hourDigits(options.locale) } : {}),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
    formatters.set(key, cached);
  }
  return cached;
}

function format(style: Style, value: string | Date | null | undefined, options: DateFormatOptions): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  // Text that is not a date is shown as it came rather than as "Invalid Date".
  if (Number.isNaN(date.getTime())) return value instanceof Date ? '' : value;
  return formatter(style, options).format(date);
}

/** A moment: "Nov 25, 2026, 3:44 PM" / "25 Nov 2026, 15:44". Empty for no value; unparseable text as it came. */
export function formatDateTime(value: string | Date | null | undefined, options: DateFormatOptions = {}): string {
  return format('dateTime', value, options);
}

/** A day: "Nov 25, 2026" / "25 Nov 2026". Empty for no value; unparseable text as it came. */
export function formatDate(value: string | Date | null | undefined, options: DateFormatOptions = {}): string {
  // A bare calendar day ("2026-11-25") parses as UTC midnight; written in UTC it stays that day everywhere.
  const calendarDay = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return format('date', value, calendarDay ? { ...options, timeZone: 'UTC' } : options);
}

/** A time later today: "3:44 PM" / "15:44" ("04:44" on a 24-hour clock); with seconds where they matter ("try again after …"). */
export function formatTime(value: string | Date | null | undefined, options: DateFormatOptions & { seconds?: boolean } = {}): string {
  return format(options.seconds ? 'timeWithSeconds' : 'time', value, options);
}
