import { describe, expect, it } from 'vitest';
import { message, mira, page, tomas } from '../testing/fixtures';
import {
  reconcileThread,
  seenMessageUuid,
  threadFromPages,
  withMessage,
  withOtherReadAt,
  type PendingMessage,
} from './thread-messages';

const uuids = (list: { messageUuid: string }[]) => list.map((m) => m.messageUuid);

describe('threadFromPages', () => {
  it('puts older pages first and keeps each page oldest→newest', () => {
    const newest = page([message(3), message(4)], 'cursor');
    const older = page([message(1), message(2)]);
    expect(uuids(threadFromPages([newest, older]))).toEqual(
      uuids([message(1), message(2), message(3), message(4)]),
    );
  });

  it('shows a message that two pages both hold once', () => {
    expect(
      threadFromPages([page([message(2), message(3)]), page([message(1), message(2)])]),
    ).toHaveLength(3);
  });

  it('shows the newest version of a message that two pages hold in different versions', () => {
    const edited = { ...message(2), message: 'edited', rev: 3 };
    expect(threadFromPages([page([edited, message(3)]), page([message(1), message(2)])])[1]).toBe(
      edited,
    );
    expect(threadFromPages([page([message(2), message(3)]), page([message(1), edited])])[1]).toBe(
      edited,
    );
  });

  it('keeps time order when the newest page holds a live message older than the next page', () => {
    const newest = page([message(2), message(5), message(6)], 'cursor');
    const older = page([message(3), message(4)]);
    expect(uuids(threadFromPages([newest, older]))).toEqual(
      uuids([2, 3, 4, 5, 6].map((n) => message(n))),
    );
  });
});

describe('withMessage', () => {
  const data = {
    pages: [page([message(3), message(5)], 'c'), page([message(1)])],
    pageParams: [undefined, 'c'],
  };

  it('adds a new message to the newest page in time order', () => {
    const next = withMessage(data, message(4, tomas));
    expect(uuids(next!.pages[0]!.items)).toEqual(uuids([message(3), message(4), message(5)]));
    expect(next!.pages[1]).toBe(data.pages[1]);
    expect(next!.pageParams).toBe(data.pageParams);
  });

  it('returns the same data for a message it already holds, on any page', () => {
    expect(withMessage(data, message(5))).toBe(data);
    expect(withMessage(data, message(1))).toBe(data);
  });

  it('adds a message older than everything loaded once no older page remains', () => {
    const next = withMessage(data, message(0));
    expect(uuids(next!.pages[0]!.items)).toContain(message(0).messageUuid);
  });

  it('leaves a replayed message older than everything loaded to the page that will hold it', () => {
    const partial = { pages: [page([message(3), message(5)], 'c')], pageParams: [undefined] };
    expect(withMessage(partial, message(2))).toBe(partial);
    expect(withMessage(partial, message(4))).not.toBe(partial);
  });

  it('leaves a thread that is not loaded alone', () => {
    expect(withMessage(undefined, message(1))).toBeUndefined();
  });

  it('puts a newer version of a message (edited, deleted, reacted to) in place of the one held', () => {
    const edited = { ...message(5), message: 'fixed typo', editedAt: message(6).createdAt, rev: 1 };
    const next = withMessage(data, edited);
    expect(next!.pages[0]!.items.map((m) => m.message)).toEqual(['message 3', 'fixed typo']);
    expect(next!.pages[1]).toBe(data.pages[1]);
    const deleted = { ...message(1), message: '', deletedAt: message(6).createdAt, rev: 2 };
    expect(withMessage(next, deleted)!.pages[1]!.items[0]).toBe(deleted);
  });

  it('ignores a version no newer than the one held (repeats, changes out of order)', () => {
    const reacted = { ...message(3), reactions: { heart: [tomas.uuid] }, rev: 2 };
    const next = withMessage(data, reacted)!;
    expect(withMessage(next, reacted)).toBe(next);
    expect(withMessage(next, { ...message(3), rev: 1 })).toBe(next);
    expect(withMessage(next, message(3))).toBe(next);
  });
});

describe('withOtherReadAt', () => {
  const data = {
    pages: [page([message(3)], 'c', message(2).createdAt), page([message(1)])],
    pageParams: [undefined, 'c'],
  };

  it('moves the read position on the newest page forward', () => {
    const next = withOtherReadAt(data, message(3).createdAt);
    expect(next!.pages[0]!.otherReadAt).toBe(message(3).createdAt);
    expect(next!.pages[1]).toBe(data.pages[1]);
  });

  it('never moves it back, and leaves a thread that is not loaded alone', () => {
    expect(withOtherReadAt(data, message(1).createdAt)).toBe(data);
    expect(withOtherReadAt(data, message(2).createdAt)).toBe(data);
    expect(withOtherReadAt(undefined, message(3).createdAt)).toBeUndefined();
  });
});

describe('seenMessageUuid', () => {
  const items = reconcileThread(
    [message(1, mira), message(2, tomas), message(3, mira), message(4, tomas)],
    [{ ...message(5, mira), status: 'sending' }],
  );

  it('is my latest message at or before the other person’s read position', () => {
    expect(seenMessageUuid(items, mira.uuid, message(3).createdAt)).toBe(message(3).messageUuid);
    expect(seenMessageUuid(items, mira.uuid, message(2).createdAt)).toBe(message(1).messageUuid);
  });

  it('never marks a message still on its way, nor theirs', () => {
    expect(seenMessageUuid(items, mira.uuid, message(9).createdAt)).toBe(message(3).messageUuid);
    expect(seenMessageUuid(items, tomas.uuid, message(3).createdAt)).toBe(message(2).messageUuid);
  });

  it('is none before they read anything of mine', () => {
    expect(seenMessageUuid(items, mira.uuid, null)).toBeNull();
    expect(seenMessageUuid(items, tomas.uuid, message(1).createdAt)).toBeNull();
    expect(seenMessageUuid(items, undefined, message(9).createdAt)).toBeNull();
  });
});

describe('reconcileThread', () => {
  const pending = (n: number, status: PendingMessage['status'] = 'sending'): PendingMessage => ({
    ...message(n, mira),
    status,
  });

  it('shows pending messages after the confirmed ones, marked', () => {
    const items = reconcileThread([message(1, tomas)], [pending(9), pending(8, 'failed')]);
    expect(items.map((m) => [m.messageUuid, m.status])).toEqual([
      [message(1).messageUuid, 'sent'],
      [message(9).messageUuid, 'sending'],
      [message(8).messageUuid, 'failed'],
    ]);
  });

  it('replaces a pending message by the server’s copy with the same uuid', () => {
    const server = { ...message(9, mira), createdAt: '2026-11-24T19:04:00.123456+00:00' };
    const items = reconcileThread([message(1, tomas), server], [pending(9)]);
    expect(items).toHaveLength(2);
    expect(items[1]).toEqual({ ...server, status: 'sent' });
  });
});
