import { type Message } from '@cruddur/ddb';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as pause } from 'node:timers/promises';
import { type Person } from './robustness-stack';

export interface SendOutcome {
  messageUuid: string;
  message: string;
  sender: Person;
  /** `performance.now()` when the request was sent and when its answer (or error) came back. */
  startedAt: number;
  endedAt: number;
  stored?: Message;
  error?: unknown;
}

export interface SteadyLoad {
  readonly outcomes: readonly SendOutcome[];
  /** Answers (stored or failed) to requests sent after `since`. */
  count(kind: 'stored' | 'failed', since?: number): number;
  /** Resolves once every lane has finished (after `stop()`, or when `total` messages were sent). */
  done: Promise<readonly SendOutcome[]>;
  stop(): Promise<readonly SendOutcome[]>;
}

export interface SteadyLoadOptions {
  senders: readonly Person[];
  messageGroupUuid: string;
  label: string;
  /** Requests in flight at once. */
  lanes?: number;
  /** Each lane sends at most one request per interval, so a failing store cannot turn the load into a busy loop. */
  intervalMs?: number;
  /** Stop by itself after this many messages. */
  total?: number;
}

/**
 * A steady stream of `messages.create` calls into one group, the senders taking turns, each with
 * its own `messageUuid`, recording what every request got back.
 */
export function startSteadyLoad(options: SteadyLoadOptions): SteadyLoad {
  const { senders, messageGroupUuid, label } = options;
  const intervalMs = options.intervalMs ?? 50;
  const total = options.total ?? Infinity;
  const outcomes: SendOutcome[] = [];
  let next = 0;
  let stopped = false;

  async function lane(): Promise<void> {
    while (!stopped && next < total) {
      const n = next++;
      const sender = senders[n % senders.length]!;
      const outcome = {
        messageUuid: randomUUID(),
        message: `${label} #${n} from @${sender.handle}`,
        sender,
        startedAt: performance.now(),
      };
      try {
        const { message } = await sender.api.messages.create.mutate({
          messageGroupUuid,
          message: outcome.message,
          messageUuid: outcome.messageUuid,
        });
        outcomes.push({ ...outcome, endedAt: performance.now(), stored: message });
      } catch (error) {
        outcomes.push({ ...outcome, endedAt: performance.now(), error });
      }
      const rest = outcome.startedAt + intervalMs - performance.now();
      if (rest > 0) await pause(rest);
    }
  }

  const done = Promise.all(Array.from({ length: options.lanes ?? 3 }, lane)).then(() => outcomes);
  return {
    outcomes,
    count: (kind, since = -Infinity) =>
      outcomes.filter(
        (o) => o.startedAt > since && (kind === 'stored') === (o.stored !== undefined),
      ).length,
    done,
    stop: () => {
      stopped = true;
      return done;
    },
  };
}
