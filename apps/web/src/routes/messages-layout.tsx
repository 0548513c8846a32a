import { Suspense } from 'react';
import { Outlet, useMatch } from 'react-router';
import { AppHeader } from '../components/app-header';
import { ConversationList } from '../components/conversation-list';
import { ConversationsProvider } from '../components/conversations-provider';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { OfflineNotice } from '../components/offline-notice';
import { Recovery } from '../components/recovery';
import { isTransient } from '../lib/api-errors';
import { useMe } from '../lib/use-me';
import { LiveProvider } from '../live/live-provider';
import { OutboxProvider } from '../outbox/outbox-provider';

/**
 * The signed-in frame: conversations beside the open one on wide screens; on narrow screens one of
 * the two at a time (the list at /messages, the conversation elsewhere). Everything in it stays
 * current through the tab's one live stream (LiveProvider).
 */
export function MessagesLayout() {
  const atList = useMatch('/messages') !== null;
  const me = useMe();
  return (
    <LiveProvider>
      <ConversationsProvider>
        <OutboxProvider>
          <div className="app-shell">
            <AppHeader skipToConversation={!atList} />
            <OfflineNotice />
            <Recovery />
            {/* An unreachable API is reported by the list and the conversation already. */}
            {me.isError && !isTransient(me.error) && (
              <ErrorBanner error={me.error} onRetry={() => void me.refetch()} />
            )}
            <main className="messages-layout" data-view={atList ? 'list' : 'detail'}>
              <ConversationList />
              <div id="detail" className="detail-pane" tabIndex={-1}>
                <Suspense fallback={<Loading />}>
                  <Outlet />
                </Suspense>
              </div>
            </main>
          </div>
        </OutboxProvider>
      </ConversationsProvider>
    </LiveProvider>
  );
}
