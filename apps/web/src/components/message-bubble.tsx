import { useRef, useState } from 'react';
import type { ThreadItem } from '../lib/thread-messages';
import { reactionCounts } from '../lib/reactions';
import { useMessageChange } from '../lib/use-message-change';
import { ExactTime } from './exact-time';
import { MessageActions } from './message-actions';
import { MessageEditor } from './message-editor';
import { MessageReactions } from './message-reactions';
import { MessageText } from './message-text';
import './message-bubble.css';

export interface MessageBubbleProps {
  item: ThreadItem;
  mine: boolean;
  meUuid: string | undefined;
  /** The other person has read up to this message (shown under my latest such message only). */
  seen: boolean;
  /** First and last of a run of messages from one sender (thread-layout.ts). */
  startsRun: boolean;
  endsRun: boolean;
  /** What the sending of a message not confirmed yet says ("Still sending…"). */
  pendingLabel?: string;
  onRetry: (messageUuid: string) => void;
  /** Gives up on a message not sent (it leaves the outbox). */
  onDiscard?: (messageUuid: string) => void;
}

/**
 * One message. Its text is rendered as text (markup someone typed shows as typed, it never
 * runs), with http(s) links. A confirmed message can be reacted to, and mine edited and deleted;
 * a deleted one is a tombstone for both people.
 */
export function MessageBubble(props: MessageBubbleProps) {
  const { item, mine, startsRun, endsRun } = props;
  const classes = [
    'message',
    mine ? 'message--mine' : 'message--theirs',
    item.status === 'failed' && 'message--failed',
    item.deletedAt !== null && 'message--deleted',
    startsRun && 'message--run-start',
    endsRun && 'message--run-end',
  ].filter(Boolean);
  return (
    <li
      className={classes.join(' ')}
      data-testid="message"
      data-message-uuid={item.messageUuid}
      data-pending={item.status !== 'sent' ? 'true' : undefined}
      data-status={item.status}
      data-deleted={item.deletedAt !== null ? 'true' : undefined}
    >
      <span className="sr-only">{mine ? 'You' : item.sender.displayName}: </span>
      {item.status === 'sent' ? <SentMessage {...props} /> : <UnsentMessage {...props} />}
    </li>
  );
}

/** On its way or not sent: its text and how its sending goes. */
function UnsentMessage({ item, pendingLabel, onRetry, onDiscard }: MessageBubbleProps) {
  return (
    <>
      <MessageText text={item.message} />
      <div className="message__meta">
        {item.status === 'sending' && (pendingLabel ?? 'Sending…')}
        {item.status === 'failed' && (
          <>
            Not sent —{' '}
            <button type="button" className="link-button" onClick={() => onRetry(item.messageUuid)}>
              Retry
            </button>
            {onDiscard && (
              <>
                {' · '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onDiscard(item.messageUuid)}
                >
                  Discard
                </button>
              </>
            )}
          </>
        )}
      </div>
    </>
  );
}

function SentMessage({ item, mine, meUuid, seen }: MessageBubbleProps) {
  const change = useMessageChange(item);
  /** Editing, starting from this text (the message's, or an edit the server did not take). */
  const [editing, setEditing] = useState<string | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const deleted = item.deletedAt !== null;
  const counts = reactionCounts(item.reactions, meUuid, change.pendingReactions);

  const finishEditing = () => {
    setEditing(null);
    // The editor is gone: back to the button it was opened from.
    requestAnimationFrame(() => toggleRef.current?.focus());
  };

  return (
    <>
      {deleted ? (
        <p className="message__text message__tombstone">Message deleted</p>
      ) : editing !== null ? (
        <MessageEditor
          original={item.message}
          initial={editing}
          onCancel={finishEditing}
          onSave={(text) => {
            finishEditing();
            void change.saveEdit(text).then((saved) => {
              if (!saved) setEditing(text);
            });
          }}
        />
      ) : (
        <MessageText text={change.savingText ?? item.message} />
      )}
      {!deleted && <MessageReactions counts={counts} onToggle={change.toggleReaction} />}
      <div className="message__meta">
        <ExactTime iso={item.createdAt} />
        {(item.editedAt !== null || change.savingText !== null) && !deleted && (
          <span className="message__edited" data-testid="edited">
            {change.savingText !== null ? ' · Saving…' : ' · Edited'}
          </span>
        )}
        {change.deleting && <span> · Deleting…</span>}
        {seen && (
          <>
            <span aria-hidden="true"> · </span>
            <span className="message__seen" data-testid="seen">
              Seen
            </span>
          </>
        )}
        {!deleted && editing === null && (
          <MessageActions
            mine={mine}
            counts={counts}
            toggleRef={toggleRef}
            onReact={change.toggleReaction}
            onEdit={() => {
              change.clearError();
              setEditing(item.message);
            }}
            onDelete={change.remove}
          />
        )}
      </div>
      {change.error && (
        <p className="message__error" role="alert">
          {change.error}
        </p>
      )}
    </>
  );
}
