import { calendarDay, dayLabel } from './message-time';
import { parseTimestamp, type TimeFormatOptions } from './time-format';

/** Messages from one sender this close together (and on the same day) read as one run. */
const RUN_GAP_MS = 5 * 60_000;

interface Placed {
  messageUuid: string;
  createdAt: string;
  sender: { uuid: string };
}

export type ThreadRow<T> =
  | { kind: 'day'; key: string; label: string }
  | {
      kind: 'message';
      key: string;
      item: T;
      /** First of a run of messages from one sender (a new run gets more space above it). */
      startsRun: boolean;
      /** Last of its run (the bubble's tail, the sender's name for screen readers). */
      endsRun: boolean;
    };

/**
 * The thread as it is drawn: a separator before each day's first message ("Today",
 * "Yesterday", a date, in the reader's time zone), and consecutive messages of one sender a few
 * minutes apart marked as one run. `items` are in thread order.
 */
export function layoutThread<T extends Placed>(
  items: readonly T[],
  options: TimeFormatOptions = {},
): ThreadRow<T>[] {
  type MessageRow = Extract<ThreadRow<T>, { kind: 'message' }>;
  const rows: ThreadRow<T>[] = [];
  let previous: { row: MessageRow; day: string; at: number } | undefined;
  for (const item of items) {
    const date = parseTimestamp(item.createdAt);
    const day = calendarDay(date, options);
    const at = date.getTime();
    if (previous?.day !== day)
      rows.push({ kind: 'day', key: `day ${day}`, label: dayLabel(day, options) });
    const continues =
      previous !== undefined &&
      previous.day === day &&
      previous.row.item.sender.uuid === item.sender.uuid &&
      at - previous.at < RUN_GAP_MS;
    if (previous && !continues) previous.row.endsRun = true;
    const row: MessageRow = {
      kind: 'message',
      key: item.messageUuid,
      item,
      startsRun: !continues,
      endsRun: false,
    };
    rows.push(row);
    previous = { row, day, at };
  }
  if (previous) previous.row.endsRun = true;
  return rows;
}
