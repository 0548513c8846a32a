export interface TimeFormatOptions {
  /** The reference instant; injectable so that output is deterministic in tests. */
  now?: Date;
  /** BCP 47 locale; the browser's when omitted. */
  locale?: string;
  /** IANA time zone for calendar dates; the browser's when omitted. */
  timeZone?: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The API sends microsecond timestamps (`2026-11-24T19:03:07.123456+00:00`). ECMAScript only
 * defines millisecond precision for `Date.parse`, so the extra digits are cut rather than trusting
 * every engine to be lenient.
 */
export function parseTimestamp(iso: string): Date {
  return new Date(iso.replace(/(\.\d{3})\d+/, '$1'));
}

/** "3m", "2h": the narrowest unit style the locale has. */
function narrow(value: number, unit: 'minute' | 'hour', locale: string | undefined): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' }).format(
    value,
  );
}

function yearIn(date: Date, locale: string | undefined, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone }).format(date);
}

/**
 * A compact age for lists: "now", "3m", "2h", then the calendar date ("Nov 3"), with the year
 * when it is not the current one ("Nov 3, 2025"). Times slightly in the future (clock skew between
 * this device and the server) read as "now".
 */
export function formatRelativeTime(iso: string, options: TimeFormatOptions = {}): string {
  const { now = new Date(), locale, timeZone } = options;
  const date = parseTimestamp(iso);
  const elapsed = now.getTime() - date.getTime();

  if (elapsed < MINUTE) {
    return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second');
  }
  if (elapsed < HOUR) return narrow(Math.floor(elapsed / MINUTE), 'minute', locale);
  if (elapsed < DAY) return narrow(Math.floor(elapsed / HOUR), 'hour', locale);
  const sameYear = yearIn(date, locale, timeZone) === yearIn(now, locale, timeZone);
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    year: sameYear ? undefined : 'numeric',
    timeZone,
  }).format(date);
}

/** The full date and time, for tooltips and screen readers next to a compact time. */
export function formatFullTime(iso: string, options: Omit<TimeFormatOptions, 'now'> = {}): string {
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(parseTimestamp(iso));
}
