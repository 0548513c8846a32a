import { DeleteItemCommand, DescribeTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataProblem } from './context';
import { listMessages } from './patterns/a-list-messages';
import { listMessageGroups } from './patterns/b-list-message-groups';
import { createMessage } from './patterns/c-create-message';
import { createMessageGroup } from './patterns/d-create-message-group';
import { applyStreamRecords } from './patterns/e-apply-stream-record';
import { groupMembers, isMember, readMembers } from './patterns/membership';
import { rowOf } from './patterns/group-rows';
import { findPairGroup } from './patterns/pair';
import { enableStream } from './table/table';
import { canonicalSortKey, nowMicros } from './internal/timestamp';
import {
  originalConversation,
  originalCreateMessageGroup,
  originalStreamHandler,
  pythonIsoformat,
} from './testing/original-cruddur';
import { streamReader } from './testing/stream';
import { createTestTable, snapshot, someone, type TestTable } from './testing/test-table';
import { type Message } from './model/types';

/**
 * A table only the original Python code has written — created its way (provisioned, no stream),
 * conversations from hosts outside UTC, several groups for one pair — taken over by this package.
 */
let ctx: TestTable;
const problems: DataProblem[] = [];
const [mira, tomas, priya, kenji] = ['mira', 'tomas', 'priya', 'kenji'].map(someone) as [
  ReturnType<typeof someone>,
  ReturnType<typeof someone>,
  ReturnType<typeof someone>,
  ReturnType<typeof someone>,
];
const MARCH_2023 = Date.parse('2023-03-22T19:03:07.000Z') * 1000;
let chicago: { messageGroupUuid: string; sks: string[] };
let kolkata: { messageGroupUuid: string; sks: string[] };

beforeAll(async () => {
  ctx = await createTestTable('legacy', { original: true, report: (p) => problems.push(p) });
  const w = { client: ctx.client, tableName: ctx.tableName };
  // Written on a host in Chicago (UTC-5, summer time not yet), then one in Kolkata (UTC+5:30)
  // whose first message fell on a whole second, so isoformat wrote no fraction.
  chicago = await originalConversation(
    { ...w, at: MARCH_2023 + 123_456, offsetMinutes: -300 },
    mira,
    tomas,
    ['hola desde Chicago', 'hi back', 'how is the weather?'],
  );
  kolkata = await originalConversation(
    { ...w, at: MARCH_2023 + 3_600_000_000, offsetMinutes: 330 },
    priya,
    mira,
    ['namaste from Kolkata', 'hello Priya'],
  );
});
afterAll(() => ctx?.close());

describe('a table the original wrote', () => {
  it('holds what the original writes: keys with UTC offsets, and no fraction on a whole second', () => {
    expect(chicago.sks[0]).toBe('2023-03-22T14:03:07.123456-05:00');
    expect(kolkata.sks[0]).toBe('2023-03-23T01:33:07+05:30');
    expect(pythonIsoformat(MARCH_2023, 0)).toBe('2023-03-22T19:03:07+00:00');
  });

  it('lists every conversation and message, in time order, with canonical times', async () => {
    const groups = (await listMessageGroups(ctx, mira.uuid)).items;
    expect(groups.map((g) => g.messageGroupUuid)).toEqual([
      kolkata.messageGroupUuid,
      chicago.messageGroupUuid,
    ]);
    expect(groups.map((g) => [g.other.handle, g.lastMessage, g.lastMessageAt])).toEqual([
      ['priya', 'hello Priya', canonicalSortKey(kolkata.sks[1])],
      ['tomas', 'how is the weather?', canonicalSortKey(chicago.sks[2])],
    ]);
    const messages = (await listMessages(ctx, chicago.messageGroupUuid)).items;
    expect(messages.map((m) => [m.sender.handle, m.message, m.createdAt])).toEqual([
      ['mira', 'hola desde Chicago', '2023-03-22T19:03:07.123456+00:00'],
      ['tomas', 'hi back', '2023-03-22T19:04:07.123456+00:00'],
      ['mira', 'how is the weather?', '2023-03-22T19:05:07.123456+00:00'],
    ]);
  });

  it('lets both members open and answer an old conversation, and nobody else', async () => {
    expect(await readMembers(ctx, chicago.messageGroupUuid)).toBeNull();
    expect(await isMember(ctx, chicago.messageGroupUuid, tomas.uuid)).toBe(true);
    expect(await isMember(ctx, chicago.messageGroupUuid, priya.uuid)).toBe(false);
    // Adopted on first use: from now on membership is one read like any other group's.
    expect(await readMembers(ctx, chicago.messageGroupUuid)).toEqual(
      [mira.uuid, tomas.uuid].sort(),
    );

    const reply = await createMessage(ctx, {
      messageGroupUuid: chicago.messageGroupUuid,
      sender: tomas,
      message: 'sunny, finally',
    });
    expect((await listMessages(ctx, chicago.messageGroupUuid)).items.at(-1)).toEqual(reply);
    await expect(
      createMessage(ctx, {
        messageGroupUuid: chicago.messageGroupUuid,
        sender: priya,
        message: 'hi',
      }),
    ).rejects.toThrow(/not a participant/);
  });

  it('sends a new message to someone into the latest of the groups the original made for the pair, once and for all', async () => {
    const w = { client: ctx.client, tableName: ctx.tableName };
    // The original made a new group each time someone messaged a person they already talked to.
    const older = await originalCreateMessageGroup(
      { ...w, at: MARCH_2023 - 86_400_000_000 },
      kenji,
      mira,
      'old one',
    );
    const newer = await originalCreateMessageGroup(
      { ...w, at: MARCH_2023 - 3_600_000_000 },
      mira,
      kenji,
      'newer one',
    );
    const sent = await createMessageGroup(ctx, {
      sender: kenji,
      recipient: mira,
      message: 'which one?',
    });
    expect(sent).toMatchObject({ created: false, messageGroupUuid: newer.messageGroupUuid });
    expect(await findPairGroup(ctx, kenji.uuid, mira.uuid)).toBe(newer.messageGroupUuid);
    const again = await createMessageGroup(ctx, {
      sender: mira,
      recipient: kenji,
      message: 'this one',
    });
    expect(again.messageGroupUuid).toBe(newer.messageGroupUuid);
    // The other stays readable.
    expect((await listMessages(ctx, older.messageGroupUuid)).items.map((m) => m.message)).toEqual([
      'old one',
    ]);
    expect(await groupMembers(ctx, older.messageGroupUuid)).toEqual([kenji.uuid, mira.uuid].sort());
  });

  it('serves the rest of a list when one item cannot be read, and reports its key', async () => {
    const broken = {
      pk: { S: `GRP#${mira.uuid}` },
      sk: { S: '2023-13-45T99:00:00+00:00' },
      message: { S: '?' },
    };
    await ctx.client.send(new PutItemCommand({ TableName: ctx.tableName, Item: broken }));
    problems.length = 0;
    const groups = (await listMessageGroups(ctx, mira.uuid, { limit: 100 })).items;
    expect(groups.length).toBeGreaterThanOrEqual(2);
    expect(problems).toEqual([
      {
        key: `GRP#${mira.uuid} / 2023-13-45T99:00:00+00:00`,
        problem: expect.stringMatching(/^skipped, unreadable/) as string,
      },
    ]);
    await ctx.client.send(
      new DeleteItemCommand({ TableName: ctx.tableName, Key: { pk: broken.pk, sk: broken.sk } }),
    );
  });
});

describe('pattern E on a table the original wrote', () => {
  let stream: ReturnType<typeof streamReader>;
  beforeAll(async () => {
    // The original's schema-load made no stream.
    const before = await ctx.client.send(new DescribeTableCommand({ TableName: ctx.tableName }));
    expect(before.Table?.StreamSpecification?.StreamEnabled).not.toBe(true);
    expect(await enableStream(ctx)).toBe('enabled');
    expect(await enableStream(ctx)).toBe('already-enabled');
    stream = streamReader(ctx);
  });
  afterAll(() => stream?.close());

  async function apply(message: Message) {
    const record = await stream.insertOf(`MSG#${message.messageGroupUuid}`, message.createdAt);
    return applyStreamRecords(ctx, [record]);
  }

  async function rowsOf(group: string, ...users: { uuid: string }[]) {
    return Promise.all(
      users.map(async (u) => {
        const row = (await listMessageGroups(ctx, u.uuid, { limit: 100 })).items.find(
          (g) => g.messageGroupUuid === group,
        );
        return row && [row.lastMessage, row.unread];
      }),
    );
  }

  it("moves the original's rows, counting what the other person has not read", async () => {
    const sent = await createMessage(ctx, {
      messageGroupUuid: kolkata.messageGroupUuid,
      sender: priya,
      message: 'are you there?',
    });
    const { results } = await apply(sent);
    expect(results).toEqual([{ outcome: 'applied', rowsUpdated: 2 }]);
    expect(await rowsOf(kolkata.messageGroupUuid, priya, mira)).toEqual([
      ['are you there?', 0],
      ['are you there?', 1],
    ]);
  });

  it('carries on when the original Lambda, still attached during a cut-over, has moved the rows itself', async () => {
    const group = kolkata.messageGroupUuid;
    const outside = await createMessage(ctx, {
      messageGroupUuid: group,
      sender: mira,
      message: 'yes!',
    });
    // The original's handler gets this record first: it deletes and re-puts both rows, dropping
    // this project's bookkeeping.
    await originalStreamHandler(
      ctx.client,
      ctx.tableName,
      group,
      outside.createdAt,
      outside.message,
    );
    const next = await createMessage(ctx, {
      messageGroupUuid: group,
      sender: priya,
      message: 'great',
    });
    expect((await apply(outside)).results).toEqual([{ outcome: 'stale', rowsUpdated: 0 }]);
    expect((await apply(next)).results).toEqual([{ outcome: 'applied', rowsUpdated: 2 }]);
    expect(await rowsOf(group, priya, mira)).toEqual([
      ['great', 0],
      ['great', 1],
    ]);
  });

  it('writes the row a member lost (a crash of the original between delete and put) back', async () => {
    const group = chicago.messageGroupUuid;
    // The row as stored (its key still in the original's form).
    const tomasRow = await rowOf(ctx, tomas.uuid, group);
    await ctx.client.send(
      new DeleteItemCommand({
        TableName: ctx.tableName,
        Key: { pk: { S: tomasRow!.item.pk }, sk: { S: tomasRow!.item.sk } },
      }),
    );
    problems.length = 0;
    const sent = await createMessage(ctx, {
      messageGroupUuid: group,
      sender: mira,
      message: 'still there?',
    });
    const { results } = await apply(sent);
    expect(results).toEqual([{ outcome: 'applied', rowsUpdated: 2 }]);
    expect(await rowsOf(group, mira, tomas)).toEqual([
      ['still there?', 0],
      ['still there?', 1],
    ]);
    expect(problems.map((p) => p.problem)).toContain(`no row of group ${group}: writing it anew`);
  });

  it('changes nothing when the whole stream is fed to it again', async () => {
    const before = await snapshot(ctx);
    const { results } = await applyStreamRecords(ctx, await stream.all());
    expect(results.some((r) => 'error' in r)).toBe(false);
    expect(await snapshot(ctx)).toEqual(before);
    expect(nowMicros()).toBeGreaterThan(MARCH_2023);
  });
});
