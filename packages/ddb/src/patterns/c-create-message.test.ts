import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessage } from './c-create-message';
import { createMessageGroup } from './d-create-message-group';
import { messageIdAt } from '@cruddur/validators';
import {
  InvalidInputError,
  MessageIdConflictError,
  NotMemberError,
  StaleMessageIdError,
} from '../model/errors';
import { listMessages } from './a-list-messages';
import { storeMessageAt } from './message-write';
import { createTestTable, snapshot, someone, type TestTable } from '../testing/test-table';
import { nowMicros, nowTimestamp, timestampFromMicros } from '../internal/timestamp';

let ctx: TestTable;
const [mira, tomas, priya] = [someone('mira'), someone('tomas'), someone('priya')];
let group: string;

beforeAll(async () => {
  ctx = await createTestTable();
  ({ messageGroupUuid: group } = await createMessageGroup(ctx, {
    sender: mira,
    recipient: tomas,
    message: 'first',
  }));
});
afterAll(() => ctx?.close());

async function allMessages(groupUuid: string) {
  return (await listMessages(ctx, groupUuid, { limit: 100 })).items;
}

/** An id that names mira's `text` in the group is refused for another text, or another sender. */
async function expectOtherMessagesRefused(messageUuid: string, text: string) {
  for (const [sender, message] of [
    [mira, `${text}, changed`],
    [tomas, text],
  ] as const)
    await expect(
      createMessage(ctx, { messageGroupUuid: group, sender, message, messageUuid }),
    ).rejects.toThrow(MessageIdConflictError);
}

describe('createMessage (pattern C)', () => {
  it('stores the message with its sender and returns it', async () => {
    const sent = await createMessage(ctx, {
      messageGroupUuid: group,
      sender: tomas,
      message: 'hello 👋 Mira',
    });
    expect(sent).toMatchObject({
      messageGroupUuid: group,
      sender: tomas,
      message: 'hello 👋 Mira',
    });
    expect((await allMessages(group)).at(-1)).toEqual(sent);
  });

  it('keeps all of 50 concurrent sends, in the order they were made', async () => {
    const texts = Array.from({ length: 50 }, (_, i) => `burst ${i}`);
    const sent = await Promise.all(
      texts.map((message, i) =>
        createMessage(ctx, { messageGroupUuid: group, sender: i % 2 ? mira : tomas, message }),
      ),
    );
    const stored = (await allMessages(group)).filter((m) => m.message.startsWith('burst '));
    expect(stored.map((m) => m.message)).toEqual(texts);
    expect(new Set(stored.map((m) => m.createdAt)).size).toBe(50);
    expect(stored.map((m) => m.messageUuid)).toEqual(sent.map((m) => m.messageUuid));
  });

  it('never overwrites: writers that pick the same microsecond all land, one microsecond apart', async () => {
    // As two API instances whose clocks agree would: the same sort key for every write.
    const sk = nowTimestamp();
    const writes = Array.from({ length: 20 }, (_, i) => ({
      messageGroupUuid: group,
      sender: mira,
      message: `same instant ${i}`,
      messageUuid: randomUUID(),
    }));
    const stored = await Promise.all(writes.map((m) => storeMessageAt(ctx, m, sk)));
    const keys = stored.map((m) => m.createdAt).sort();
    expect(new Set(keys).size).toBe(20);
    expect(keys[0]).toBe(sk);
    const listed = (await allMessages(group)).filter((m) => m.message.startsWith('same instant'));
    expect(listed).toHaveLength(20);
    expect(listed.map((m) => m.createdAt)).toEqual(keys);
  });

  it('stores a message whose id carries its time at that very time, in one item', async () => {
    const at = nowMicros() - 2_000_000;
    const messageUuid = messageIdAt(at);
    const before = await snapshot(ctx);
    const sent = await createMessage(ctx, {
      messageGroupUuid: group,
      sender: tomas,
      message: 'sent two seconds ago, on a slow train',
      messageUuid,
    });
    expect(sent.createdAt).toBe(timestampFromMicros(at));
    expect((await snapshot(ctx)).length).toBe(before.length + 1);
  });

  it('makes a retry with the same version-7 id free: found at its key, nothing written', async () => {
    const messageUuid = messageIdAt(nowMicros());
    const send = () =>
      createMessage(ctx, {
        messageGroupUuid: group,
        sender: mira,
        message: 'once, v7',
        messageUuid,
      });
    const first = await send();
    const before = await snapshot(ctx);
    expect(await send()).toEqual(first);
    expect(await Promise.all([send(), send()])).toEqual([first, first]);
    expect(await snapshot(ctx)).toEqual(before);
    await expectOtherMessagesRefused(messageUuid, 'once, v7');
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('finds a late retry of a message it stored, but will not store an id that is too old or from the future', async () => {
    // Sent an hour ago, when the id was fresh; the answer was lost and the phone retries now.
    const anHourAgo = nowMicros() - 3_600_000_000;
    const landed = {
      messageGroupUuid: group,
      sender: mira,
      message: 'an hour ago',
      messageUuid: messageIdAt(anHourAgo),
    };
    const stored = await storeMessageAt(ctx, landed, timestampFromMicros(anHourAgo));
    const before = await snapshot(ctx);
    expect(await createMessage(ctx, landed)).toEqual(stored);

    // The same, for a send that never landed: storing it now would put it an hour back in time.
    const neverLanded = messageIdAt(anHourAgo + 1_000);
    await expect(
      createMessage(ctx, { ...landed, message: 'lost', messageUuid: neverLanded }),
    ).rejects.toThrow(StaleMessageIdError);
    await expect(
      createMessage(ctx, { ...landed, messageUuid: messageIdAt(nowMicros() + 86_400_000_000) }),
    ).rejects.toThrow(/messageUuid: carries a time in the future/);
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('returns the stored message when a send is retried with the same messageUuid', async () => {
    const messageUuid = randomUUID();
    const first = await createMessage(ctx, {
      messageGroupUuid: group,
      sender: mira,
      message: 'only once',
      messageUuid,
    });
    const before = await snapshot(ctx);
    const again = await createMessage(ctx, {
      messageGroupUuid: group,
      sender: mira,
      message: 'only once',
      messageUuid,
    });
    expect(again).toEqual(first);
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('refuses a messageUuid that belongs to another message, writing nothing', async () => {
    const messageUuid = randomUUID();
    await createMessage(ctx, {
      messageGroupUuid: group,
      sender: mira,
      message: 'original',
      messageUuid,
    });
    const other = await createMessageGroup(ctx, {
      sender: mira,
      recipient: priya,
      message: 'hi Priya',
    });
    const before = await snapshot(ctx);
    await expectOtherMessagesRefused(messageUuid, 'original');
    await expect(
      createMessage(ctx, {
        messageGroupUuid: other.messageGroupUuid,
        sender: mira,
        message: 'original',
        messageUuid,
      }),
    ).rejects.toThrow(MessageIdConflictError);
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('refuses a sender who is not a participant, and unknown groups, writing nothing', async () => {
    const before = await snapshot(ctx);
    await expect(
      createMessage(ctx, { messageGroupUuid: group, sender: priya, message: 'let me in' }),
    ).rejects.toThrow(NotMemberError);
    await expect(
      createMessage(ctx, { messageGroupUuid: randomUUID(), sender: mira, message: 'anyone?' }),
    ).rejects.toThrow(NotMemberError);
    expect(await snapshot(ctx)).toEqual(before);
  });

  it.each([
    ['blank text', { message: '  \n ' }, /message: must not be blank/],
    [
      'text over 1024 characters',
      { message: '😀'.repeat(1025) },
      /message: must be at most 1024 characters/,
    ],
    ['text that is not a string', { message: 42 as unknown as string }, /message: must be text/],
    [
      'a group id that is not a uuid',
      { messageGroupUuid: 'MSG#1' },
      /messageGroupUuid: must be a uuid/,
    ],
    ['a messageUuid that is not a uuid', { messageUuid: 'abc' }, /messageUuid: must be a uuid/],
    ['a sender without a uuid', { sender: { ...mira, uuid: '' } }, /sender.uuid: must be a uuid/],
  ])('rejects %s with InvalidInputError, writing nothing', async (_what, change, problem) => {
    const before = await snapshot(ctx);
    const attempt = createMessage(ctx, {
      messageGroupUuid: group,
      sender: mira,
      message: 'ok',
      ...change,
    });
    await expect(attempt).rejects.toThrow(InvalidInputError);
    await expect(attempt).rejects.toThrow(problem);
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('accepts exactly 1024 characters', async () => {
    const sent = await createMessage(ctx, {
      messageGroupUuid: group,
      sender: mira,
      message: '😀'.repeat(1024),
    });
    expect([...sent.message]).toHaveLength(1024);
  });
});
