/**
 * An item's size as DynamoDB bills it: attribute names and values in UTF-8 bytes; a number about
 * one byte per two digits plus one. Only the types this package writes (strings, numbers, lists
 * of strings) are counted.
 */
export function itemSize(item: Record<string, unknown>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    size += Buffer.byteLength(name) + valueSize(value);
  }
  return size;
}

function valueSize(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number')
    return Math.ceil(String(Math.abs(value)).replace('.', '').length / 2) + 1;
  if (Array.isArray(value)) return 3 + value.reduce<number>((sum, v) => sum + 1 + valueSize(v), 0);
  return 1;
}

/** Writes are billed per started kilobyte. */
export const WRITE_UNIT_BYTES = 1024;

/**
 * `text`, shortened at a character boundary (with an ellipsis) so that `item` with it as
 * attribute `name` stays within one write unit. Group rows hold the last message only as a
 * preview: a long message would otherwise double the cost of every move of both rows.
 */
export function fitWithinWriteUnit(
  item: Record<string, unknown>,
  name: string,
  text: string,
): string {
  const budget = WRITE_UNIT_BYTES - itemSize({ ...item, [name]: '' });
  if (Buffer.byteLength(text) <= budget) return text;
  const ellipsis = '…';
  let kept = '';
  let bytes = Buffer.byteLength(ellipsis);
  for (const char of text) {
    const next = Buffer.byteLength(char);
    if (bytes + next > budget) break;
    kept += char;
    bytes += next;
  }
  return `${kept.trimEnd()}${ellipsis}`;
}
