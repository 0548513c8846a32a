import { type ApiConfig } from '@cruddur/api';
import {
  createDdbContext,
  listMessageGroups,
  listMessagesAfter,
  nowMicros,
  timestampFromMicros,
  type DdbContext,
} from '@cruddur/ddb';
import { EventEmitter, setMaxListeners } from 'node:events';
import { countCalls } from '../live/call-counter';
import { measureTraffic, type DeliveryRun, type RunInput } from '../live/delivery-run';
import { type Sent } from '../live/traffic';

// The design before this round, kept here as the measuring stick (the code is gone): each tab's
// open thread polled DynamoDB from 0.5 s, doubling to 4 s while idle, looking 10 s back; a write
// through the same instance woke its pollers at once; the conversation list polled every 5 s.
const MIN_POLL_MS = 500;
const MAX_POLL_MS = 4_000;
const LOOKBACK_MS = 10_000;
const LIST_POLL_MS = 5_000;

/** Each tab's thread poller and list poller, over the same people and traffic as the live run. */
export async function runPolling(config: ApiConfig, input: RunInput): Promise<DeliveryRun> {
  const { people, tabs, conversations, progress } = input;
  const ddb = createDdbContext(config);
  const counter = countCalls(ddb.client);
  const wake = new EventEmitter().setMaxListeners(0);
  const stop = new AbortController();
  // Every poller waits on it.
  setMaxListeners(0, stop.signal);
  const latencies: number[] = [];
  const sent = new Map<string, Sent>();
  const groupOf = new Map(
    conversations.flatMap((c) => c.members.map((m) => [m.uuid, c.messageGroupUuid] as const)),
  );

  progress(`starting ${people.length * tabs} polling tabs (the design before this round)`);
  const loops = people.flatMap((person) =>
    Array.from({ length: tabs }, (_, tab) => {
      const group = groupOf.get(person.uuid)!;
      const instance = tab % 2;
      const onMessage = (messageUuid: string) => {
        const send = sent.get(messageUuid);
        if (send && send.recipient.uuid === person.uuid)
          latencies.push(performance.now() - send.at);
      };
      return Promise.all([
        pollThread(ddb, group, `${instance} ${group}`, wake, stop.signal, onMessage),
        pollList(ddb, person.uuid, stop.signal),
      ]);
    }),
  );
  try {
    // Let the pollers settle into their idle rhythm before counting.
    await new Promise((resolve) => setTimeout(resolve, MAX_POLL_MS * 2));
    const idle = await input.idle(counter.reads, counter.reset);
    return await measureTraffic(input, {
      design: 'per-thread polling + list every 5 s (before)',
      sent,
      latenciesMs: latencies,
      idle,
      afterSend: (c, instance) => wake.emit(`${instance} ${c.messageGroupUuid}`),
    });
  } finally {
    stop.abort();
    await Promise.allSettled(loops);
    ddb.client.destroy();
  }
}

async function pollThread(
  ddb: DdbContext,
  group: string,
  wakeKey: string,
  wake: EventEmitter,
  signal: AbortSignal,
  onMessage: (messageUuid: string) => void,
): Promise<void> {
  const seen = new Set<string>();
  let newest = nowMicros();
  let pollMs = MIN_POLL_MS;
  while (!signal.aborted) {
    const { items } = await listMessagesAfter(
      ddb,
      group,
      timestampFromMicros(newest - LOOKBACK_MS * 1000),
      100,
    );
    let found = false;
    for (const m of items) {
      if (seen.has(m.messageUuid)) continue;
      seen.add(m.messageUuid);
      found = true;
      onMessage(m.messageUuid);
      newest = Math.max(newest, Date.parse(m.createdAt) * 1000);
    }
    pollMs = found ? MIN_POLL_MS : Math.min(pollMs * 2, MAX_POLL_MS);
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake.off(wakeKey, done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, pollMs);
      wake.once(wakeKey, done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

async function pollList(ddb: DdbContext, userUuid: string, signal: AbortSignal): Promise<void> {
  // Tabs did not open in the same millisecond.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * LIST_POLL_MS));
  while (!signal.aborted) {
    await listMessageGroups(ddb, userUuid);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, LIST_POLL_MS);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }
}
