import type { DynamoEnv } from '@cruddur/config';
import {
  applyStreamRecords,
  createDdbContext,
  createMessage,
  createMessageGroup,
  createTable,
  dropTable,
  listMessageGroups,
  membersOf,
  type DdbContext,
  type Message,
  type UserRef,
} from '@cruddur/ddb';
import { createLogger, startPoller, type ApplyRecords } from '@cruddur/stream-worker';
import { messageIdClock } from '@cruddur/validators';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { naiveApply } from './naive-apply';
import { lagFigures, type LagFigures } from './percentiles';

const nextMessageId = messageIdClock();

export type Approach = 'pattern-e' | 'naive';

export interface StreamLagOptions {
  /** Where DynamoDB is; the benchmark creates a table of its own there and drops it at the end. */
  env: Pick<
    DynamoEnv,
    'AWS_REGION' | 'AWS_ENDPOINT_URL_DYNAMODB' | 'AWS_ENDPOINT_URL_DYNAMODB_STREAMS'
  >;
  /** Messages per second, one run per rate and approach. */
  rates?: number[];
  durationSec?: number;
  /** Conversations the messages are spread over (round robin). */
  groups?: number;
  /** Messages per second into one single conversation (a hot group), run after the others. */
  hotRates?: number[];
  approaches?: Approach[];
  /** The poller's idle backoff ceiling; the worker's default unless told otherwise. */
  idleMaxMs?: number;
  /** An unreported run per approach before measuring (0 = none). */
  warmupSec?: number;
  /** How long to wait for the last rows to move before counting the rest as missing. */
  settleTimeoutMs?: number;
  onProgress?: (message: string) => void;
}

export interface StreamLagRun {
  approach: Approach;
  rate: number;
  /** Conversations the messages went to. */
  groups: number;
  sent: number;
  /** Messages that both rows of their group showed. */
  shown: number;
  /** Messages overtaken by a newer one in the same group before the worker reached them. */
  superseded: number;
  /** Messages still not shown when the run gave up waiting: should be 0. */
  missing: number;
  /** Group rows not showing their group's last message at the end: should be 0. */
  wrongRows: number;
  /** From the call that writes a message to the worker having moved both of its group's rows. */
  lagMs?: LagFigures;
}

export interface StreamLagReport {
  table: string;
  durationSec: number;
  groups: number;
  runs: StreamLagRun[];
}

interface Conversation {
  messageGroupUuid: string;
  sender: UserRef;
  recipient: UserRef;
}

const someone = (n: number, side: string): UserRef => ({
  uuid: randomUUID(),
  handle: `bench${side}${n}`,
  displayName: `Bench ${side.toUpperCase()} ${n}`,
});

async function openConversations(ctx: DdbContext, count: number): Promise<Conversation[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, n) => {
      const sender = someone(n, 'a');
      const recipient = someone(n, 'b');
      const { messageGroupUuid } = await createMessageGroup(ctx, {
        sender,
        recipient,
        message: 'hello',
      });
      return { messageGroupUuid, sender, recipient };
    }),
  );
}

/** Rows that do not show the last message their conversation received. */
async function countWrongRows(
  ctx: DdbContext,
  conversations: Conversation[],
  last: Map<string, Message>,
): Promise<number> {
  const rows = await Promise.all(
    conversations.flatMap((c) =>
      [c.sender, c.recipient].map(async (user) => {
        const { items } = await listMessageGroups(ctx, user.uuid, { limit: 1 });
        const row = items.find((group) => group.messageGroupUuid === c.messageGroupUuid);
        return row?.lastMessage === last.get(c.messageGroupUuid)?.message;
      }),
    ),
  );
  return rows.filter((right) => !right).length;
}

/** Whether `promise` settles within `ms` (a rejection passes through); leaves no timer behind. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      promise.then(() => true),
      sleep(ms, undefined, { signal: timer.signal }).then(
        () => false,
        () => false,
      ),
    ]);
  } finally {
    timer.abort();
  }
}

async function runOnce(
  ctx: DdbContext,
  conversations: Conversation[],
  checkpointDir: string,
  approach: Approach,
  rate: number,
  options: Required<Pick<StreamLagOptions, 'durationSec' | 'idleMaxMs' | 'settleTimeoutMs'>> &
    Pick<StreamLagOptions, 'env'>,
): Promise<StreamLagRun> {
  const sentAt = new Map<string, number>();
  const shownAt = new Map<string, number>();
  const superseded = new Set<string>();
  // The last message of a group is the one with the latest sort key, which is not always the last
  // one sent: concurrent writes take their timestamps in whatever order they get there.
  const last = new Map<string, Message>();
  const total = Math.max(1, Math.round(rate * options.durationSec));
  let allSettled = () => {};
  const settled = new Promise<void>((resolve) => (allSettled = resolve));
  // The conversations' first messages are in the stream before the poller starts: the clock
  // starts once it has worked through them, so that a run does not pay for its own setup.
  const greetings = new Set(conversations.map((c) => c.messageGroupUuid));
  let caughtUp = () => {};
  const backlogDone = new Promise<void>((resolve) => (caughtUp = resolve));

  const core: ApplyRecords =
    approach === 'naive' ? naiveApply(ctx) : (records) => applyStreamRecords(ctx, records);
  const apply: ApplyRecords = async (records) => {
    const outcome = await core(records);
    const now = performance.now();
    records.forEach((record, i) => {
      const result = outcome.results[i];
      const id = record.dynamodb?.NewImage?.message_uuid?.S;
      const group = record.dynamodb?.NewImage?.pk?.S?.slice('MSG#'.length);
      if (id && !sentAt.has(id) && group && greetings.delete(group) && greetings.size === 0)
        caughtUp();
      if (
        !result ||
        'error' in result ||
        !id ||
        !sentAt.has(id) ||
        shownAt.has(id) ||
        superseded.has(id)
      )
        return;
      // A message a newer one of the same batch superseded is in the list as soon as that one is.
      if (result.outcome === 'applied' || result.outcome === 'superseded') shownAt.set(id, now);
      else if (result.outcome === 'stale') superseded.add(id);
    });
    if (shownAt.size + superseded.size === total) allSettled();
    return outcome;
  };

  // The runs share one checkpoint folder: each starts where the previous one stopped.
  const poller = startPoller({
    env: { ...options.env, DDB_TABLE_NAME: ctx.tableName },
    checkpointDir,
    apply,
    idleMaxMs: options.idleMaxMs,
    logger: createLogger('silent'),
  });
  try {
    if (!(await settlesWithin(Promise.race([backlogDone, poller.done]), options.settleTimeoutMs))) {
      throw new Error(
        `the worker did not get through the conversations' first messages within ${options.settleTimeoutMs} ms`,
      );
    }
    const started = performance.now();
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < total; i += 1) {
      const due = started + (i * 1000) / rate - performance.now();
      if (due > 0) await sleep(due);
      const conversation = conversations[i % conversations.length]!;
      const messageUuid = nextMessageId();
      const message = `${approach} at ${rate}/s, message ${i}`;
      sentAt.set(messageUuid, performance.now());
      writes.push(
        createMessage(
          ctx,
          {
            messageGroupUuid: conversation.messageGroupUuid,
            sender: conversation.sender,
            message,
            messageUuid,
          },
          // As the API sends: the members are known (they never change).
          { members: membersOf(conversation.sender.uuid, conversation.recipient.uuid) },
        ).then((stored) => {
          const previous = last.get(stored.messageGroupUuid);
          if (!previous || stored.createdAt > previous.createdAt)
            last.set(stored.messageGroupUuid, stored);
        }),
      );
    }
    await Promise.all(writes);
    await settlesWithin(settled, options.settleTimeoutMs);
  } finally {
    await poller.stop();
  }
  const lags = [...shownAt].map(([id, at]) => at - sentAt.get(id)!);
  return {
    approach,
    rate,
    groups: conversations.length,
    sent: total,
    shown: shownAt.size,
    superseded: superseded.size,
    missing: total - shownAt.size - superseded.size,
    wrongRows: await countWrongRows(ctx, conversations, last),
    lagMs: lagFigures(lags),
  };
}

/**
 * Sends messages at steady rates through @cruddur/ddb while the poller runs in this process, and
 * measures how long each takes to reach both rows of its group: with pattern E's core and with
 * the naive query + delete + put, against the same table, one run after the other.
 */
export async function runStreamLagBenchmark(options: StreamLagOptions): Promise<StreamLagReport> {
  const rates = options.rates ?? [5, 20];
  const durationSec = options.durationSec ?? 10;
  const groupCount = options.groups ?? 20;
  const approaches = options.approaches ?? ['pattern-e', 'naive'];
  const progress = options.onProgress ?? (() => {});
  const table = `cruddur-bench-${randomBytes(4).toString('hex')}`;
  const ctx = createDdbContext({ ...options.env, DDB_TABLE_NAME: table });
  const checkpointDir = await mkdtemp(join(tmpdir(), 'stream-lag-'));
  try {
    progress(`creating table ${table}`);
    await createTable(ctx);
    const run = async (approach: Approach, rate: number, seconds: number, groups = groupCount) => {
      // Fresh conversations per run: the naive update drops the bookkeeping pattern E keeps on
      // the rows, so the two must not share a conversation.
      const conversations = await openConversations(ctx, groups);
      return runOnce(ctx, conversations, checkpointDir, approach, rate, {
        env: options.env,
        durationSec: seconds,
        idleMaxMs: options.idleMaxMs ?? 1_000,
        settleTimeoutMs: options.settleTimeoutMs ?? 60_000,
      });
    };
    // DynamoDB Local (a JVM) and this process are slow on their first requests: without a warm-up
    // the first approach measured would pay for it.
    const warmupSec = options.warmupSec ?? 2;
    if (warmupSec > 0) {
      progress(`warming up for ${warmupSec} s per approach`);
      for (const approach of approaches) await run(approach, rates[0]!, warmupSec);
    }
    const runs: StreamLagRun[] = [];
    const plan = [
      ...rates.map((rate) => ({ rate, groups: groupCount })),
      ...(options.hotRates ?? []).map((rate) => ({ rate, groups: 1 })),
    ];
    for (const { rate, groups } of plan) {
      for (const approach of approaches) {
        progress(
          `${approach}: ${rate} messages/s for ${durationSec} s over ${groups} conversation(s)`,
        );
        runs.push(await run(approach, rate, durationSec, groups));
      }
    }
    return { table, durationSec, groups: groupCount, runs };
  } finally {
    await dropTable(ctx, table).catch(() => undefined);
    ctx.client.destroy();
    await rm(checkpointDir, { recursive: true, force: true });
  }
}
