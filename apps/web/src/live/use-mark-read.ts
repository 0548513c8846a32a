import { useEffect, useRef } from 'react';
import type { Message, MessageGroup } from '../lib/api-types';
import { useWindowAttention } from '../lib/use-window-attention';
import { trpc } from '../trpc';
import { useLive } from './live-context';

/**
 * Whether my read position should move to `newest`: something is unread, or their newest message
 * is past what I read. Not for my own message alone (it is never unread to me), and when the row
 * is not loaded, only for theirs.
 */
export function needsMarkRead(
  newest: Message,
  row: MessageGroup | undefined,
  meUuid: string,
): boolean {
  const theirs = newest.sender.uuid !== meUuid;
  if (!row) return theirs;
  return row.unread > 0 || (theirs && (row.readAt === null || row.readAt < newest.createdAt));
}

/**
 * Marks the conversation read up to the newest message shown, while the person can see it (the
 * thread is open, the tab visible and its window focused). The answer is my row, applied like a
 * live update, so the badge and the title clear at once (other tabs hear of it from the stream).
 */
export function useMarkRead(
  messageGroupUuid: string,
  newest: Message | undefined,
  row: MessageGroup | undefined,
  meUuid: string | undefined,
): void {
  const { cache } = useLive();
  const attending = useWindowAttention();
  const asked = useRef<string | null>(null);
  const markRead = trpc.messageGroups.markRead.useMutation({
    onSuccess: (group) => void cache.applyGroup(group, null),
    onError: () => {
      asked.current = null;
    },
  });
  const { mutate } = markRead;

  useEffect(() => {
    if (!attending || !newest || !meUuid || asked.current === newest.messageUuid) return;
    if (!needsMarkRead(newest, row, meUuid)) return;
    asked.current = newest.messageUuid;
    mutate({ messageGroupUuid, messageUuid: newest.messageUuid });
  }, [attending, newest, row, meUuid, messageGroupUuid, mutate]);
}
