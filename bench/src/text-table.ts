export type Cell = string | number;

/**
 * A plain-text table for a terminal. `align` has one letter per column, `l` or `r`; by default
 * the first column is left-aligned and the figures after it right-aligned.
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  align = `l${'r'.repeat(Math.max(0, header.length - 1))}`,
): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) =>
    Math.max(...cells.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        align[column] === 'r' ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return cells.map(line).join('\n');
}

/** The same table in Markdown, for pasting into a README. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  align = `l${'r'.repeat(Math.max(0, header.length - 1))}`,
): string {
  const line = (row: readonly Cell[]) => `| ${row.map(String).join(' | ')} |`;
  const rule = header.map((_, column) => (align[column] === 'r' ? '---:' : '---'));
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}

/**
 * How a report is written out: a section is a title, a table and notes under it, each note one
 * paragraph (wrapped for a terminal, left whole for Markdown, which flows it).
 */
export interface ReportFormat {
  section(title: string, table: Parameters<typeof textTable>, notes?: string[]): string;
}

const TERMINAL_WIDTH = 110;

/** A paragraph broken into lines of at most TERMINAL_WIDTH characters (a longer word stands alone). */
export function wrap(paragraph: string, width = TERMINAL_WIDTH): string[] {
  const lines: string[] = [];
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export const TEXT: ReportFormat = {
  section: (title, table, notes = []) =>
    [title, textTable(...table), ...notes.flatMap((note) => wrap(note))].join('\n'),
};

// Markdown needs blank lines around a table; the title is bold rather than a heading so that the
// block can be pasted under any heading level.
export const MARKDOWN: ReportFormat = {
  section: (title, table, notes = []) =>
    [`**${title}**`, markdownTable(...table), ...notes].join('\n\n'),
};
