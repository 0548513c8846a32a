import { type ApiServer, type AppRouter } from '@cruddur/api';
import { createTRPCClient, httpSubscriptionLink, type TRPCClient } from '@trpc/client';
import { EventSource } from 'eventsource';
import { measureTraffic, type DeliveryRun, type RunInput } from './delivery-run';
import { countCalls } from './call-counter';
import { type Sent } from './traffic';

/**
 * This round's design: every tab holds one `live.events` stream, half of each person's tabs on
 * each instance; the API publishes each message once through PostgreSQL LISTEN/NOTIFY and every
 * instance hands it to the streams it holds. Nothing is polled.
 */
export async function runLiveStreams(
  instances: readonly ApiServer[],
  input: RunInput,
): Promise<DeliveryRun> {
  const { people, tabs, progress } = input;
  const counters = instances.map((i) => countCalls(i.services.ddb.client));
  const latencies: number[] = [];
  const delivered = new Set<string>();
  const sent = new Map<string, Sent>();
  const subscriptions: { unsubscribe(): void }[] = [];
  let ready = 0;

  progress(`opening ${people.length * tabs} live streams over ${instances.length} instances`);
  for (const person of people) {
    for (let tab = 0; tab < tabs; tab++) {
      const instance = instances[tab % instances.length]!;
      const client: TRPCClient<AppRouter> = createTRPCClient<AppRouter>({
        links: [
          httpSubscriptionLink({
            url: `${instance.url}/trpc`,
            EventSource,
            connectionParams: { token: person.accessToken },
          }),
        ],
      });
      const key = `${person.uuid} ${tab}`;
      subscriptions.push(
        client.live.events.subscribe(
          {},
          {
            onData: ({ data: event }) => {
              if (event.type === 'ready') ready += 1;
              if (event.type !== 'message') return;
              const send = sent.get(event.message.messageUuid);
              if (!send || send.recipient.uuid !== person.uuid) return;
              const id = `${key} ${event.message.messageUuid}`;
              if (delivered.has(id)) return;
              delivered.add(id);
              latencies.push(performance.now() - send.at);
            },
          },
        ),
      );
    }
  }
  try {
    await input.until('every stream is ready', () => ready >= people.length * tabs);
    const idle = await input.idle(
      () => counters.reduce((sum, c) => sum + c.reads(), 0),
      () => counters.forEach((c) => c.reset()),
    );
    return await measureTraffic(input, {
      design: 'live.events, PostgreSQL LISTEN/NOTIFY',
      sent,
      latenciesMs: latencies,
      idle,
    });
  } finally {
    for (const s of subscriptions) s.unsubscribe();
  }
}
