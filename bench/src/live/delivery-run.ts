import { type AppRouter } from '@cruddur/api';
import { type TRPCClient } from '@trpc/client';
import { type SignedInPerson } from './people';
import { sendAtRate, type Conversation, type Sent } from './traffic';

/** What one design is run with: the same people, conversations, traffic and waits for both. */
export interface RunInput {
  people: SignedInPerson[];
  /** Open tabs (subscribers) per person. */
  tabs: number;
  conversations: Conversation[];
  rate: number;
  durationSec: number;
  /** How long deliveries may take after the last send before they count as missing. */
  drainMs: number;
  /** A person's API client on instance 0 or 1. */
  clients: (person: SignedInPerson, instance: number) => TRPCClient<AppRouter>;
  /** Waits for `condition`, up to `timeoutMs` (then goes on: the run reports what is missing). */
  until: (what: string, condition: () => boolean, timeoutMs?: number) => Promise<void>;
  /** The idle window: counts reads between `reset` and its end. */
  idle: (
    reads: () => number,
    reset: () => void,
  ) => Promise<{ idleReads: number; idleMinutes: number }>;
  progress: (message: string) => void;
}

export interface DeliveryRun {
  design: string;
  subscribers: number;
  sent: number;
  /** Write → the other person's event, per tab of theirs, in ms. */
  latenciesMs: number[];
  missing: number;
  idleReads: number;
  idleMinutes: number;
}

/**
 * The traffic part of a run, the same for both designs: messages at the input's rate, then a
 * wait for every delivery (each to every tab of its recipient) or the drain time.
 */
export async function measureTraffic(
  input: RunInput,
  run: {
    design: string;
    /** Filled as messages go; the run's listeners match deliveries against it. */
    sent: Map<string, Sent>;
    /** Filled by the run's listeners, one figure per delivery. */
    latenciesMs: number[];
    idle: { idleReads: number; idleMinutes: number };
    /** After each send returned (the polling design wakes its instance's pollers). */
    afterSend?: (conversation: Conversation, instance: number) => void;
  },
): Promise<DeliveryRun> {
  input.progress(`sending ${input.rate} messages/s for ${input.durationSec} s`);
  await sendAtRate(input.conversations, input, run.sent, async (sender, c, messageUuid, i) => {
    await input.clients(sender, i).messages.create.mutate({
      messageGroupUuid: c.messageGroupUuid,
      message: run.design,
      messageUuid,
    });
    run.afterSend?.(c, i);
  });
  const expected = run.sent.size * input.tabs;
  await input.until('every delivery', () => run.latenciesMs.length >= expected, input.drainMs);
  return {
    design: run.design,
    subscribers: input.people.length * input.tabs,
    sent: run.sent.size,
    latenciesMs: run.latenciesMs,
    missing: expected - run.latenciesMs.length,
    ...run.idle,
  };
}
