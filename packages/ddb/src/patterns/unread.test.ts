import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStreamTable, type StreamTable } from '../testing/stream-table';
import { someone } from '../testing/test-table';
import { type UserRef } from '../model/types';
import { createMessage } from './c-create-message';
import { createMessageGroup } from './d-create-message-group';
import { applyStreamRecords } from './e-apply-stream-record';
import { UNREAD_CAP } from './update-group-rows';

let ctx: StreamTable;
beforeAll(async () => {
  ctx = await openStreamTable('unread');
});
afterAll(() => ctx?.close());

const rowOf = async (group: string, user: UserRef) => (await ctx.rowOf(group, user))!;

describe('unread counts kept by pattern E', () => {
  it("count the other person's messages after one's read position; one's own message reads everything before it", async () => {
    const [ann, bob] = [someone('ann'), someone('bob')];
    const { messageGroupUuid: group } = await createMessageGroup(ctx, {
      sender: ann,
      recipient: bob,
      message: 'hi',
    });
    for (const text of ['are you', 'there?'])
      await createMessage(ctx, { messageGroupUuid: group, sender: ann, message: text });
    await ctx.applyGroup(group, 1);
    expect([(await rowOf(group, ann)).unread, (await rowOf(group, bob)).unread]).toEqual([0, 3]);

    await createMessage(ctx, { messageGroupUuid: group, sender: bob, message: 'yes' });
    await ctx.applyGroup(group, 10);
    expect([(await rowOf(group, ann)).unread, (await rowOf(group, bob)).unread]).toEqual([1, 0]);
    expect((await rowOf(group, bob)).readAt).toBe((await rowOf(group, bob)).lastMessageAt);
  });

  it('stay exact under 50 concurrent sends, whatever the batches and their order', async () => {
    const [ann, bob] = [someone('ann'), someone('bob')];
    const { messageGroupUuid: group } = await createMessageGroup(ctx, {
      sender: bob,
      recipient: ann,
      message: 'go',
    });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        createMessage(ctx, { messageGroupUuid: group, sender: ann, message: `m${i}` }),
      ),
    );
    const records = await ctx.recordsOf(group);
    // Shuffled, in uneven batches, and every batch delivered twice.
    const shuffled = [...records].sort(() => Math.random() - 0.5);
    for (let i = 0; i < shuffled.length; i += 7) {
      const batch = shuffled.slice(i, i + 7);
      await applyStreamRecords(ctx, batch);
      await applyStreamRecords(ctx, batch);
    }
    expect((await rowOf(group, bob)).unread).toBe(50);
    // Ann answered after Bob's message: she has read it.
    expect((await rowOf(group, ann)).unread).toBe(0);
  });

  it(`stop at ${UNREAD_CAP}`, async () => {
    const [ann, bob] = [someone('ann'), someone('bob')];
    const { messageGroupUuid: group } = await createMessageGroup(ctx, {
      sender: ann,
      recipient: bob,
      message: '0',
    });
    for (let i = 1; i <= UNREAD_CAP + 5; i++)
      await createMessage(ctx, { messageGroupUuid: group, sender: ann, message: String(i) });
    await ctx.applyGroup(group, 25);
    expect((await rowOf(group, bob)).unread).toBe(UNREAD_CAP);
  });
});
