import { Navigate, useNavigate, useParams } from 'react-router';
import { useConversations } from '../components/conversations-provider';
import { ErrorBanner } from '../components/error-banner';
import { Loading } from '../components/loading';
import { MessageForm } from '../components/message-form';
import { MessageThread } from '../components/message-thread';
import { ThreadHeader } from '../components/thread-header';
import { apiErrorKind } from '../lib/api-errors';
import { useDraft } from '../lib/use-draft';
import { useMe } from '../lib/use-me';
import { useSendMessage } from '../lib/use-send-message';
import { trpc } from '../trpc';

/**
 * `/messages/new/:handle`: write to someone. The first message creates the conversation — or
 * reuses the one the two of you already have — and the view moves to it.
 */
export function NewConversationPage() {
  const { handle: rawHandle = '' } = useParams();
  const handle = rawHandle.replace(/^@/, '');
  const navigate = useNavigate();
  const me = useMe();
  const { conversations } = useConversations();
  const user = trpc.users.short.useQuery({ handle });
  // Handles are case-insensitive: one draft for @Ana and @ana.
  const draft = useDraft(`to:${handle.toLowerCase()}`);

  // The outbox puts the sent message in the list (its row made with `other`); then to the thread.
  const sender = useSendMessage(
    { handle, other: user.data },
    { handle },
    ({ messageGroupUuid }) => {
      void navigate(`/messages/${messageGroupUuid}`, { replace: true });
    },
  );

  const existing = conversations.find((c) => c.other.handle === handle);
  if (existing) return <Navigate to={`/messages/${existing.messageGroupUuid}`} replace />;

  if (user.isPending) return <Loading label={`Looking up @${handle}…`} />;
  if (user.isError) {
    const kind = apiErrorKind(user.error);
    const unknown = kind === 'not-found' || kind === 'invalid';
    return (
      <section className="thread-pane">
        <ThreadHeader user={undefined} />
        {unknown ? (
          <div className="placeholder" role="alert">
            <h2>No one goes by @{handle}.</h2>
            <p className="muted">Check the handle and try again.</p>
          </div>
        ) : (
          <ErrorBanner error={user.error} onRetry={() => void user.refetch()} />
        )}
      </section>
    );
  }

  const isMe = user.data.uuid === me.data?.uuid;
  return (
    <section className="thread-pane" aria-labelledby="thread-title">
      <ThreadHeader user={user.data} />
      {isMe ? (
        <div className="placeholder" role="alert">
          <h2>That’s you.</h2>
          <p className="muted">Messages are for talking with someone else.</p>
        </div>
      ) : (
        <>
          <MessageThread
            label={`New conversation with ${user.data.displayName}`}
            items={sender.pending}
            meUuid={me.data?.uuid}
            onRetry={sender.retry}
            onDiscard={sender.discard}
            pendingLabels={sender.labels}
            empty={<p className="muted">Send {user.data.displayName} your first message.</p>}
          />
          {sender.refusal && <ErrorBanner message={`Not sent: ${sender.refusal}`} />}
          <MessageForm onSend={sender.send} draft={draft} disabled={!sender.canSend} autoFocus />
        </>
      )}
    </section>
  );
}
