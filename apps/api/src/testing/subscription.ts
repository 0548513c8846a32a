import { waitUntil } from '@cruddur/devstack';
import { type TRPCClientError } from '@trpc/client';
import { type Message } from '@cruddur/ddb';
import { type AppRouter } from '../root';
import { type ApiClient } from './trpc-client';

/** A live `messages.onNew` subscription that records what it receives, for tests to wait on. */
export class MessageFeed {
  readonly events: { id: string; message: Message }[] = [];
  error: TRPCClientError<AppRouter> | undefined;
  started = false;
  readonly #subscription: { unsubscribe(): void };

  constructor(api: ApiClient, input: { messageGroupUuid: string; lastEventId?: string }) {
    this.#subscription = api.messages.onNew.subscribe(input, {
      onStarted: () => {
        this.started = true;
      },
      onData: ({ id, data }) => {
        this.events.push({ id, message: data });
      },
      onError: (error) => {
        this.error = error;
      },
    });
  }

  get texts(): string[] {
    return this.events.map((e) => e.message.message);
  }

  async waitFor(what: string, condition: () => boolean): Promise<void> {
    await waitUntil(what, async () => condition(), { timeoutMs: 20_000, intervalMs: 50 });
  }

  close(): void {
    this.#subscription.unsubscribe();
  }
}
