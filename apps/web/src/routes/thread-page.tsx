import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useConversations } from '../components/conversations-provider';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { MessageForm } from '../components/message-form';
import { MessageThread } from '../components/message-thread';
import { ThreadHeader } from '../components/thread-header';
import { TypingIndicator } from '../components/typing-indicator';
import { apiErrorKind } from '../lib/api-errors';
import { reconcileThread, seenMessageUuid, threadFromPages } from '../lib/thread-messages';
import { useDraft } from '../lib/use-draft';
import { useMe } from '../lib/use-me';
import { useSendMessage } from '../lib/use-send-message';
import { useWideScreen } from '../lib/use-wide-screen';
import { useLiveEvents } from '../live/live-context';
import { useMarkRead } from '../live/use-mark-read';
import { useTypingPublisher } from '../live/use-typing-publisher';
import { trpc } from '../trpc';

const PAGE_SIZE = 30;

/** `/messages/:groupUuid`; keyed by the group so that switching conversations starts afresh. */
export function ThreadPage() {
  const { groupUuid = '' } = useParams();
  return <ThreadView key={groupUuid} groupUuid={groupUuid} />;
}

function ThreadView({ groupUuid }: { groupUuid: string }) {
  const me = useMe();
  const { conversations } = useConversations();
  const wide = useWideScreen();
  const [announcement, setAnnouncement] = useState('');

  const input = useMemo(() => ({ messageGroupUuid: groupUuid, limit: PAGE_SIZE }), [groupUuid]);
  const query = trpc.messages.list.useInfiniteQuery(input, {
    getNextPageParam: (page) => page.nextCursor,
    // The live stream keeps the thread current; refetching every page on focus adds nothing.
    refetchOnWindowFocus: false,
  });

  const row = conversations.find((c) => c.messageGroupUuid === groupUuid);
  const confirmed = useMemo(() => threadFromPages(query.data?.pages ?? []), [query.data]);
  const other = row?.other ?? confirmed.find((m) => m.sender.uuid !== me.data?.uuid)?.sender;

  useLiveEvents((event, news) => {
    if (!news) return;
    if (
      event.type === 'message' &&
      event.message.messageGroupUuid === groupUuid &&
      event.message.sender.uuid !== me.data?.uuid
    )
      setAnnouncement(`${event.message.sender.displayName}: ${event.message.message}`);
    if (event.type === 'read' && event.messageGroupUuid === groupUuid)
      setAnnouncement(`${other?.displayName ?? 'They'} saw your messages.`);
  });

  const sender = useSendMessage(
    { messageGroupUuid: groupUuid },
    // Also what was written to them before this conversation was known.
    { messageGroupUuid: groupUuid, handle: other?.handle },
  );
  const onTyping = useTypingPublisher(groupUuid);
  const draft = useDraft(groupUuid);
  const items = useMemo(
    () => reconcileThread(confirmed, sender.pending),
    [confirmed, sender.pending],
  );
  const seenUuid = seenMessageUuid(items, me.data?.uuid, query.data?.pages[0]?.otherReadAt ?? null);
  useMarkRead(groupUuid, confirmed.at(-1), row, me.data?.uuid);

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
      <ThreadHeader user={other} />
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
          seenUuid={seenUuid}
          older={{
            available: query.hasNextPage,
            loading: query.isFetchingNextPage,
            load: () => void query.fetchNextPage(),
          }}
          onRetry={sender.retry}
          onDiscard={sender.discard}
          pendingLabels={sender.labels}
          empty={<p className="muted">No messages yet.</p>}
          announcement={announcement}
        />
      )}
      <TypingIndicator messageGroupUuid={groupUuid} name={other?.displayName} />
      {sender.refusal && <ErrorBanner message={`Not sent: ${sender.refusal}`} />}
      <MessageForm
        onSend={sender.send}
        onTyping={onTyping}
        draft={draft}
        disabled={!query.data || !sender.canSend}
        autoFocus={wide}
      />
    </section>
  );
}
