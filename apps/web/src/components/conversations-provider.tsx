import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { MessageGroup } from '../lib/api-types';
import { orderConversations, type GroupActivity } from '../lib/conversation-order';
import { trpc } from '../trpc';

const PAGE_SIZE = 20;
/**
 * Conversation rows move when the stream worker processes a message, which no subscription reports
 * for conversations that are not open; polling the list (only while the tab is visible) keeps their
 * order fresh. Messages this tab sees itself are applied at once through `record`.
 */
const POLL_MS = 5_000;

export interface ConversationsValue {
  conversations: MessageGroup[];
  query: ReturnType<typeof useConversationsQuery>;
  /** Apply a message this tab sent or received before the server's list reflects it. */
  record: (activity: GroupActivity) => void;
}

function useConversationsQuery() {
  return trpc.messageGroups.list.useInfiniteQuery(
    { limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor, refetchInterval: POLL_MS },
  );
}

const ConversationsContext = createContext<ConversationsValue | null>(null);

/** The signed-in user's conversations, shared by the list and the views that need to know them. */
export function ConversationsProvider({ children }: { children: ReactNode }) {
  const query = useConversationsQuery();
  const [activity, setActivity] = useState<ReadonlyMap<string, GroupActivity>>(new Map());

  const record = useCallback((next: GroupActivity) => {
    setActivity((current) => {
      const known = current.get(next.messageGroupUuid);
      if (known && known.lastMessageAt >= next.lastMessageAt) return current;
      return new Map(current).set(next.messageGroupUuid, { ...next, other: next.other ?? known?.other });
    });
  }, []);

  const conversations = useMemo(() => orderConversations(query.data?.pages ?? [], activity.values()), [query.data, activity]);
  const value = useMemo(() => ({ conversations, query, record }), [conversations, query, record]);
  return <ConversationsContext value={value}>{children}</ConversationsContext>;
}

export function useConversations(): ConversationsValue {
  const value = useContext(ConversationsContext);
  if (!value) throw new Error('useConversations needs a <ConversationsProvider> above it');
  return value;
}
