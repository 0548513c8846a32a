import { type DynamoEnv } from '@cruddur/config';
import {
  applyStreamRecords,
  createDdbContext,
  createMessage,
  createMessageGroup,
  createTable,
  dropTable,
  listMessageGroups,
  listMessages,
  membersOf,
  resolvePairGroup,
  type DdbContext,
  type Message,
  type UserRef,
} from '@cruddur/ddb';
import {
  originalConversation,
  originalCreateMessage,
  originalCreateMessageGroup,
  originalSchemaLoad,
  originalStreamHandler,
  someone,
  streamReader,
} from '@cruddur/ddb/testing';
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { meterCapacity, type Capacity, type CapacityMeter } from './capacity-meter';

export type Design = 'this project' | 'original';

export interface CostRow {
  operation: string;
  /** Per operation (per message for the sends), averaged over the runs. */
  capacity: Record<Design, Capacity | undefined>;
  runs: number;
}

export interface CostReport {
  rows: CostRow[];
}

const ROUNDS = 10;
const BURST = 50;
const PAGE = 20;

interface Bench {
  ctx: DdbContext;
  meter: CapacityMeter;
  stream: ReturnType<typeof streamReader>;
  close(): Promise<void>;
}

async function benchTable(env: DynamoEnv, original: boolean): Promise<Bench> {
  const name = `cruddur-cost-${original ? 'original' : 'project'}-${randomBytes(3).toString('hex')}`;
  const ctx = createDdbContext({ ...env, DDB_TABLE_NAME: name }, { report: () => {} });
  await (original ? originalSchemaLoad(ctx.client, name) : createTable(ctx));
  const meter = meterCapacity(ctx.client);
  const stream = streamReader(ctx, env);
  return {
    ctx,
    meter,
    stream,
    close: async () => {
      stream.close();
      await dropTable(ctx);
      ctx.client.destroy();
    },
  };
}

const add = (a: Capacity, b: Capacity): Capacity => ({
  read: a.read + b.read,
  write: a.write + b.write,
});
const per = (total: Capacity, n: number): Capacity => ({
  read: total.read / n,
  write: total.write / n,
});

/** Pattern E for the records of these messages, as the worker would get them in one batch. */
async function patternE(b: Bench, messages: readonly Message[]): Promise<Capacity> {
  const records = await Promise.all(
    messages.map((m) => b.stream.insertOf(`MSG#${m.messageGroupUuid}`, m.createdAt)),
  );
  return b.meter.during(() => applyStreamRecords(b.ctx, records));
}

/**
 * What each operation costs in DynamoDB capacity on AWS's rules (see capacity-meter.ts), for
 * this project and for the original Python code (its calls, replayed through the same meter on a
 * table created its way), on throw-away tables of the stack's DynamoDB Local.
 */
export async function measureCost(
  env: DynamoEnv,
  progress: (message: string) => void,
): Promise<CostReport> {
  const project = await benchTable(env, false);
  const original = await benchTable(env, true);
  try {
    progress('cost: this project');
    const ours = await projectCosts(project);
    progress('cost: the original, replayed');
    const theirs = await originalCosts(original);
    return {
      rows: Object.keys(ours).map((operation) => ({
        operation,
        capacity: { 'this project': ours[operation]!.capacity, original: theirs[operation] },
        runs: ours[operation]!.runs,
      })),
    };
  } finally {
    await Promise.all([project.close(), original.close()]);
  }
}

type Measured = Record<string, { capacity: Capacity; runs: number }>;

async function projectCosts(b: Bench): Promise<Measured> {
  const { ctx, meter } = b;
  const [ann, bob] = [someone('ann'), someone('bob')];
  const start = await createMessageGroup(ctx, { sender: ann, recipient: bob, message: 'hello' });
  await patternE(b, [start.message]);
  const group = start.messageGroupUuid;
  const members = membersOf(ann.uuid, bob.uuid);
  const send = (sender: UserRef, message: string) =>
    createMessage(ctx, { messageGroupUuid: group, sender, message }, { members });

  // A conversation: each message answers the other's, so its recipient has just read the last one.
  let conversation = { read: 0, write: 0 };
  for (let i = 0; i < ROUNDS; i++) {
    let sent: Message | undefined;
    const write = await meter.during(
      async () => (sent = await send(i % 2 ? ann : bob, `reply ${i}`)),
    );
    conversation = add(conversation, add(write, await patternE(b, [sent!])));
  }

  // Nobody answers: the unread count grows with every message and counting it reads more.
  let unanswered = { read: 0, write: 0 };
  for (let i = 0; i < ROUNDS; i++) {
    let sent: Message | undefined;
    const write = await meter.during(async () => (sent = await send(ann, `anyone? ${i}`)));
    unanswered = add(unanswered, add(write, await patternE(b, [sent!])));
  }

  // A burst into one conversation: the worker gets it as one batch and updates the rows once.
  const burst: Message[] = [];
  const burstWrite = await meter.during(() =>
    Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        send(i % 2 ? ann : bob, `burst ${i}`).then((m) => burst.push(m)),
      ),
    ),
  );
  const burstCost = add(burstWrite, await patternE(b, burst));

  // Starting conversations: a new pair each time (the pair guard is looked up first, as the API does).
  let starting = { read: 0, write: 0 };
  for (let i = 0; i < ROUNDS * 2; i++) {
    const other = someone(`new${i}`);
    let started: Message | undefined;
    const write = await meter.during(async () => {
      const pairGroup = (await resolvePairGroup(ctx, ann.uuid, other.uuid)) ?? null;
      started = (
        await createMessageGroup(
          ctx,
          { sender: ann, recipient: other, message: 'hi' },
          { pairGroup },
        )
      ).message;
    });
    const e = await patternE(b, [started!]);
    if (i < ROUNDS) starting = add(starting, add(write, e));
  }

  const pageA = await meter.during(() => listMessages(ctx, group, { limit: PAGE }));
  const pageB = await meter.during(() => listMessageGroups(ctx, ann.uuid, { limit: PAGE }));
  // By handle, to someone one already talks to: the pair's group is looked up (not cached yet).
  let byHandle = { read: 0, write: 0 };
  for (let i = 0; i < ROUNDS; i++) {
    let sent: Message | undefined;
    const write = await meter.during(async () => {
      sent = (
        await createMessageGroup(ctx, { sender: bob, recipient: ann, message: `by handle ${i}` })
      ).message;
    });
    byHandle = add(byHandle, add(write, await patternE(b, [sent!])));
  }

  return {
    'send, conversation (C+E)': { capacity: per(conversation, ROUNDS), runs: ROUNDS },
    'send, nobody answers (C+E)': { capacity: per(unanswered, ROUNDS), runs: ROUNDS },
    [`send, burst of ${BURST} in one batch (C+E)`]: {
      capacity: per(burstCost, BURST),
      runs: BURST,
    },
    'start a conversation (D+E)': { capacity: per(starting, ROUNDS), runs: ROUNDS },
    'send by handle, pair looked up (C+E)': { capacity: per(byHandle, ROUNDS), runs: ROUNDS },
    [`list messages, ${PAGE} (A)`]: { capacity: pageA, runs: 1 },
    [`list conversations, ${PAGE} (B)`]: { capacity: pageB, runs: 1 },
  };
}

/** The original's calls for the same operations: its writes, then its stream Lambda by hand. */
async function originalCosts(b: Bench): Promise<Record<string, Capacity>> {
  const { ctx, meter } = b;
  const w = { client: ctx.client, tableName: ctx.tableName };
  const now = () => Date.now() * 1000;
  const [ann, bob] = [someone('ann'), someone('bob')];
  const { messageGroupUuid: group } = await originalConversation({ ...w, at: now() }, ann, bob, [
    'hello',
  ]);
  const sendAndStream = (sender: UserRef, text: string) =>
    meter.during(async () => {
      const sk = await originalCreateMessage({ ...w, at: now() }, group, sender, text);
      await originalStreamHandler(ctx.client, ctx.tableName, group, sk, text);
    });

  let conversation = { read: 0, write: 0 };
  for (let i = 0; i < ROUNDS; i++)
    conversation = add(conversation, await sendAndStream(i % 2 ? ann : bob, `reply ${i}`));
  let starting = { read: 0, write: 0 };
  for (let i = 0; i < ROUNDS * 2; i++) {
    const cost = await meter.during(async () => {
      const started = await originalCreateMessageGroup(
        { ...w, at: now() },
        ann,
        someone(`new${i}`),
        'hi',
      );
      await originalStreamHandler(
        ctx.client,
        ctx.tableName,
        started.messageGroupUuid,
        started.sk,
        'hi',
      );
    });
    if (i < ROUNDS) starting = add(starting, cost);
  }
  // The original's list queries (boto3's default: eventually consistent), without its year filter.
  const query = (pk: string) =>
    meter.during(() =>
      ctx.client.send(
        new QueryCommand({
          TableName: ctx.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: pk } },
          ScanIndexForward: false,
          Limit: PAGE,
        }),
      ),
    );
  const perMessage = per(conversation, ROUNDS);
  return {
    'send, conversation (C+E)': perMessage,
    // The original has no read state and no coalescing: every send costs the same.
    'send, nobody answers (C+E)': perMessage,
    [`send, burst of ${BURST} in one batch (C+E)`]: perMessage,
    'start a conversation (D+E)': per(starting, ROUNDS),
    // It started a new group instead: the same cost as starting one.
    'send by handle, pair looked up (C+E)': per(starting, ROUNDS),
    [`list messages, ${PAGE} (A)`]: await query(`MSG#${group}`),
    [`list conversations, ${PAGE} (B)`]: await query(`GRP#${ann.uuid}`),
  };
}
