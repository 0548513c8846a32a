import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../outbox/outbox';
import type { OutboxEntry } from '../outbox/outbox-queue';
import { GROUP, mira, tomas } from '../testing/fixtures';
import { pendingView } from './use-send-message';

function item(
  key: string,
  writtenAt: number,
  phase: OutboxItem['phase'],
  extra: Partial<OutboxEntry> = {},
): OutboxItem {
  return {
    phase,
    entry: {
      key,
      messageUuid: `id-${key}`,
      to: { messageGroupUuid: GROUP },
      text: `text ${key}`,
      sender: mira,
      writtenAt,
      since: writtenAt,
      tried: false,
      refused: null,
      ...extra,
    },
  };
}

describe('pendingView', () => {
  it('shows a view’s own messages in the order written, with how their sending goes', () => {
    const view = pendingView(
      [
        item('b', 2, 'slow'),
        item('a', 1, 'sending'),
        item('c', 3, 'failed', { refused: 'blocked' }),
        item('x', 0, 'sending', { to: { messageGroupUuid: 'another' } }),
      ],
      { messageGroupUuid: GROUP },
    );
    expect(view.pending.map((p) => [p.message, p.status])).toEqual([
      ['text a', 'sending'],
      ['text b', 'sending'],
      ['text c', 'failed'],
    ]);
    expect([...view.labels]).toEqual([['id-b', 'Still sending…']]);
    expect(view.refusal).toBe('blocked');
  });

  it('shows what was written to the other person before the conversation was known', () => {
    const view = pendingView([item('a', 1, 'sending', { to: { handle: 'Tomas', other: tomas } })], {
      messageGroupUuid: GROUP,
      handle: 'tomas',
    });
    expect(view.pending).toHaveLength(1);
    expect(view.pending[0]!.messageGroupUuid).toBe('');
  });
});
