import { parseTimestamp, type TimeFormatOptions } from './time-format';

type CalendarOptions = Omit<TimeFormatOptions, 'now'>;

const DAY_MS = 86_400_000;

/** The calendar day of an instant where the reader is, as `YYYY-MM-DD` (a key that sorts). */
export function calendarDay(date: Date, { timeZone }: CalendarOptions = {}): string {
  // en-CA writes dates as YYYY-MM-DD whatever the reader's own locale is.
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(date);
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * A day separator's words: "Today", "Yesterday" (in the reader's language), then the weekday and
 * date ("Monday, November 23"), with the year when it is not this year's.
 */
export function dayLabel(day: string, options: TimeFormatOptions = {}): string {
  const { now = new Date(), locale } = options;
  const today = calendarDay(now, options);
  const daysAgo = dayNumber(today) - dayNumber(day);
  if (daysAgo === 0 || daysAgo === 1) {
    const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-daysAgo, 'day');
    return words.charAt(0).toLocaleUpperCase(locale) + words.slice(1);
  }
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: day.slice(0, 4) === today.slice(0, 4) ? undefined : 'numeric',
    // The day is already the reader's: format it as the calendar date it names.
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

/** The time of day a message was sent ("7:03 PM"): its day is in the separator above it. */
export function formatClockTime(iso: string, options: CalendarOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale, {
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(parseTimestamp(iso));
}

/** The exact instant, to the second, for hovering or focusing a message's time. */
export function formatExactTime(iso: string, options: CalendarOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'full',
    timeStyle: 'medium',
    timeZone: options.timeZone,
  }).format(parseTimestamp(iso));
}
