import { describe, expect, it } from 'vitest';
import { MARKDOWN, markdownTable, TEXT, textTable, wrap } from './text-table';

describe('textTable', () => {
  it('pads every column to its widest cell, text left and figures right by default', () => {
    expect(
      textTable(
        ['op', 'p50 ms'],
        [
          ['messages.list', 3.5],
          ['x', 120],
        ],
      ),
    ).toBe(['op             p50 ms', 'messages.list     3.5', 'x                 120'].join('\n'));
  });

  it('follows an explicit alignment and drops trailing spaces', () => {
    expect(textTable(['a', 'b', 'c'], [['1', 'long', 'z']], 'rll')).toBe(
      ['a  b     c', '1  long  z'].join('\n'),
    );
  });
});

describe('markdownTable', () => {
  it('writes a header rule with right-aligned figure columns', () => {
    expect(markdownTable(['op', 'req/s'], [['messages.list', 250]])).toBe(
      ['| op | req/s |', '| --- | ---: |', '| messages.list | 250 |'].join('\n'),
    );
  });
});

describe('report formats', () => {
  it('set a title above the table and notes below, with blank lines in Markdown', () => {
    const table: Parameters<typeof textTable> = [['a'], [[1]]];
    expect(TEXT.section('Title', table, ['note'])).toBe('Title\na\n1\nnote');
    expect(MARKDOWN.section('Title', table, ['note'])).toBe(
      '**Title**\n\n| a |\n| --- |\n| 1 |\n\nnote',
    );
  });

  it('wrap a long note for the terminal and keep it one paragraph in Markdown', () => {
    const table: Parameters<typeof textTable> = [['a'], [[1]]];
    const note = `${'word '.repeat(30).trim()}`;
    const text = TEXT.section('Title', table, [note]).split('\n').slice(3);
    expect(text.length).toBeGreaterThan(1);
    expect(text.every((line) => line.length <= 110)).toBe(true);
    expect(text.join(' ')).toBe(note);
    expect(MARKDOWN.section('Title', table, [note, 'second']).endsWith(`${note}\n\nsecond`)).toBe(
      true,
    );
  });
});

describe('wrap', () => {
  it('breaks at spaces within the width and leaves a longer word whole', () => {
    expect(wrap('aa bb cc', 5)).toEqual(['aa bb', 'cc']);
    expect(wrap('abcdefgh ij', 5)).toEqual(['abcdefgh', 'ij']);
    expect(wrap('   ')).toEqual([]);
  });
});
