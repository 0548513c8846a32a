import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { MessageGroup } from '../lib/api-types';
import { orderConversations } from '../lib/conversation-order';
import { useUnreadTitle } from '../lib/use-unread-title';
import { totalUnread, withActivity, type GroupActivity } from '../live/conversation-pages';
import { CONVERSATIONS_INPUT } from '../live/live-cache';
import { trpc } from '../trpc';

export interface ConversationsValue {
  conversations: MessageGroup[];
  query: ReturnType<typeof useConversationPages>;
  /** Unread messages over all conversations (the API stops counting at 100), null until known. */
  totalUnread: number | null;
  /** Apply a message this tab sent before the server's list reflects it. */
  record: (activity: GroupActivity) => void;
}

/**
 * The list is kept current by the live stream (LiveProvider), not by refetching: no polling,
 * and no refetch on window focus.
 */
function useConversationPages() {
  return trpc.messageGroups.list.useInfiniteQuery(CONVERSATIONS_INPUT, {
    getNextPageParam: (page) => page.nextCursor,
    refetchOnWindowFocus: false,
  });
}

const ConversationsContext = createContext<ConversationsValue | null>(null);

/**
 * The signed-in user's conversations, shared by the list and the views that need to know them;
 * their total unread is also in the page title.
 */
export function ConversationsProvider({ children }: { children: ReactNode }) {
  const query = useConversationPages();
  const utils = trpc.useUtils();

  const record = useCallback(
    (activity: GroupActivity) =>
      utils.messageGroups.list.setInfiniteData(CONVERSATIONS_INPUT, (data) =>
        data ? withActivity(data, activity) : data,
      ),
    [utils],
  );

  const conversations = useMemo(() => orderConversations(query.data?.pages ?? []), [query.data]);
  const total = totalUnread(query.data);
  useUnreadTitle(total);
  const value = useMemo(
    () => ({ conversations, query, totalUnread: total, record }),
    [conversations, query, total, record],
  );
  return <ConversationsContext value={value}>{children}</ConversationsContext>;
}

export function useConversations(): ConversationsValue {
  const value = useContext(ConversationsContext);
  if (!value) throw new Error('useConversations needs a <ConversationsProvider> above it');
  return value;
}
