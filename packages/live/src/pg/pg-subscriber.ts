import { EventEmitter } from 'node:events';
import createPostgresSubscriber from 'pg-listen';
import { type LiveSubscriber } from '../bus';
import { type Delivery } from '../events';
import { BLOCKS_CHANGED_CHANNEL, DELIVERIES_CHANNEL, USERS_CHANGED_CHANNEL } from './channels';
import { decodeDelivery } from './payload';

export interface PgSubscriberOptions {
  /** Connection problems, reported as they happen (the subscriber keeps reconnecting). */
  onError?: (error: Error) => void;
  /** How often the connection is checked with a trivial query (default 30 s). */
  checkIntervalMs?: number;
}

/**
 * LISTENs on one dedicated connection (pg-listen keeps it alive and reconnects with backoff,
 * for as long as it takes). A reconnect is reported as a gap: NOTIFY is not queued for a
 * listener that is away. `start` may be called again after it failed.
 */
export function createPgSubscriber(
  databaseUrl: string,
  options: PgSubscriberOptions = {},
): LiveSubscriber {
  const events = new EventEmitter().setMaxListeners(0);
  let started = false;

  const connect = () => {
    const listener = createPostgresSubscriber(
      { connectionString: databaseUrl },
      {
        // Payloads are decoded and checked here, not by pg-listen's JSON.parse.
        parse: (payload: string) => payload,
        paranoidChecking: options.checkIntervalMs ?? 30_000,
        retryInterval: (attempt) => Math.min(5_000, 100 * 2 ** attempt),
        retryLimit: Infinity,
        retryTimeout: 0,
      },
    );
    listener.notifications.on(DELIVERIES_CHANNEL, (payload: string) => {
      const delivery = decodeDelivery(payload);
      if (delivery) events.emit('delivery', delivery);
    });
    listener.notifications.on(USERS_CHANGED_CHANNEL, (payload: string) =>
      events.emit('user', payload),
    );
    listener.notifications.on(BLOCKS_CHANGED_CHANNEL, (payload: string) => {
      const [blocker, blocked] = payload.split(' ');
      if (blocker && blocked) events.emit('block', blocker, blocked);
    });
    listener.events.on('connected', () => {
      // The first connection is the start, not a gap.
      if (started) events.emit('gap');
    });
    listener.events.on('error', (error) => options.onError?.(error));
    return listener;
  };
  let listener = connect();

  const on =
    <A extends unknown[]>(name: string) =>
    (fn: (...args: A) => void) => {
      events.on(name, fn as (...args: unknown[]) => void);
      return () => void events.off(name, fn as (...args: unknown[]) => void);
    };

  return {
    async start() {
      try {
        await listener.connect();
        await listener.listenTo(DELIVERIES_CHANNEL);
        await listener.listenTo(USERS_CHANGED_CHANNEL);
        await listener.listenTo(BLOCKS_CHANGED_CHANNEL);
        started = true;
      } catch (error) {
        // pg-listen retries a connection it once had, not a first one: the next start tries anew.
        await listener.close().catch(() => {});
        listener = connect();
        throw error;
      }
    },
    onDelivery: on<[Delivery]>('delivery'),
    onUserChanged: on<[string]>('user'),
    onBlockChanged: on<[string, string]>('block'),
    onGap: on<[]>('gap'),
    close: async () => {
      events.removeAllListeners();
      await listener.close();
    },
  };
}
