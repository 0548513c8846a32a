import { describe, expect, it } from 'vitest';
import { message, mira, tomas } from '../testing/fixtures';
import { layoutThread, type ThreadRow } from './thread-layout';

const utc = { now: new Date('2026-11-24T19:30:00.000Z'), locale: 'en-US', timeZone: 'UTC' };
const at = (n: number, createdAt: string, sender = mira) => ({ ...message(n, sender), createdAt });

/** Each row as a short string: a day's label, or a message's number with its run edges. */
function shape(rows: ThreadRow<ReturnType<typeof at>>[]): string[] {
  return rows.map((row) =>
    row.kind === 'day'
      ? row.label
      : `${row.item.message.replace('message ', '')}${row.startsRun ? '[' : ''}${row.endsRun ? ']' : ''}`,
  );
}

describe('layoutThread', () => {
  it('puts a separator before the first message of each day', () => {
    const rows = layoutThread(
      [
        at(1, '2026-11-22T10:00:00.000000+00:00'),
        at(2, '2026-11-23T23:59:59.000000+00:00'),
        at(3, '2026-11-24T00:00:00.000000+00:00'),
        at(4, '2026-11-24T19:00:00.000000+00:00', tomas),
      ],
      utc,
    );
    expect(shape(rows)).toEqual([
      'Sunday, November 22',
      '1[]',
      'Yesterday',
      '2[]',
      'Today',
      '3[]',
      '4[]',
    ]);
  });

  it('runs consecutive messages of one sender a few minutes apart together', () => {
    const rows = layoutThread(
      [
        at(1, '2026-11-24T19:00:00.000000+00:00'),
        at(2, '2026-11-24T19:01:00.000000+00:00'),
        at(3, '2026-11-24T19:04:59.000000+00:00'),
        // Ten minutes later: a new run even from the same sender.
        at(4, '2026-11-24T19:15:00.000000+00:00'),
        at(5, '2026-11-24T19:15:30.000000+00:00', tomas),
        at(6, '2026-11-24T19:16:00.000000+00:00'),
        at(7, '2026-11-24T19:16:10.000000+00:00'),
      ],
      utc,
    );
    expect(shape(rows)).toEqual(['Today', '1[', '2', '3]', '4[]', '5[]', '6[', '7]']);
  });

  it('never runs messages across midnight', () => {
    const rows = layoutThread(
      [at(1, '2026-11-23T23:59:00.000000+00:00'), at(2, '2026-11-24T00:01:00.000000+00:00')],
      utc,
    );
    expect(shape(rows)).toEqual(['Yesterday', '1[]', 'Today', '2[]']);
  });

  it('keys rows by message and by day, so a re-render keeps them', () => {
    const rows = layoutThread([at(1, '2026-11-24T19:00:00.000000+00:00')], utc);
    expect(rows.map((r) => r.key)).toEqual(['day 2026-11-24', message(1).messageUuid]);
    expect(layoutThread([], utc)).toEqual([]);
  });
});
