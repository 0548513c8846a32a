/** How a command's result reaches the person or script that ran it. */
export interface Output {
  json: boolean;
  /** The result: printed as JSON under --json, else rendered by `human`. */
  result<T>(value: T, human: (value: T) => string): void;
  /** Progress of long work, for people only (stderr, so that stdout stays the result). */
  progress(line: string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result: (value, human) => {
      process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human(value)}\n`);
    },
    progress: (line) => {
      if (!json) process.stderr.write(`${line}\n`);
    },
  };
}

/** A failure the user can act on; main prints its message as the one error line. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

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

export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
