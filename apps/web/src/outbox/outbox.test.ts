import { messageIdClock } from '@cruddur/validators';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../lib/api-types';
import { GROUP, mira } from '../testing/fixtures';
import { Outbox, type SentMessage } from './outbox';
import { FAILED_AFTER_MS, SLOW_AFTER_MS, type Failure, type OutboxEntry } from './outbox-queue';
import { OutboxStore } from './outbox-store';

type Send = (entry: OutboxEntry) => Promise<SentMessage>;

const TO = { messageGroupUuid: GROUP };
/** A failed call as the outbox is told of it: a tRPC code when the API answered. */
class CallError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
const unreachable = () => new CallError('Failed to fetch');

function stored(entry: OutboxEntry): SentMessage {
  const message: Message = {
    messageUuid: entry.messageUuid,
    messageGroupUuid: GROUP,
    message: entry.text,
    createdAt: '2026-11-24T19:00:00.000000+00:00',
    sender: mira,
    editedAt: null,
    deletedAt: null,
    reactions: {},
    rev: 0,
  };
  return { messageGroupUuid: GROUP, message };
}

let online = true;
const boxes: Outbox[] = [];

function outbox(send: Send) {
  const onSent = vi.fn();
  const box = new Outbox({
    store: new OutboxStore(localStorage, 'ana'),
    send: (entry) => send(entry),
    onSent,
    failure: (error): Failure => ({
      code: (error as CallError).code,
      message: (error as CallError).message,
    }),
    describe: (error) => (error as CallError).message,
    newId: messageIdClock(() => Date.now() * 1000),
    nowMicros: () => Date.now() * 1000,
    lead: (onLead) => {
      onLead();
      return () => {};
    },
    online: () => online,
    random: () => 1,
  });
  boxes.push(box);
  const phases = () => box.getSnapshot().map((item) => `${item.entry.text}:${item.phase}`);
  return { box, onSent, phases };
}

/** Lets the pending promises (sends, their answers) run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('Outbox', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-11-24T19:00:00Z') });
    localStorage.clear();
    online = true;
  });
  afterEach(() => {
    for (const box of boxes.splice(0)) box.dispose();
    vi.useRealTimers();
  });

  it('sends one message at a time, in the order written, and forgets each once stored', async () => {
    const sent: string[] = [];
    const { box, onSent } = outbox(async (entry) => {
      sent.push(entry.text);
      return stored(entry);
    });
    box.add(TO, 'one', mira);
    box.add(TO, 'two', mira);
    expect(localStorage.length).toBe(2);
    await settle();
    expect(sent).toEqual(['one', 'two']);
    expect(onSent.mock.calls.map(([s]) => (s as SentMessage).message.message)).toEqual([
      'one',
      'two',
    ]);
    expect(box.getSnapshot()).toEqual([]);
    expect(localStorage.length).toBe(0);
  });

  it('while the API cannot be reached: retries with the same id, says "Still sending…", then "Not sent", and sends when it answers', async () => {
    let reachable = false;
    const ids: string[] = [];
    const { box, phases } = outbox(async (entry) => {
      ids.push(entry.messageUuid);
      if (!reachable) throw unreachable();
      return stored(entry);
    });
    box.add(TO, 'hello', mira);
    await settle();
    expect(phases()).toEqual(['hello:sending']);
    await vi.advanceTimersByTimeAsync(SLOW_AFTER_MS);
    expect(phases()).toEqual(['hello:slow']);
    await vi.advanceTimersByTimeAsync(FAILED_AFTER_MS - SLOW_AFTER_MS);
    expect(phases()).toEqual(['hello:failed']);
    expect(ids.length).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(1);

    reachable = true;
    box.kick();
    await settle();
    expect(phases()).toEqual([]);
    expect(new Set(ids).size).toBe(1);
  });

  it('survives a reload: a new outbox on the same storage sends what was left, under the same id', async () => {
    const first = outbox(() => Promise.reject(unreachable()));
    first.box.add(TO, 'written before the reload', mira);
    await settle();
    const id = first.box.getSnapshot()[0]!.entry.messageUuid;
    first.box.dispose();

    const ids: string[] = [];
    const second = outbox(async (entry) => {
      ids.push(entry.messageUuid);
      return stored(entry);
    });
    await settle();
    expect(ids).toEqual([id]);
    expect(second.box.getSnapshot()).toEqual([]);
  });

  it('waits while the browser is offline, and goes when kicked back online', async () => {
    online = false;
    const send = vi.fn(async (entry: OutboxEntry) => stored(entry));
    const { box } = outbox(send);
    box.add(TO, 'offline', mira);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(send).not.toHaveBeenCalled();
    online = true;
    box.kick();
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('makes a new id when the API says the old one never landed and is too old', async () => {
    const ids: string[] = [];
    const { box } = outbox(async (entry) => {
      ids.push(entry.messageUuid);
      if (ids.length === 1)
        throw new CallError('messageUuid: this id is too old for a new message', 'CONFLICT');
      return stored(entry);
    });
    box.add(TO, 'late', mira);
    await settle();
    expect(ids).toHaveLength(2);
    expect(ids[1]).not.toBe(ids[0]);
    expect(box.getSnapshot()).toEqual([]);
  });

  it('holds a refused message for Retry (the ones after it still go), and sends it again on Retry', async () => {
    let refuse = true;
    const sent: string[] = [];
    const { box, phases } = outbox(async (entry) => {
      if (entry.text === 'refused' && refuse) throw new CallError('blocked', 'FORBIDDEN');
      sent.push(entry.text);
      return stored(entry);
    });
    box.add(TO, 'refused', mira);
    box.add(TO, 'next', mira);
    await settle();
    expect(sent).toEqual(['next']);
    expect(phases()).toEqual(['refused:failed']);
    expect(box.getSnapshot()[0]!.entry.refused).toBe('blocked');

    refuse = false;
    box.retry(box.getSnapshot()[0]!.entry.key);
    await settle();
    expect(sent).toEqual(['next', 'refused']);
    expect(phases()).toEqual([]);
  });
});
