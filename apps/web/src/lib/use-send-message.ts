import { useEffect, useEffectEvent, useMemo, useSyncExternalStore } from 'react';
import type { OutboxItem, SentMessage } from '../outbox/outbox';
import { useOutbox } from '../outbox/outbox-context';
import { inWritingOrder, isFor, type OutboxTarget } from '../outbox/outbox-queue';
import type { PendingMessage } from './thread-messages';
import { useMe } from './use-me';

export type { SentMessage };

/** Which messages of the outbox a view shows: sent into its conversation, or to its person. */
export interface SendView {
  messageGroupUuid?: string;
  handle?: string;
}

const NOTHING: readonly OutboxItem[] = [];
const noSubscription = () => () => {};

/** What the thread shows for the outbox's messages: "Sending…", "Still sending…", "Not sent". */
export function pendingView(items: readonly OutboxItem[], view: SendView) {
  const phases = new Map(items.map((item) => [item.entry.key, item.phase]));
  const entries = inWritingOrder(items.map((item) => item.entry)).filter((e) => isFor(e, view));
  const labels = new Map<string, string>();
  const pending = entries.map((entry): PendingMessage => {
    const phase = phases.get(entry.key);
    if (phase === 'slow') labels.set(entry.messageUuid, 'Still sending…');
    return {
      messageUuid: entry.messageUuid,
      messageGroupUuid: 'messageGroupUuid' in entry.to ? entry.to.messageGroupUuid : '',
      message: entry.text,
      createdAt: new Date(entry.writtenAt).toISOString(),
      sender: entry.sender,
      editedAt: null,
      deletedAt: null,
      reactions: {},
      rev: 0,
      status: phase === 'failed' ? 'failed' : 'sending',
    };
  });
  const refusal = entries.find((e) => e.refused !== null)?.refused ?? null;
  return { entries, pending, labels, refusal };
}

/**
 * Sending through the outbox (outbox/): a message shows at once as pending, survives a reload,
 * and goes out by itself — in order, under its own id, so that it is stored once however often
 * it is retried — as soon as the API can be reached. `onSent` hears this view's messages the
 * server confirmed (the cache has them already).
 */
export function useSendMessage(
  target: OutboxTarget,
  view: SendView,
  onSent?: (sent: SentMessage) => void,
) {
  const me = useMe();
  const outbox = useOutbox();
  const items = useSyncExternalStore(
    outbox?.subscribe ?? noSubscription,
    outbox?.getSnapshot ?? (() => NOTHING),
  );
  const { messageGroupUuid, handle } = view;
  const shown = useMemo(
    () => pendingView(items, { messageGroupUuid, handle }),
    [items, messageGroupUuid, handle],
  );

  const heard = useEffectEvent((sent: SentMessage) => onSent?.(sent));
  useEffect(() => {
    if (!outbox) return;
    return outbox.onSent((sent, entry) => {
      if (isFor(entry, { messageGroupUuid, handle })) heard(sent);
    });
  }, [outbox, messageGroupUuid, handle]);

  const keyOf = (messageUuid: string) =>
    shown.entries.find((e) => e.messageUuid === messageUuid)?.key;

  return {
    pending: shown.pending,
    /** "Still sending…" for the messages taking long, by uuid. */
    labels: shown.labels,
    /** Why the API refused a message (it waits for Retry or Discard), or null. */
    refusal: shown.refusal,
    send: (text: string) => {
      if (me.data) outbox?.add(target, text, me.data);
    },
    retry: (messageUuid: string) => {
      const key = keyOf(messageUuid);
      if (key) outbox?.retry(key);
    },
    discard: (messageUuid: string) => {
      const key = keyOf(messageUuid);
      if (key) outbox?.discard(key);
    },
    canSend: me.isSuccess && outbox !== null,
  };
}
