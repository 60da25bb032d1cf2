import { formatDate, formatDateTime, formatTime } from '../../../static/common/dateFormat';

// ICU puts a narrow no-break space before "PM" in some versions and a plain one in others.
const plain = (text: string) => text.replace(/\s/g, ' ');

const moment = '2026-11-25T15:44:33.000Z';
const us = { locale: 'en-US', timeZone: 'UTC' };
const uk = { locale: 'en-GB', timeZone: 'UTC' };

describe('formatDateTime', () => {
  it('writes a moment the way Jira does for the locale: short month, year, minutes, no seconds', () => {
    expect(plain(formatDateTime('2026-11-25T04:05:00Z', us))).toBe('Nov 25, 2026, 4:05 AM');
    expect(plain(formatDateTime('2026-11-25T04:05:00Z', uk))).toBe('25 Nov 2026, 04:05');
    expect(plain(formatDateTime(moment, us))).toBe('Nov 25, 2026, 3:44 PM');
    expect(plain(formatDateTime(moment, uk))).toBe('25 Nov 2026, 15:44');
  });

  it('writes the time in the time zone it is given', () => {
    expect(plain(formatDateTime(moment, { locale: 'en-GB', timeZone: 'Pacific/Auckland' }))).toBe('26 Nov 2026, 04:44');
    expect(plain(formatDateTime(moment, { locale: 'en-US', timeZone: 'America/New_York' }))).toBe('Nov 25, 2026, 10:44 AM');
  });

  it('accepts a Date as well as ISO text', () => {
    expect(formatDateTime(new Date(moment), uk)).toBe(formatDateTime(moment, uk));
  });

  it('shows text that is not a date as it came, and nothing for no date', () => {
    expect(formatDateTime('soon', uk)).toBe('soon');
    expect(formatDateTime(null, uk)).toBe('');
    expect(formatDateTime(undefined, uk)).toBe('');
    expect(formatDateTime(new Date(Number.NaN), uk)).toBe('');
  });

  it('uses the viewer’s locale and time zone when none is given', () => {
    const viewerLocale = new Intl.DateTimeFormat().resolvedOptions().locale;
    const viewerZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(formatDateTime(moment)).toBe(formatDateTime(moment, { locale: viewerLocale, timeZone: viewerZone }));
    expect(formatDate(moment)).toBe(formatDate(moment, { locale: viewerLocale, timeZone: viewerZone }));
  });
});

describe('formatDate', () => {
  it('writes only the day', () => {
    expect(formatDate(moment, us)).toBe('Nov 25, 2026');
    expect(formatDate(moment, uk)).toBe('25 Nov 2026');
  });

  it('agrees with formatDateTime on how the day is written', () => {
    expect(plain(formatDateTime(moment, uk)).startsWith(`${formatDate(moment, uk)}, `)).toBe(true);
    expect(plain(formatDateTime(moment, us)).startsWith(`${formatDate(moment, us)}, `)).toBe(true);
  });

  it('keeps a bare calendar day on that day in every time zone', () => {
    expect(formatDate('2026-11-25', { locale: 'en-GB', timeZone: 'America/Los_Angeles' })).toBe('25 Nov 2026');
    expect(formatDate('2026-11-25', { locale: 'en-GB', timeZone: 'Pacific/Kiritimati' })).toBe('25 Nov 2026');
  });

  it('takes the day from the time zone for a moment near midnight', () => {
    expect(formatDate('2026-11-25T23:30:00Z', { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toBe('26 Nov 2026');
  });

  it('shows nothing for no date and unparseable text as it came', () => {
    expect(formatDate(null, uk)).toBe('');
    expect(formatDate('', uk)).toBe('');
    expect(formatDate('next sprint', uk)).toBe('next sprint');
  });
});

describe('formatTime', () => {
  it('writes the clock time, with seconds only when asked', () => {
    expect(plain(formatTime(moment, us))).toBe('3:44 PM');
    expect(plain(formatTime(moment, { ...us, seconds: true }))).toBe('3:44:33 PM');
    expect(formatTime(moment, { ...uk, seconds: true })).toBe('15:44:33');
  });
});
