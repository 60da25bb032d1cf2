import { addDays, addHours, addMinutes, addMonths, addWeeks, addYears, isValid, parse, parseISO } from 'date-fns';
import { JqlError } from './jiraErrors';

/** The absolute formats JQL accepts for dates (interpreted in the site's zone, UTC here). */
const ABSOLUTE_FORMATS = ['yyyy-MM-dd HH:mm', 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd', 'yyyy/MM/dd'];

const UNITS: Record<string, (date: Date, amount: number) => Date> = {
  y: addYears,
  M: addMonths,
  w: addWeeks,
  d: addDays,
  h: addHours,
  m: addMinutes,
};

/**
 * A JQL date operand as an instant: `2026-11-02`, `"2026-11-02 09:30"`, or a relative period from now
 * such as `-1d`, `-2w`, `4h`, `-1w2d` (Jira's units: y, M, w, d, h, m).
 */
export function jqlDate(text: string, field: string, now: Date): number {
  const relative = relativeDate(text.trim(), now);
  if (relative !== null) return relative;
  for (const format of ABSOLUTE_FORMATS) {
    const local = parse(text.trim(), format, new Date(0));
    if (isValid(local)) {
      // date-fns parses in the process's zone; the stand-in's site runs in UTC.
      return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes());
    }
  }
  const iso = parseISO(text.trim());
  if (isValid(iso) && text.includes('T')) return iso.getTime();
  throw new JqlError(
    `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

/** `-1w 2d` style periods, read one character at a time (no regular expressions for JQL). */
function relativeDate(text: string, now: Date): number | null {
  if (text.length === 0) return null;
  let sign = 1;
  let index = 0;
  if (text[0] === '-' || text[0] === '+') {
    sign = text[0] === '-' ? -1 : 1;
    index = 1;
  }
  let date = now;
  let sawUnit = false;
  while (index < text.length) {
    if (text[index] === ' ') {
      index++;
      continue;
    }
    let digits = '';
    while (index < text.length && (text[index] ?? '') >= '0' && (text[index] ?? '') <= '9') digits += text[index++];
    const unit = text[index++];
    const add = unit === undefined ? undefined : UNITS[unit];
    if (!digits || !add) return null;
    date = add(date, sign * Number(digits));
    sawUnit = true;
  }
  return sawUnit ? date.getTime() : null;
}
