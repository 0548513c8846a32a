import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { MessageGroup } from '../lib/api-types';
import { orderConversations, type GroupActivity } from '../lib/conversation-order';
import { trpc } from '../trpc';

const PAGE_SIZE = 20;
/**
 * Conversation rows move when the stream worker processes a message, which no subscription reports
 * for conversations that are not open. Polling the first page (only while the tab is visible) shows
 * them moving to the top, at one request per interval however far the list was scrolled. Messages
 * this tab sees itself are applied at once through `record`.
 */
const POLL_MS = 5_000;

export interface ConversationsValue {
  conversations: MessageGroup[];
  query: ReturnType<typeof useConversationPages>;
  /** The latest poll of the first page failed (the list shown may be out of date). */
  pollError: unknown;
  /** Apply a message this tab sent or received before the server's list reflects it. */
  record: (activity: GroupActivity) => void;
}

function useConversationPages() {
  return trpc.messageGroups.list.useInfiniteQuery(
    { limit: PAGE_SIZE },
    { getNextPageParam: (page) => page.nextCursor },
  );
}

const ConversationsContext = createContext<ConversationsValue | null>(null);

/** The signed-in user's conversations, shared by the list and the views that need to know them. */
export function ConversationsProvider({ children }: { children: ReactNode }) {
  const query = useConversationPages();
  const latest = trpc.messageGroups.list.useQuery(
    { limit: PAGE_SIZE },
    { enabled: query.isSuccess, refetchInterval: POLL_MS },
  );
  const [activity, setActivity] = useState<ReadonlyMap<string, GroupActivity>>(new Map());

  const record = useCallback((next: GroupActivity) => {
    setActivity((current) => {
      const known = current.get(next.messageGroupUuid);
      if (known && known.lastMessageAt >= next.lastMessageAt) return current;
      return new Map(current).set(next.messageGroupUuid, {
        ...next,
        other: next.other ?? known?.other,
      });
    });
  }, []);

  const conversations = useMemo(() => {
    const pages = query.data?.pages ?? [];
    return orderConversations(latest.data ? [latest.data, ...pages] : pages, activity.values());
  }, [query.data, latest.data, activity]);
  const pollError = latest.isError ? latest.error : null;
  const value = useMemo(
    () => ({ conversations, query, pollError, record }),
    [conversations, query, pollError, record],
  );
  return <ConversationsContext value={value}>{children}</ConversationsContext>;
}

export function useConversations(): ConversationsValue {
  const value = useContext(ConversationsContext);
  if (!value) throw new Error('useConversations needs a <ConversationsProvider> above it');
  return value;
}
