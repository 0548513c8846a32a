import { type Message } from '@cruddur/ddb';
import { waitUntil } from '@cruddur/devstack';
import { type LiveEvent } from '@cruddur/live';
import {
  createTRPCClient,
  httpSubscriptionLink,
  retryLink,
  type TRPCClientError,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import { type AppRouter } from '../root';
import { type ApiClient } from './trpc-client';

interface Handlers<T> {
  onStarted: () => void;
  onData: (envelope: { id: string; data: T }) => void;
  onError: (error: TRPCClientError<AppRouter>) => void;
}

/** A live subscription that records what it receives, for tests to wait on. */
class Feed<T> {
  /** What arrived, and over which connection (1 = the first; reconnects count up). */
  readonly events: { id: string; data: T; connection: number }[] = [];
  error: TRPCClientError<AppRouter> | undefined;
  /** How many times a connection was established (reconnects count). */
  starts = 0;
  readonly #subscription: { unsubscribe(): void };

  constructor(subscribe: (handlers: Handlers<T>) => { unsubscribe(): void }) {
    this.#subscription = subscribe({
      onStarted: () => {
        this.starts += 1;
      },
      onData: (envelope) => {
        this.events.push({ ...envelope, connection: this.starts });
      },
      onError: (error) => {
        this.error = error;
      },
    });
  }

  get started(): boolean {
    return this.starts > 0;
  }

  async waitFor(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
    await waitUntil(what, async () => condition(), { timeoutMs, intervalMs: 25 });
  }

  close(): void {
    this.#subscription.unsubscribe();
  }
}

/** `messages.onNew` of one conversation. */
export class MessageFeed extends Feed<Message> {
  constructor(api: ApiClient, input: { messageGroupUuid: string; lastEventId?: string }) {
    super((handlers) => api.messages.onNew.subscribe(input, handlers));
  }

  get texts(): string[] {
    return this.events.map((e) => e.data.message);
  }
}

export interface LiveFeedOptions {
  /** Asked for the token at every (re)connection, as the web app does. */
  token: () => string | Promise<string>;
  lastEventId?: string;
  /**
   * Reconnect after the server ends the stream as unauthorized (an expired token), with the last
   * event id, as the web app does after renewing its token.
   */
  renew?: boolean;
}

/** The `live.events` stream of one person, connected the way the web app connects it. */
export class LiveFeed extends Feed<LiveEvent> {
  constructor(baseUrl: string, options: LiveFeedOptions) {
    const client = createTRPCClient<AppRouter>({
      links: [
        retryLink({
          retry: ({ error, attempts }) =>
            options.renew === true && error.data?.code === 'UNAUTHORIZED' && attempts < 5,
        }),
        httpSubscriptionLink({
          url: `${baseUrl}/trpc`,
          EventSource,
          connectionParams: async () => ({ token: await options.token() }),
        }),
      ],
    });
    super((handlers) =>
      client.live.events.subscribe({ lastEventId: options.lastEventId ?? null }, handlers),
    );
  }

  of<K extends LiveEvent['type']>(type: K): Extract<LiveEvent, { type: K }>[] {
    return this.events
      .map((e) => e.data)
      .filter((e): e is Extract<LiveEvent, { type: K }> => e.type === type);
  }

  /** The texts of the message events, in the order they came. */
  get texts(): string[] {
    return this.of('message').map((e) => e.message.message);
  }

  get lastEventId(): string | undefined {
    return this.events.at(-1)?.id;
  }
}
