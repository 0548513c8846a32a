/**
 * Sort keys are instants written `YYYY-MM-DDTHH:MM:SS.ffffff+00:00`: UTC, microseconds, fixed
 * width, so that string order equals time order, which every query and condition of this project
 * relies on. That is the canonical form, and the only one this package writes.
 *
 * The original Python code wrote `datetime.now(timezone.utc).astimezone().isoformat()`: the host's
 * local offset (`2023-03-22T14:03:07.123456-05:00`), and no fraction when the microsecond is 0
 * (`2023-03-22T19:03:07+00:00`). Those are read everywhere (`parseSortKey`), compared as instants,
 * and rewritten to the canonical form by `pnpm ddb migrate`.
 */
export const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;

// Any ISO-8601 date-time with seconds, an optional fraction (up to nanoseconds) and an offset.
const ANY_SORT_KEY =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))$/;

const MICROS_PER_MS = 1000;

/** `date` plus `microseconds` (0–999, below the date's millisecond) as a canonical sort key. */
export function formatTimestamp(date: Date, microseconds = 0): string {
  if (!Number.isInteger(microseconds) || microseconds < 0 || microseconds >= MICROS_PER_MS) {
    throw new RangeError(`microseconds must be an integer from 0 to 999, got ${microseconds}`);
  }
  const iso = date.toISOString(); // 2026-11-24T19:03:07.123Z
  if (iso.length !== 24) throw new RangeError(`year out of range for a sort key: ${iso}`);
  return `${iso.slice(0, 23)}${String(microseconds).padStart(3, '0')}+00:00`;
}

/** A sort key's microseconds for ordering: anything unreadable (or absent) before every key. */
export const sortKeyMicros = (value: unknown): number => parseSortKey(value) ?? -Infinity;

/**
 * Microseconds since the epoch of any sort key the original or this project wrote, or null when
 * `value` is not one (not a date-time, or not a real one: month 13, hour 25, year 0000).
 */
export function parseSortKey(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = ANY_SORT_KEY.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction = '', zone, sign, oh, om] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  const offsetMinutes = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  if (year! < 1 || month! < 1 || month! > 12 || hour! > 23 || minute! > 59 || second! > 59)
    return null;
  if (Number(oh ?? 0) > 23 || Number(om ?? 0) > 59) return null;
  const ms = Date.UTC(year!, month! - 1, day, hour, minute, second);
  // Date.UTC rolls 31 February over into March: a real date reads back the same day.
  if (new Date(ms).getUTCDate() !== day) return null;
  const micros = Number(fraction.padEnd(6, '0').slice(0, 6));
  return (ms - offsetMinutes * 60_000) * MICROS_PER_MS + micros;
}

/** Microseconds since the epoch of a canonical sort key; throws on anything that is not one. */
export function timestampToMicros(timestamp: string): number {
  const micros = TIMESTAMP_PATTERN.test(timestamp) ? parseSortKey(timestamp) : null;
  if (micros === null) throw new RangeError(`not a sort key timestamp: ${timestamp}`);
  return micros;
}

export function timestampFromMicros(micros: number): string {
  const ms = Math.floor(micros / MICROS_PER_MS);
  return formatTimestamp(new Date(ms), micros - ms * MICROS_PER_MS);
}

/** The canonical form of any readable sort key (the same instant), or null. */
export function canonicalSortKey(value: unknown): string | null {
  const micros = parseSortKey(value);
  return micros === null ? null : timestampFromMicros(micros);
}

/** The sort key one microsecond later: where a write goes when its key is already taken. */
export function nextMicrosecond(timestamp: string): string {
  return timestampFromMicros(timestampToMicros(timestamp) + 1);
}

/** A canonical sort key of a real instant. */
export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && TIMESTAMP_PATTERN.test(value) && parseSortKey(value) !== null;
}

let lastIssued = 0;

/**
 * The current time in microseconds, strictly increasing within this process: sequential sends
 * keep their order even inside one millisecond, and concurrent sends start on distinct keys
 * (other processes can still pick the same key; the conditional writes handle that).
 */
export function nowMicros(): number {
  lastIssued = Math.max(Date.now() * MICROS_PER_MS, lastIssued + 1);
  return lastIssued;
}

export function nowTimestamp(): string {
  return timestampFromMicros(nowMicros());
}
