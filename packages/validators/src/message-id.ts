/**
 * Message ids are UUID version 7 (RFC 9562) carrying the message's time to the microsecond: 48 bits
 * of Unix milliseconds, then the fraction of the millisecond in the 12 `rand_a` bits (the RFC's
 * "increased clock precision", method 3), then 62 random bits. The data layer derives a message's
 * sort key from its id, so a retried send lands on the very same key and is found there instead
 * of being stored twice, with no extra item to write.
 */

const FRACTION_STEPS = 4096;

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20)}`;
}

/** A version-7 id for the instant `micros` (microseconds since the Unix epoch). */
export function messageIdAt(
  micros: number,
  random: Uint8Array = globalThis.crypto.getRandomValues(new Uint8Array(16)),
): string {
  if (!Number.isSafeInteger(micros) || micros < 0) throw new RangeError(`not a time: ${micros}`);
  const ms = Math.floor(micros / 1000);
  // Rounded up so that decoding (rounding down) gives the same microsecond back.
  const fraction = Math.ceil(((micros - ms * 1000) * FRACTION_STEPS) / 1000);
  const bytes = new Uint8Array(16);
  let rest = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  bytes[6] = 0x70 | (fraction >> 8);
  bytes[7] = fraction & 0xff;
  bytes[8] = 0x80 | (random[8]! & 0x3f);
  for (let i = 9; i < 16; i++) bytes[i] = random[i]!;
  return hex(bytes);
}

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The instant a version-7 id carries, in microseconds; null for any other id. */
export function microsOfMessageId(id: string): number | null {
  if (!V7.test(id)) return null;
  const digits = id.replaceAll('-', '');
  const ms = parseInt(digits.slice(0, 12), 16);
  const fraction = parseInt(digits.slice(13, 16), 16);
  return ms * 1000 + Math.floor((fraction * 1000) / FRACTION_STEPS);
}

/**
 * Ids for messages written here, one after the other: strictly increasing even within one
 * microsecond, so sends keep the order they were made in. `clock` returns microseconds since the
 * epoch (the web app passes one aligned with the server's clock).
 */
export function messageIdClock(clock: () => number = () => Date.now() * 1000) {
  let last = 0;
  return (): string => {
    last = Math.max(Math.floor(clock()), last + 1);
    return messageIdAt(last);
  };
}
