import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidInputError,
  MessageDeletedError,
  MessageNotFoundError,
  NotSenderError,
} from '../model/errors';
import { type UserRef } from '../model/types';
import { openStreamTable, type StreamTable } from '../testing/stream-table';
import { snapshot, someone } from '../testing/test-table';
import { listMessages } from './a-list-messages';
import { createMessage } from './c-create-message';
import { createMessageGroup } from './d-create-message-group';
import { deleteMessage, editMessage, reactToMessage } from './message-changes';

let ctx: StreamTable;
beforeAll(async () => {
  ctx = await openStreamTable('changes');
});
afterAll(() => ctx?.close());

const applyGroup = (group: string) => ctx.applyGroup(group);
const rowOf = async (group: string, user: UserRef) => (await ctx.rowOf(group, user))!;

async function chat(...lines: string[]) {
  const [ann, bob] = [someone('ann'), someone('bob')];
  const first = await createMessageGroup(ctx, { sender: ann, recipient: bob, message: lines[0]! });
  const group = first.messageGroupUuid;
  const messages = [first.message];
  for (const line of lines.slice(1))
    messages.push(
      await createMessage(ctx, { messageGroupUuid: group, sender: ann, message: line }),
    );
  await applyGroup(group);
  return { ann, bob, group, messages };
}

/** The group as the original Python code reads it: a plain Query of its MSG# partition. */
async function originalRead(group: string) {
  const { Items = [] } = await ctx.doc.send(
    new QueryCommand({
      TableName: ctx.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `MSG#${group}` },
    }),
  );
  return Items.map((i) => ({
    sk: i.sk as string,
    message: i.message as string,
    uuid: i.message_uuid as string,
  }));
}

describe('editing', () => {
  it('lets the sender replace the text in place, where the original still reads it', async () => {
    const { ann, group, messages } = await chat('helo', 'there');
    const before = await originalRead(group);
    const edited = await editMessage(ctx, {
      messageGroupUuid: group,
      messageUuid: messages[0]!.messageUuid,
      userUuid: ann.uuid,
      message: '  hello ',
    });
    expect(edited).toMatchObject({ message: 'hello', rev: 1, deletedAt: null });
    expect(edited.editedAt).not.toBeNull();
    const after = await originalRead(group);
    expect(after.map((m) => m.sk)).toEqual(before.map((m) => m.sk));
    expect(after[0]).toMatchObject({ message: 'hello', uuid: messages[0]!.messageUuid });

    const same = await snapshot(ctx);
    await editMessage(ctx, {
      messageGroupUuid: group,
      messageUuid: messages[0]!.messageUuid,
      userUuid: ann.uuid,
      message: 'hello',
    });
    expect(await snapshot(ctx)).toEqual(same);
  });

  it('refuses anyone but the sender, an unknown message and invalid text, writing nothing', async () => {
    const { bob, ann, group, messages } = await chat('mine');
    const before = await snapshot(ctx);
    const ref = { messageGroupUuid: group, messageUuid: messages[0]!.messageUuid };
    await expect(
      editMessage(ctx, { ...ref, userUuid: bob.uuid, message: 'x' }),
    ).rejects.toBeInstanceOf(NotSenderError);
    await expect(deleteMessage(ctx, { ...ref, userUuid: bob.uuid })).rejects.toBeInstanceOf(
      NotSenderError,
    );
    await expect(
      editMessage(ctx, {
        ...ref,
        messageUuid: '0190f5c4-0000-7000-8000-000000000000',
        userUuid: ann.uuid,
        message: 'x',
      }),
    ).rejects.toBeInstanceOf(MessageNotFoundError);
    await expect(
      editMessage(ctx, { ...ref, userUuid: ann.uuid, message: '\u200b' }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await snapshot(ctx)).toEqual(before);
  });
});

describe('deleting', () => {
  it('leaves a tombstone without text or reactions, once; it can no longer be edited or reacted to', async () => {
    const { ann, bob, group, messages } = await chat('oops', 'fine');
    const ref = { messageGroupUuid: group, messageUuid: messages[0]!.messageUuid };
    await reactToMessage(ctx, { ...ref, userUuid: bob.uuid, reaction: 'laugh', on: true });
    const gone = await deleteMessage(ctx, { ...ref, userUuid: ann.uuid });
    expect(gone).toMatchObject({ message: '', reactions: {}, editedAt: null });
    expect(gone.deletedAt).not.toBeNull();
    expect((await listMessages(ctx, group)).items[0]).toMatchObject({
      message: '',
      deletedAt: gone.deletedAt,
    });
    expect((await originalRead(group))[0]).toMatchObject({ message: '', uuid: ref.messageUuid });

    const before = await snapshot(ctx);
    expect(await deleteMessage(ctx, { ...ref, userUuid: ann.uuid })).toEqual(gone);
    await expect(
      editMessage(ctx, { ...ref, userUuid: ann.uuid, message: 'back' }),
    ).rejects.toBeInstanceOf(MessageDeletedError);
    await expect(
      reactToMessage(ctx, { ...ref, userUuid: bob.uuid, reaction: 'heart', on: true }),
    ).rejects.toBeInstanceOf(MessageDeletedError);
    expect(await snapshot(ctx)).toEqual(before);
  });
});

describe('reactions', () => {
  it('are toggled, one of each per person, without touching the text', async () => {
    const { ann, bob, group, messages } = await chat('react to me');
    const ref = { messageGroupUuid: group, messageUuid: messages[0]!.messageUuid };
    await reactToMessage(ctx, { ...ref, userUuid: bob.uuid, reaction: 'heart', on: true });
    await reactToMessage(ctx, { ...ref, userUuid: bob.uuid, reaction: 'heart', on: true });
    const both = await reactToMessage(ctx, {
      ...ref,
      userUuid: ann.uuid,
      reaction: 'heart',
      on: true,
    });
    expect(both.reactions).toEqual({ heart: [ann.uuid, bob.uuid].sort() });
    expect(both.message).toBe('react to me');
    const off = await reactToMessage(ctx, {
      ...ref,
      userUuid: bob.uuid,
      reaction: 'heart',
      on: false,
    });
    expect(off.reactions).toEqual({ heart: [ann.uuid] });
    await expect(
      reactToMessage(ctx, { ...ref, userUuid: bob.uuid, reaction: 'poop' as never, on: true }),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('pattern E for messages changed in place', () => {
  it('makes both rows follow an edit or a delete of the newest message, and replays change nothing', async () => {
    const { ann, bob, group, messages } = await chat('one', 'two');
    const newest = { messageGroupUuid: group, messageUuid: messages[1]!.messageUuid };
    await editMessage(ctx, { ...newest, userUuid: ann.uuid, message: 'two, edited' });
    await applyGroup(group);
    expect([(await rowOf(group, ann)).lastMessage, (await rowOf(group, bob)).lastMessage]).toEqual([
      'two, edited',
      'two, edited',
    ]);

    await deleteMessage(ctx, { ...newest, userUuid: ann.uuid });
    await applyGroup(group);
    expect(await rowOf(group, bob)).toMatchObject({
      lastMessage: '',
      lastMessageDeleted: true,
      unread: 1,
    });

    const settled = await snapshot(ctx);
    const replay = await applyGroup(group);
    expect(await snapshot(ctx)).toEqual(settled);
    expect(replay.changes.every((c) => !c.changed)).toBe(true);
  });

  it('leaves rows alone for an older message or a reaction, and stops counting a deleted unread one', async () => {
    const { ann, bob, group, messages } = await chat('a', 'b', 'c');
    expect((await rowOf(group, bob)).unread).toBe(3);
    const rowsBefore = await Promise.all([rowOf(group, ann), rowOf(group, bob)]);
    await editMessage(ctx, {
      messageGroupUuid: group,
      messageUuid: messages[0]!.messageUuid,
      userUuid: ann.uuid,
      message: 'a!',
    });
    await reactToMessage(ctx, {
      messageGroupUuid: group,
      messageUuid: messages[2]!.messageUuid,
      userUuid: bob.uuid,
      reaction: 'wow',
      on: true,
    });
    await applyGroup(group);
    expect(await Promise.all([rowOf(group, ann), rowOf(group, bob)])).toEqual(rowsBefore);

    await deleteMessage(ctx, {
      messageGroupUuid: group,
      messageUuid: messages[1]!.messageUuid,
      userUuid: ann.uuid,
    });
    const { changes } = await applyGroup(group);
    expect(await rowOf(group, bob)).toMatchObject({ unread: 2, lastMessage: 'c' });
    expect(changes.flatMap((c) => c.rows).find((r) => r.ownerUuid === bob.uuid)).toMatchObject({
      unreadDelta: -1,
    });
    expect(changes.flatMap((c) => c.changedMessages).map((m) => m.messageUuid)).toContain(
      messages[1]!.messageUuid,
    );
  });
});
