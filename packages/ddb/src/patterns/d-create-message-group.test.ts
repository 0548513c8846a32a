import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageGroup, startConversation } from './d-create-message-group';
import { MessageIdConflictError, SelfMessageError } from '../model/errors';
import { messageIdGuardKey } from '../model/keys';
import { listMessageGroups } from './b-list-message-groups';
import { listMessages } from './a-list-messages';
import { createTestTable, snapshot, someone, type TestTable } from '../testing/test-table';
import { nextMicrosecond, nowTimestamp } from '../internal/timestamp';

let ctx: TestTable;

beforeAll(async () => {
  ctx = await createTestTable();
});
afterAll(() => ctx?.close());

describe('createMessageGroup (pattern D)', () => {
  it('creates the group, both rows showing the first message, and the message', async () => {
    const [mira, tomas] = [someone('mira'), someone('tomas')];
    const start = await createMessageGroup(ctx, {
      sender: mira,
      recipient: tomas,
      message: 'Hi Tomás!',
    });
    expect(start).toMatchObject({
      created: true,
      message: { sender: mira, message: 'Hi Tomás!', messageGroupUuid: start.messageGroupUuid },
    });

    const row = {
      messageGroupUuid: start.messageGroupUuid,
      lastMessage: 'Hi Tomás!',
      lastMessageDeleted: false,
      lastMessageAt: start.message.createdAt,
      rev: 1,
    };
    // The sender has read what they wrote; the message is unread for the recipient.
    expect((await listMessageGroups(ctx, mira.uuid)).items).toEqual([
      { ...row, other: tomas, unread: 0, readAt: start.message.createdAt },
    ]);
    expect((await listMessageGroups(ctx, tomas.uuid)).items).toEqual([
      { ...row, other: mira, unread: 1, readAt: null },
    ]);
    expect((await listMessages(ctx, start.messageGroupUuid)).items).toEqual([start.message]);
  });

  it('posts into the existing group when the pair already talks, from either side', async () => {
    const [mira, tomas] = [someone('mira'), someone('tomas')];
    const first = await createMessageGroup(ctx, { sender: mira, recipient: tomas, message: 'one' });
    const again = await createMessageGroup(ctx, { sender: mira, recipient: tomas, message: 'two' });
    const reply = await createMessageGroup(ctx, {
      sender: tomas,
      recipient: mira,
      message: 'three',
    });
    expect([again.created, reply.created]).toEqual([false, false]);
    expect([again.messageGroupUuid, reply.messageGroupUuid]).toEqual([
      first.messageGroupUuid,
      first.messageGroupUuid,
    ]);
    expect((await listMessages(ctx, first.messageGroupUuid)).items.map((m) => m.message)).toEqual([
      'one',
      'two',
      'three',
    ]);
    expect((await listMessageGroups(ctx, mira.uuid)).items).toHaveLength(1);
  });

  it('makes one group of 20 simultaneous starts between the same pair, keeping every message', async () => {
    const [ann, bob] = [someone('ann'), someone('bob')];
    const starts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createMessageGroup(
          ctx,
          i % 2
            ? { sender: ann, recipient: bob, message: `start ${i}` }
            : { sender: bob, recipient: ann, message: `start ${i}` },
        ),
      ),
    );
    const groups = new Set(starts.map((s) => s.messageGroupUuid));
    expect(groups.size).toBe(1);
    expect(starts.filter((s) => s.created)).toHaveLength(1);
    const [group] = groups;
    expect(
      (await listMessages(ctx, group!, { limit: 100 })).items.map((m) => m.message).sort(),
    ).toEqual(starts.map((s) => s.message.message).sort());
    expect((await listMessageGroups(ctx, ann.uuid)).items).toHaveLength(1);
    expect((await listMessageGroups(ctx, bob.uuid)).items).toHaveLength(1);
  });

  it('returns the stored message for a retried start with the same messageUuid', async () => {
    const [ann, bob] = [someone('ann'), someone('bob')];
    const messageUuid = randomUUID();
    const first = await createMessageGroup(ctx, {
      sender: ann,
      recipient: bob,
      message: 'hey',
      messageUuid,
    });
    const before = await snapshot(ctx);
    const retry = await createMessageGroup(ctx, {
      sender: ann,
      recipient: bob,
      message: 'hey',
      messageUuid,
    });
    // The retry wrote no rows, so it reports none.
    expect(retry).toEqual({ ...first, created: false, rows: [] });
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('is all or nothing: when one condition fails, none of its items is written', async () => {
    const [ann, bob] = [someone('ann'), someone('bob')];
    const messageUuid = randomUUID();
    // The message id is taken (by a message elsewhere), so the last item of the transaction fails.
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: {
          ...messageIdGuardKey(messageUuid),
          message_pk: `MSG#${randomUUID()}`,
          message_sk: nowTimestamp(),
        },
      }),
    );
    const before = await snapshot(ctx);
    await expect(
      createMessageGroup(ctx, { sender: ann, recipient: bob, message: 'hey', messageUuid }),
    ).rejects.toThrow(MessageIdConflictError);
    expect(await snapshot(ctx)).toEqual(before);
    expect((await listMessageGroups(ctx, ann.uuid)).items).toEqual([]);
  });

  it("never overwrites another conversation's row in the same microsecond: the new one moves on by 1 µs", async () => {
    const [ann, bob, cid] = [someone('ann'), someone('bob'), someone('cid')];
    const sk = nowTimestamp();
    const line = (message: string) => ({ message, messageUuid: randomUUID() });
    const first = await startConversation(
      ctx,
      { sender: ann, recipient: bob, ...line('to bob') },
      sk,
    );
    const second = await startConversation(
      ctx,
      { sender: ann, recipient: cid, ...line('to cid') },
      sk,
    );
    expect(first.message.createdAt).toBe(sk);
    expect(second.message.createdAt).toBe(nextMicrosecond(sk));
    const rows = (await listMessageGroups(ctx, ann.uuid)).items;
    expect(rows.map((r) => [r.lastMessage, r.lastMessageAt])).toEqual([
      ['to cid', nextMicrosecond(sk)],
      ['to bob', sk],
    ]);
  });

  it('refuses a conversation with yourself, writing nothing', async () => {
    const ann = someone('ann');
    const before = await snapshot(ctx);
    await expect(
      createMessageGroup(ctx, {
        sender: ann,
        recipient: { ...ann, handle: 'other' },
        message: 'me?',
      }),
    ).rejects.toThrow(SelfMessageError);
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('rejects blank text before writing anything', async () => {
    const before = await snapshot(ctx);
    await expect(
      createMessageGroup(ctx, { sender: someone('a'), recipient: someone('b'), message: '' }),
    ).rejects.toThrow(/must not be blank/);
    expect(await snapshot(ctx)).toEqual(before);
  });
});
