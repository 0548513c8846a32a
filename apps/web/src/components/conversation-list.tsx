import { useRef } from 'react';
import { useParams } from 'react-router';
import { useNow } from '../lib/use-now';
import { useOnVisible } from '../lib/use-on-visible';
import { ConversationItem } from './conversation-item';
import { useConversations } from './conversations-provider';
import { ErrorBanner } from './error-banner';
import { Loading } from './loading';
import { NewConversationForm } from './new-conversation-form';

/** My conversations, newest first; the next page loads as the end of the list scrolls into view. */
export function ConversationList() {
  const { conversations, query, pollError } = useConversations();
  const { groupUuid } = useParams();
  const now = useNow();
  const moreRef = useRef<HTMLButtonElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = () => {
    if (!isFetchingNextPage) void fetchNextPage();
  };
  useOnVisible(moreRef, loadMore, {
    enabled: hasNextPage,
    rootMargin: '0px 0px 300px 0px',
    rearm: conversations.length,
  });

  return (
    <nav className="conversations" aria-labelledby="conversations-title">
      <div className="conversations__header">
        <h2 id="conversations-title">Conversations</h2>
        <NewConversationForm />
      </div>
      {query.isPending && <Loading label="Loading conversations…" />}
      {query.isError && (
        <ErrorBanner
          error={query.error}
          onRetry={query.isFetchNextPageError ? loadMore : () => void query.refetch()}
        />
      )}
      {!query.isError && pollError !== null && <ErrorBanner error={pollError} />}
      {query.data && (
        <>
          <ul className="conversations__list" data-testid="conversation-list">
            {conversations.map((group) => (
              <ConversationItem
                key={group.messageGroupUuid}
                group={group}
                active={group.messageGroupUuid === groupUuid}
                now={now}
              />
            ))}
          </ul>
          {conversations.length === 0 && (
            <p className="empty">
              No conversations yet. Enter someone’s handle above to start one.
            </p>
          )}
          {hasNextPage && (
            <button
              ref={moreRef}
              type="button"
              className="conversations__more"
              onClick={loadMore}
              aria-disabled={isFetchingNextPage}
            >
              {isFetchingNextPage ? 'Loading more…' : 'Load more conversations'}
            </button>
          )}
        </>
      )}
    </nav>
  );
}
