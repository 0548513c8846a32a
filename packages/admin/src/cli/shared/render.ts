/** How results look in a terminal: aligned columns, excerpts, local times. */

/** Columns padded to their widest cell; the last column is left ragged. */
export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i]! - width(cell)),
      )
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Characters, not UTF-16 units: "Tomás" and emoji line up. */
const width = (text: string) => [...text].length;

/** The first `max` characters, with an ellipsis when something was cut. */
export function excerpt(text: string, max = 40): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** A sort key in the machine's time zone (TZ), to the second: how people read times. */
export function localDateTime(timestamp: string): string {
  const d = new Date(Date.parse(timestamp));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

export const plural = (n: number, noun: string, nouns = `${noun}s`) =>
  `${n} ${n === 1 ? noun : nouns}`;
