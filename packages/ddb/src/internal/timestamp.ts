/**
 * Sort keys are UTC instants written `YYYY-MM-DDTHH:MM:SS.ffffff+00:00`: the format the original
 * Python code produced with `datetime.isoformat()`. Fixed width and fixed precision make string
 * order equal time order, which every query and every condition in this package relies on.
 */
export const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/;

const MICROS_PER_MS = 1000;

/** `date` plus `microseconds` (0–999, below the date's millisecond) as a sort key. */
export function formatTimestamp(date: Date, microseconds = 0): string {
  if (!Number.isInteger(microseconds) || microseconds < 0 || microseconds >= MICROS_PER_MS) {
    throw new RangeError(`microseconds must be an integer from 0 to 999, got ${microseconds}`);
  }
  const iso = date.toISOString(); // 2026-11-24T19:03:07.123Z
  if (iso.length !== 24) throw new RangeError(`year out of range for a sort key: ${iso}`);
  return `${iso.slice(0, 23)}${String(microseconds).padStart(3, '0')}+00:00`;
}

/** Microseconds since the epoch of a sort key; throws on anything that is not one. */
export function timestampToMicros(timestamp: string): number {
  if (!TIMESTAMP_PATTERN.test(timestamp))
    throw new RangeError(`not a sort key timestamp: ${timestamp}`);
  const ms = Date.parse(`${timestamp.slice(0, 23)}Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a valid date: ${timestamp}`);
  return ms * MICROS_PER_MS + Number(timestamp.slice(23, 26));
}

export function timestampFromMicros(micros: number): string {
  const ms = Math.floor(micros / MICROS_PER_MS);
  return formatTimestamp(new Date(ms), micros - ms * MICROS_PER_MS);
}

/** The sort key one microsecond later: where a write goes when its key is already taken. */
export function nextMicrosecond(timestamp: string): string {
  return timestampFromMicros(timestampToMicros(timestamp) + 1);
}

export function isTimestamp(value: string): boolean {
  return TIMESTAMP_PATTERN.test(value) && !Number.isNaN(Date.parse(`${value.slice(0, 23)}Z`));
}

let lastIssued = 0;

/**
 * The current time as a sort key, strictly increasing within this process: sequential sends keep
 * their order even inside one millisecond, and concurrent sends start on distinct keys (other
 * processes can still pick the same key; the conditional writes handle that).
 */
export function nowTimestamp(): string {
  lastIssued = Math.max(Date.now() * MICROS_PER_MS, lastIssued + 1);
  return timestampFromMicros(lastIssued);
}
