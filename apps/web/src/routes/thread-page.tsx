import { skipToken } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAuthStore } from '../auth/auth-context';
import { useConversations } from '../components/conversations-provider';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { MessageForm } from '../components/message-form';
import { MessageThread } from '../components/message-thread';
import { ThreadHeader } from '../components/thread-header';
import { apiErrorKind } from '../lib/api-errors';
import type { Message } from '../lib/api-types';
import { reconcileThread, threadFromPages, withMessage } from '../lib/thread-messages';
import { useMe } from '../lib/use-me';
import { useSendMessage, type SentMessage } from '../lib/use-send-message';
import { useWideScreen } from '../lib/use-wide-screen';
import { trpc } from '../trpc';

const PAGE_SIZE = 30;

/** `/messages/:groupUuid`; keyed by the group so that switching conversations starts afresh. */
export function ThreadPage() {
  const { groupUuid = '' } = useParams();
  return <ThreadView key={groupUuid} groupUuid={groupUuid} />;
}

function ThreadView({ groupUuid }: { groupUuid: string }) {
  const auth = useAuthStore();
  const me = useMe();
  const utils = trpc.useUtils();
  const { conversations, record } = useConversations();
  const wide = useWideScreen();
  const [announcement, setAnnouncement] = useState('');

  const input = useMemo(() => ({ messageGroupUuid: groupUuid, limit: PAGE_SIZE }), [groupUuid]);
  const query = trpc.messages.list.useInfiniteQuery(input, {
    getNextPageParam: (page) => page.nextCursor,
    // The live subscription keeps the thread current; refetching every page on focus adds nothing.
    refetchOnWindowFocus: false,
  });

  /** Adds a server-confirmed message to the thread; false when it was already there. */
  const addConfirmed = useCallback(
    (message: Message): boolean => {
      const before = utils.messages.list.getInfiniteData(input);
      const after = withMessage(before, message);
      if (after === before) return false;
      utils.messages.list.setInfiniteData(input, after);
      record({
        messageGroupUuid: groupUuid,
        lastMessage: message.message,
        lastMessageAt: message.createdAt,
      });
      return true;
    },
    [utils, input, record, groupUuid],
  );

  // Subscribe from the newest message of the first load (event ids are message timestamps), so that
  // nothing sent between that load and the subscription starting is missed.
  const [resumeAfter, setResumeAfter] = useState<string | null>();
  if (query.data && resumeAfter === undefined)
    setResumeAfter(query.data.pages[0]?.items.at(-1)?.createdAt ?? null);

  const live = trpc.messages.onNew.useSubscription(
    resumeAfter === undefined
      ? skipToken
      : { messageGroupUuid: groupUuid, lastEventId: resumeAfter },
    {
      onData: ({ data: message }) => {
        // After a reconnect the server may deliver a message again; it is shown and announced once.
        if (addConfirmed(message) && message.sender.uuid !== me.data?.uuid)
          setAnnouncement(`${message.sender.displayName}: ${message.message}`);
      },
      onError: (error) => {
        if (apiErrorKind(error) === 'unauthorized') auth.signOut({ detail: error.message });
      },
    },
  );

  const sender = useSendMessage({ messageGroupUuid: groupUuid }, ({ message }: SentMessage) => {
    addConfirmed(message);
  });
  const confirmed = useMemo(() => threadFromPages(query.data?.pages ?? []), [query.data]);
  const items = useMemo(
    () => reconcileThread(confirmed, sender.pending),
    [confirmed, sender.pending],
  );

  const other =
    conversations.find((c) => c.messageGroupUuid === groupUuid)?.other ??
    confirmed.find((m) => m.sender.uuid !== me.data?.uuid)?.sender;

  if (query.isError && !query.data) {
    const kind = apiErrorKind(query.error);
    if (kind === 'forbidden' || kind === 'invalid' || kind === 'not-found') {
      return (
        <section className="thread-pane">
          <ThreadHeader user={undefined} />
          <div className="placeholder" role="alert">
            <h2>Conversation not found or not yours.</h2>
            <Link to="/messages">Back to your conversations</Link>
          </div>
        </section>
      );
    }
  }

  return (
    <section className="thread-pane" aria-labelledby="thread-title">
      <ThreadHeader user={other}>
        {live.status === 'connecting' && (
          <p className="live-status" role="status">
            Connecting…
          </p>
        )}
      </ThreadHeader>
      {live.status === 'error' && (
        <ErrorBanner
          message="Live updates stopped: new messages will not appear until you reconnect."
          onRetry={live.reset}
        />
      )}
      {query.isPending && <Loading label="Loading messages…" />}
      {query.isError && (
        <ErrorBanner
          error={query.error}
          onRetry={() =>
            void (query.isFetchNextPageError ? query.fetchNextPage() : query.refetch())
          }
        />
      )}
      {query.data && (
        <MessageThread
          label={`Conversation with ${other?.displayName ?? 'this person'}`}
          items={items}
          meUuid={me.data?.uuid}
          older={{
            available: query.hasNextPage,
            loading: query.isFetchingNextPage,
            load: () => void query.fetchNextPage(),
          }}
          onRetry={sender.retry}
          empty={<p className="muted">No messages yet.</p>}
          announcement={announcement}
        />
      )}
      {sender.error && <ErrorBanner error={sender.error} />}
      <MessageForm
        onSend={sender.send}
        disabled={!query.data || !sender.canSend}
        autoFocus={wide}
      />
    </section>
  );
}
