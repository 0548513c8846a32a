import type { DynamoDBRecord } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyStreamRecord, applyStreamRecords } from './e-apply-stream-record';
import { startConversation } from './d-create-message-group';
import { listMessageGroups } from './b-list-message-groups';
import { storeMessageAt } from './message-write';
import { streamReader } from '../testing/stream';
import {
  createTestTable,
  minutesFrom,
  snapshot,
  someone,
  type TestTable,
} from '../testing/test-table';
import { nextMicrosecond } from '../internal/timestamp';
import { type Message, type UserRef } from '../model/types';

let ctx: TestTable;
let stream: ReturnType<typeof streamReader>;

beforeAll(async () => {
  ctx = await createTestTable();
  stream = streamReader(ctx);
});
afterAll(async () => {
  stream?.close();
  await ctx?.close();
});

const line = (sender: UserRef, message: string) => ({ sender, message, messageUuid: randomUUID() });

/** A conversation started at `sks[0]` plus one message per further key, and their stream records. */
async function conversation(a: UserRef, b: UserRef, sks: string[]) {
  const start = await startConversation(ctx, { ...line(a, 'hello'), recipient: b }, sks[0]!);
  const messages: Message[] = [];
  for (const [i, sk] of sks.slice(1).entries()) {
    messages.push(
      await storeMessageAt(
        ctx,
        { ...line(i % 2 ? a : b, `message ${i + 1}`), messageGroupUuid: start.messageGroupUuid },
        sk,
      ),
    );
  }
  const records = await Promise.all(
    messages.map((m) => stream.insertOf(`MSG#${start.messageGroupUuid}`, m.createdAt)),
  );
  return { group: start.messageGroupUuid, messages, records };
}

/** What each participant's conversation list shows for the group. */
async function rows(group: string, ...users: UserRef[]) {
  return Promise.all(
    users.map(async (u) => {
      const row = (await listMessageGroups(ctx, u.uuid, { limit: 100 })).items.find(
        (g) => g.messageGroupUuid === group,
      );
      return row && [row.lastMessageAt, row.lastMessage];
    }),
  );
}

describe('applyStreamRecord (pattern E)', () => {
  it("moves both participants' rows to a new message, keeping who the row is about", async () => {
    const [ann, bob] = [someone('ann'), someone('bob')];
    const { group, messages, records } = await conversation(
      ann,
      bob,
      minutesFrom('2026-05-01T10:00:00Z', 2),
    );
    expect(await applyStreamRecord(ctx, records[0]!)).toEqual({
      outcome: 'applied',
      rowsUpdated: 2,
    });
    const expected = [messages[0]!.createdAt, 'message 1'];
    expect(await rows(group, ann, bob)).toEqual([expected, expected]);
    expect((await listMessageGroups(ctx, ann.uuid)).items[0]?.other).toEqual(bob);
    expect((await listMessageGroups(ctx, bob.uuid)).items[0]?.other).toEqual(ann);
  });

  it('changes nothing when a record is replayed', async () => {
    const { records } = await conversation(
      someone('ann'),
      someone('bob'),
      minutesFrom('2026-05-02T10:00:00Z', 2),
    );
    await applyStreamRecord(ctx, records[0]!);
    const before = await snapshot(ctx);
    expect(await applyStreamRecord(ctx, records[0]!)).toEqual({ outcome: 'stale', rowsUpdated: 0 });
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('never moves a row back to an older message when records arrive out of order', async () => {
    const [ann, bob] = [someone('ann'), someone('bob')];
    const { group, messages, records } = await conversation(
      ann,
      bob,
      minutesFrom('2026-05-03T10:00:00Z', 4),
    );
    expect((await applyStreamRecord(ctx, records[2]!)).outcome).toBe('applied');
    expect(await applyStreamRecord(ctx, records[0]!)).toEqual({ outcome: 'stale', rowsUpdated: 0 });
    expect(await applyStreamRecord(ctx, records[1]!)).toEqual({ outcome: 'stale', rowsUpdated: 0 });
    const newest = [messages[2]!.createdAt, 'message 3'];
    expect(await rows(group, ann, bob)).toEqual([newest, newest]);
  });

  it('ends on the newest message when a shuffled batch with duplicates is applied all at once', async () => {
    const [ann, bob] = [someone('ann'), someone('bob')];
    const { group, messages, records } = await conversation(
      ann,
      bob,
      minutesFrom('2026-05-04T10:00:00Z', 16),
    );
    const batch = [...records, ...records].sort(() => Math.random() - 0.5);
    const results = await Promise.all(batch.map((r) => applyStreamRecord(ctx, r)));
    expect(results.every((r) => r.outcome !== 'skipped')).toBe(true);
    const newest = [messages.at(-1)!.createdAt, messages.at(-1)!.message];
    expect(await rows(group, ann, bob)).toEqual([newest, newest]);
    expect((await listMessageGroups(ctx, ann.uuid)).items).toHaveLength(1); // moved, never duplicated
  });

  it('applies a burst into one conversation as one update, to its newest message', async () => {
    const [ann, bob] = [someone('ann'), someone('bob')];
    const { group, messages, records } = await conversation(
      ann,
      bob,
      minutesFrom('2026-05-08T10:00:00Z', 8),
    );
    const { results, changes } = await applyStreamRecords(ctx, records);
    expect(results.map((r) => ('outcome' in r ? r.outcome : 'error'))).toEqual([
      ...Array<string>(6).fill('superseded'),
      'applied',
    ]);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.messages.map((m) => m.message)).toEqual(messages.map((m) => m.message));
    const newest = [messages.at(-1)!.createdAt, messages.at(-1)!.message];
    expect(await rows(group, ann, bob)).toEqual([newest, newest]);
  });

  it('skips its own writes, guards, MODIFY and REMOVE records: feeding the whole stream back changes nothing', async () => {
    const { records } = await conversation(
      someone('ann'),
      someone('bob'),
      minutesFrom('2026-05-05T10:00:00Z', 3),
    );
    for (const record of records) await applyStreamRecord(ctx, record);
    const everything = await stream.all();
    expect(new Set(everything.map((r) => r.eventName))).toEqual(
      new Set(['INSERT', 'MODIFY', 'REMOVE']),
    );
    const before = await snapshot(ctx);
    for (const record of everything) {
      const { outcome } = await applyStreamRecord(ctx, record);
      const isMessageInsert =
        record.eventName === 'INSERT' && record.dynamodb?.Keys?.pk?.S?.startsWith('MSG#');
      expect(outcome).toBe(isMessageInsert ? 'stale' : 'skipped');
    }
    expect(await snapshot(ctx)).toEqual(before);
  });

  it("never overwrites another conversation's row that sits at the same microsecond", async () => {
    const [ann, bob, cid] = [someone('ann'), someone('bob'), someone('cid')];
    const [t0, t1] = minutesFrom('2026-05-06T10:00:00Z', 2);
    const { group, records } = await conversation(ann, bob, [t0!, t1!]);
    // ann's conversation with cid has its row exactly where the message would move ann's row to.
    const other = await startConversation(ctx, { ...line(ann, 'to cid'), recipient: cid }, t1!);
    expect(await applyStreamRecord(ctx, records[0]!)).toEqual({
      outcome: 'applied',
      rowsUpdated: 2,
    });
    expect(await rows(group, ann, bob)).toEqual([
      [nextMicrosecond(t1!), 'message 1'],
      [t1!, 'message 1'],
    ]);
    expect(await rows(other.messageGroupUuid, ann, cid)).toEqual([
      [t1!, 'to cid'],
      [t1!, 'to cid'],
    ]);
  });

  it('skips a message of a group it knows nothing about, and reports a malformed message', async () => {
    const image = (extra: Record<string, { S: string }>) =>
      ({
        eventName: 'INSERT',
        dynamodb: {
          NewImage: {
            pk: { S: `MSG#${randomUUID()}` },
            sk: { S: '2026-05-07T10:00:00.000000+00:00' },
            ...extra,
          },
        },
      }) as DynamoDBRecord;
    const complete = {
      message_uuid: { S: randomUUID() },
      message: { S: 'hi' },
      user_uuid: { S: randomUUID() },
      user_handle: { S: 'x' },
      user_display_name: { S: 'X' },
    };
    const before = await snapshot(ctx);
    expect(await applyStreamRecord(ctx, image(complete))).toEqual({
      outcome: 'skipped',
      rowsUpdated: 0,
    });
    expect(await snapshot(ctx)).toEqual(before);
    await expect(applyStreamRecord(ctx, image({ message: { S: 'no sender' } }))).rejects.toThrow(
      /unexpected item MSG#.*user_uuid/,
    );
    expect(await applyStreamRecord(ctx, { eventName: 'INSERT' })).toEqual({
      outcome: 'skipped',
      rowsUpdated: 0,
    });
  });
});
