import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageNotFoundError, NotMemberError } from '../model/errors';
import { type UserRef } from '../model/types';
import { originalConversation } from '../testing/original-cruddur';
import { openStreamTable, type StreamTable } from '../testing/stream-table';
import { snapshot, someone } from '../testing/test-table';
import { listMessageGroups, totalUnread } from './b-list-message-groups';
import { createMessage } from './c-create-message';
import { createMessageGroup } from './d-create-message-group';
import { markRead, readPositions } from './read-position';
import { UNREAD_CAP } from './update-group-rows';

let ctx: StreamTable;
beforeAll(async () => {
  ctx = await openStreamTable('read');
});
afterAll(() => ctx?.close());

const applyGroup = (group: string) => ctx.applyGroup(group);
const rowOf = async (group: string, user: UserRef) => (await ctx.rowOf(group, user))!;

/** Ann writes `count` messages to Bob, applied by pattern E; returns the group and the messages. */
async function unreadConversation(count: number) {
  const [ann, bob] = [someone('ann'), someone('bob')];
  const first = await createMessageGroup(ctx, { sender: ann, recipient: bob, message: 'm0' });
  const group = first.messageGroupUuid;
  const messages = [first.message];
  for (let i = 1; i < count; i++)
    messages.push(
      await createMessage(ctx, { messageGroupUuid: group, sender: ann, message: `m${i}` }),
    );
  await applyGroup(group);
  return { ann, bob, group, messages };
}

describe('markRead', () => {
  it('moves the read position to the message and recounts what is unread after it', async () => {
    const { bob, group, messages } = await unreadConversation(4);
    expect((await rowOf(group, bob)).unread).toBe(4);

    const change = await markRead(ctx, group, bob.uuid, messages[1]!.messageUuid);
    expect(change).toMatchObject({ changed: true, unreadDelta: -2, readMoved: true });
    const row = await rowOf(group, bob);
    expect(row).toMatchObject({ unread: 2, readAt: messages[1]!.createdAt });

    await markRead(ctx, group, bob.uuid, messages[3]!.messageUuid);
    expect(await rowOf(group, bob)).toMatchObject({ unread: 0, readAt: messages[3]!.createdAt });
    expect((await readPositions(ctx, group)).get(bob.uuid)).toBe(messages[3]!.createdAt);
  });

  it('never moves back, and marking the same message again writes nothing', async () => {
    const { bob, group, messages } = await unreadConversation(3);
    await markRead(ctx, group, bob.uuid, messages[2]!.messageUuid);
    const before = await snapshot(ctx);
    for (const m of [messages[0]!, messages[2]!]) {
      const change = await markRead(ctx, group, bob.uuid, m.messageUuid);
      expect(change).toMatchObject({ changed: false, unreadDelta: 0, readMoved: false });
    }
    expect(await snapshot(ctx)).toEqual(before);
    expect((await rowOf(group, bob)).readAt).toBe(messages[2]!.createdAt);
  });

  it('refuses a message the group does not hold and a reader without a row, writing nothing', async () => {
    const { bob, group, messages } = await unreadConversation(1);
    const other = await unreadConversation(1);
    const before = await snapshot(ctx);
    await expect(markRead(ctx, group, bob.uuid, randomUUID())).rejects.toBeInstanceOf(
      MessageNotFoundError,
    );
    // A message of another conversation is not one of this group.
    await expect(
      markRead(ctx, group, bob.uuid, other.messages[0]!.messageUuid),
    ).rejects.toBeInstanceOf(MessageNotFoundError);
    await expect(
      markRead(ctx, group, someone('eve').uuid, messages[0]!.messageUuid),
    ).rejects.toBeInstanceOf(NotMemberError);
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('keeps the count exact when pattern E moves the row at the same time', async () => {
    const { ann, bob, group, messages } = await unreadConversation(2);
    const more = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createMessage(ctx, { messageGroupUuid: group, sender: ann, message: `late ${i}` }),
      ),
    );
    await Promise.all([
      applyGroup(group),
      markRead(ctx, group, bob.uuid, messages[1]!.messageUuid),
    ]);
    await applyGroup(group);
    expect((await rowOf(group, bob)).unread).toBe(more.length);
  });

  it('reads a conversation the original wrote: its messages have no guard and keys with an offset', async () => {
    const [ann, bob] = [someone('ann'), someone('bob')];
    const { messageGroupUuid: group } = await originalConversation(
      {
        client: ctx.client,
        tableName: ctx.tableName,
        at: Date.UTC(2023, 4, 1) * 1000,
        offsetMinutes: 120,
      },
      ann,
      bob,
      ['one', 'two', 'three'],
    );
    const page = await createMessage(ctx, {
      messageGroupUuid: group,
      sender: ann,
      message: 'four',
    });
    await applyGroup(group);
    expect((await rowOf(group, bob)).unread).toBe(1);
    await markRead(ctx, group, bob.uuid, page.messageUuid);
    expect((await rowOf(group, bob)).unread).toBe(0);
  });
});

describe('totalUnread', () => {
  it('adds the counts of every conversation, beyond the first page too, and stops at the cap', async () => {
    const bob = someone('bob');
    for (let i = 0; i < 5; i++) {
      const sender = someone(`s${i}`);
      const { messageGroupUuid: group } = await createMessageGroup(ctx, {
        sender,
        recipient: bob,
        message: 'hello',
      });
      await createMessage(ctx, { messageGroupUuid: group, sender, message: 'again' });
      await applyGroup(group);
    }
    const page = await listMessageGroups(ctx, bob.uuid, { limit: 2 });
    expect(page.nextCursor).not.toBeNull();
    expect(await totalUnread(ctx, bob.uuid, page)).toBe(10);
    expect(await totalUnread(ctx, bob.uuid, await listMessageGroups(ctx, bob.uuid))).toBe(10);

    const { bob: busy } = await unreadConversation(UNREAD_CAP + 3);
    expect(await totalUnread(ctx, busy.uuid, await listMessageGroups(ctx, busy.uuid))).toBe(
      UNREAD_CAP,
    );
  });
});
