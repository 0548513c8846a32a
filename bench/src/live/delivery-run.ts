import { type AppRouter } from '@cruddur/api';
import { type TRPCClient } from '@trpc/client';
import { type SignedInPerson } from './people';
import { type Conversation } from './traffic';

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
