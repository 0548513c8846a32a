import type { ThreadItem } from '../lib/thread-messages';
import { RelativeTime } from './relative-time';

export interface MessageBubbleProps {
  item: ThreadItem;
  mine: boolean;
  /** The other person has read up to this message (shown under my latest such message only). */
  seen: boolean;
  now: Date;
  onRetry: (messageUuid: string) => void;
}

/** One message. Its text is rendered as text: markup someone typed shows as typed, it never runs. */
export function MessageBubble({ item, mine, seen, now, onRetry }: MessageBubbleProps) {
  const unconfirmed = item.status !== 'sent';
  return (
    <li
      className={`message ${mine ? 'message--mine' : 'message--theirs'}${item.status === 'failed' ? ' message--failed' : ''}`}
      data-testid="message"
      data-message-uuid={item.messageUuid}
      data-pending={unconfirmed ? 'true' : undefined}
      data-status={item.status}
    >
      <span className="sr-only">{mine ? 'You' : item.sender.displayName}: </span>
      <p className="message__text">{item.message}</p>
      <p className="message__meta">
        {item.status === 'sent' && <RelativeTime iso={item.createdAt} now={now} />}
        {seen && (
          <>
            <span aria-hidden="true"> · </span>
            <span className="message__seen" data-testid="seen">
              Seen
            </span>
          </>
        )}
        {item.status === 'sending' && 'Sending…'}
        {item.status === 'failed' && (
          <>
            Not sent.{' '}
            <button type="button" className="link-button" onClick={() => onRetry(item.messageUuid)}>
              Retry
            </button>
          </>
        )}
      </p>
    </li>
  );
}
