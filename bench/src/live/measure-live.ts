import { createApiServer, type ApiConfig, type ApiServer, type AppRouter } from '@cruddur/api';
import { waitUntil } from '@cruddur/devstack';
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import { runPolling } from '../baseline/polling-delivery';
import { lagFigures, type LagFigures } from '../stream-lag/percentiles';
import { type DeliveryRun, type RunInput } from './delivery-run';
import { runLiveStreams } from './live-stream-run';
import { signedInPeople, type SignedInPerson } from './people';
import { type Conversation } from './traffic';

export interface LiveDeliveryOptions {
  people: number;
  tabs: number;
  rate: number;
  durationSec: number;
  idleSec: number;
}

export interface LiveDeliveryRow {
  design: string;
  subscribers: number;
  sent: number;
  delivery?: LagFigures;
  missing: number;
  /** DynamoDB reads per connected, idle subscriber per minute (the goal is 0). */
  idleReadsPerSubscriberMinute: number;
}

export interface LiveDeliveryReport {
  options: LiveDeliveryOptions;
  rows: LiveDeliveryRow[];
}

const DRAIN_MS = 15_000;

/**
 * Live delivery beside the design it replaced, with the same people, tabs and traffic: two API
 * instances in this process on the stack's stores, every tab connected, first idle (reads
 * counted), then `rate` messages a second between pairs of them (write → the other person's
 * tabs timed). The stack's stream worker runs, as it would.
 */
export async function measureLiveDelivery(
  config: ApiConfig,
  clientId: string,
  options: LiveDeliveryOptions,
  progress: (message: string) => void,
): Promise<LiveDeliveryReport> {
  const people = await signedInPeople(config, clientId, options.people, progress);
  const instances: ApiServer[] = [];
  try {
    for (let i = 0; i < 2; i++)
      instances.push(
        await createApiServer(
          // Each person holds `tabs` streams, half of them on each instance.
          { ...config, LIVE_MAX_STREAMS_PER_USER: options.tabs },
          { port: 0 },
        ),
      );
    const clients = new Map<string, TRPCClient<AppRouter>>();
    const clientOf = (person: SignedInPerson, instance: number) => {
      const key = `${person.uuid} ${instance}`;
      let client = clients.get(key);
      if (!client) {
        client = createTRPCClient<AppRouter>({
          links: [
            httpLink({
              url: `${instances[instance]!.url}/trpc`,
              headers: { authorization: `Bearer ${person.accessToken}` },
            }),
          ],
        });
        clients.set(key, client);
      }
      return client;
    };
    progress(`starting ${Math.floor(people.length / 2)} conversations`);
    const conversations: Conversation[] = [];
    for (let i = 0; i + 1 < people.length; i += 2) {
      const members: [SignedInPerson, SignedInPerson] = [people[i]!, people[i + 1]!];
      const { messageGroupUuid } = await clientOf(members[0], 0).messages.create.mutate({
        handle: members[1].handle,
        message: 'hello',
      });
      conversations.push({ messageGroupUuid, members });
    }
    const input: RunInput = {
      people: people.slice(0, conversations.length * 2),
      tabs: options.tabs,
      conversations,
      rate: options.rate,
      durationSec: options.durationSec,
      drainMs: DRAIN_MS,
      clients: clientOf,
      progress,
      until: async (what, condition, timeoutMs = 120_000) => {
        await waitUntil(what, async () => condition(), { timeoutMs, intervalMs: 50 }).catch(
          () => {},
        );
      },
      idle: async (reads, reset) => {
        progress(`idle for ${options.idleSec} s, counting DynamoDB reads`);
        reset();
        const started = performance.now();
        await new Promise((resolve) => setTimeout(resolve, options.idleSec * 1000));
        return { idleReads: reads(), idleMinutes: (performance.now() - started) / 60_000 };
      },
    };
    const runs = [await runLiveStreams(instances, input), await runPolling(config, input)];
    return { options, rows: runs.map(toRow) };
  } finally {
    await Promise.allSettled(instances.map((i) => i.close()));
  }
}

function toRow(run: DeliveryRun): LiveDeliveryRow {
  return {
    design: run.design,
    subscribers: run.subscribers,
    sent: run.sent,
    delivery: lagFigures(run.latenciesMs),
    missing: run.missing,
    idleReadsPerSubscriberMinute:
      Math.round((run.idleReads / run.subscribers / run.idleMinutes) * 100) / 100,
  };
}
