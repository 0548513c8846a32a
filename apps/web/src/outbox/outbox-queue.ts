import { microsOfMessageId } from '@cruddur/validators';
import type { UserRef } from '../lib/api-types';
import { backoffMs } from '../lib/backoff';

/** Where a message goes: a conversation, or a person (the server creates or reuses the group). */
export type OutboxTarget = { messageGroupUuid: string } | { handle: string; other?: UserRef };

/** A message written here that the server has not confirmed yet. */
export interface OutboxEntry {
  /** Its name in storage, for good: the message id may still change before anything is stored. */
  key: string;
  /** The id it is sent with (UUID version 7: its time is where the server stores it). */
  messageUuid: string;
  to: OutboxTarget;
  text: string;
  sender: UserRef;
  /** When it was written (this device's clock, ms): the order messages go out in. */
  writtenAt: number;
  /** When the current wait began (written, or "Retry" pressed): what "Still sending…" counts from. */
  since: number;
  /**
   * A request with this id has gone out, so the message may be stored under it (the answer can
   * be lost): from then on the id is kept, and a retry with it returns the stored message.
   */
  tried: boolean;
  /** Why the API refused it, in words for the person; such a message waits for "Retry". */
  refused: string | null;
}

/** How long a send goes before it says "Still sending…", and before it says "Not sent". */
export const SLOW_AFTER_MS = 3_000;
export const FAILED_AFTER_MS = 20_000;
/** One request that has not answered by then is given up (it may still land: the id stays). */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** Retries back off from 1 s to this, while the API cannot be reached. */
export const RETRY_MAX_MS = 10_000;
/**
 * The API stores a new message only under an id at most 60 s old. An id never sent yet is
 * made again past this age, rather than sent to be refused.
 */
const FRESH_ID_MS = 45_000;

export type SendPhase = 'sending' | 'slow' | 'failed';

/** What the person sees of a message on its way: "Sending…", "Still sending…", "Not sent". */
export function phaseOf(entry: OutboxEntry, now: number): SendPhase {
  if (entry.refused !== null) return 'failed';
  const waited = now - entry.since;
  if (waited >= FAILED_AFTER_MS) return 'failed';
  return waited >= SLOW_AFTER_MS ? 'slow' : 'sending';
}

/** When some message's phase changes next (to show it on time), or null. */
export function nextPhaseChange(entries: readonly OutboxEntry[], now: number): number | null {
  let next: number | null = null;
  for (const entry of entries) {
    if (entry.refused !== null) continue;
    for (const at of [entry.since + SLOW_AFTER_MS, entry.since + FAILED_AFTER_MS])
      if (at > now && (next === null || at < next)) next = at;
  }
  return next;
}

/** The queue in the order it was written (the key breaks ties between tabs). */
export function inWritingOrder(entries: readonly OutboxEntry[]): OutboxEntry[] {
  return [...entries].sort((a, b) =>
    a.writtenAt !== b.writtenAt ? a.writtenAt - b.writtenAt : a.key < b.key ? -1 : 1,
  );
}

/** The message to send next: the oldest one the API has not refused. One at a time, in order. */
export function nextToSend(entries: readonly OutboxEntry[]): OutboxEntry | undefined {
  return inWritingOrder(entries).find((entry) => entry.refused === null);
}

/**
 * The entry as it goes out now. A message never sent before gets a new id if its own is too old
 * for the API, or not later than the last message sent — ids carry the time messages are shown
 * at, so a queue sent after an outage keeps the order it was written in. A message sent before
 * keeps its id whatever its age: it may be stored under it.
 */
export function prepareAttempt(
  entry: OutboxEntry,
  {
    nowMicros,
    lastSentMicros,
    newId,
  }: { nowMicros: number; lastSentMicros: number; newId: () => string },
): OutboxEntry {
  if (entry.tried) return entry;
  const idMicros = microsOfMessageId(entry.messageUuid);
  const stale =
    idMicros === null || idMicros <= lastSentMicros || nowMicros - idMicros > FRESH_ID_MS * 1000;
  return { ...entry, messageUuid: stale ? newId() : entry.messageUuid, tried: true };
}

/** What a failed attempt said, as far as the rules below need it. */
export interface Failure {
  /** The tRPC error code; none when the API was never reached (network, proxy, timeout). */
  code?: string;
  message: string;
  retryAfterMs?: number | null;
}

export type Verdict = { kind: 'retry'; delayMs: number } | { kind: 'new-id' } | { kind: 'refused' };

const UNREACHABLE = new Set([
  'SERVICE_UNAVAILABLE',
  'BAD_GATEWAY',
  'GATEWAY_TIMEOUT',
  'TIMEOUT',
  'CLIENT_CLOSED_REQUEST',
  // An expired token: the session store renews it for the next attempt (or signs out).
  'UNAUTHORIZED',
]);

export const retryDelayMs = (failures: number, random?: () => number): number =>
  backoffMs(failures - 1, RETRY_MAX_MS, random);

/**
 * What to do after attempt number `failures` failed. Unreachable: again, later (the same id:
 * the message may have landed). Too many writes: after the wait the API asks for. The API
 * saying the id is too old and nothing carries it: it was never stored, so a new id is safe.
 * Anything else is a refusal another try would only repeat (a block, a conversation that is not
 * the sender's, bad input): it waits for the person.
 */
export function judgeFailure(
  failure: Failure,
  failures: number,
  random: () => number = Math.random,
): Verdict {
  const { code } = failure;
  if (code === undefined || UNREACHABLE.has(code))
    return { kind: 'retry', delayMs: retryDelayMs(failures, random) };
  if (code === 'TOO_MANY_REQUESTS')
    return {
      kind: 'retry',
      delayMs: Math.max(failure.retryAfterMs ?? 0, retryDelayMs(failures, random)),
    };
  if (code === 'CONFLICT' && /too old/i.test(failure.message)) return { kind: 'new-id' };
  return { kind: 'refused' };
}

/**
 * Whether an entry belongs to a conversation's view: sent into it, or written to its other
 * person before the conversation was known (handles are case-insensitive).
 */
export function isFor(
  entry: OutboxEntry,
  view: { messageGroupUuid?: string; handle?: string },
): boolean {
  return 'messageGroupUuid' in entry.to
    ? entry.to.messageGroupUuid === view.messageGroupUuid
    : entry.to.handle.toLowerCase() === view.handle?.toLowerCase();
}
