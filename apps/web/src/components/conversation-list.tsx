import { useParams } from 'react-router';
import { useNow } from '../lib/use-now';
import { ConversationItem } from './conversation-item';
import { useConversations } from './conversations-provider';
import { ErrorBanner } from './error-banner';
import { LoadMoreButton } from './load-more-button';
import { Loading } from './loading';
import { NewConversationForm } from './new-conversation-form';

/** My conversations, newest first; the next page loads as the end of the list scrolls into view. */
export function ConversationList() {
  const { conversations, query } = useConversations();
  const { groupUuid } = useParams();
  const now = useNow();
  const loadMore = () => void query.fetchNextPage();

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
          {query.hasNextPage && (
            <LoadMoreButton
              className="conversations__more"
              label="Load more conversations"
              loadingLabel="Loading more…"
              loading={query.isFetchingNextPage}
              onLoad={loadMore}
              rootMargin="0px 0px 300px 0px"
              rearm={conversations.length}
            />
          )}
        </>
      )}
    </nav>
  );
}
