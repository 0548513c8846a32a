import { Link } from 'react-router';
import type { MessageGroup } from '../lib/api-types';
import { formatUnread } from '../lib/unread';
import { Avatar } from './avatar';
import { RelativeTime } from './relative-time';

export function ConversationItem({
  group,
  active,
  now,
}: {
  group: MessageGroup;
  active: boolean;
  now: Date;
}) {
  const { other, unread } = group;
  return (
    <li>
      <Link
        to={`/messages/${group.messageGroupUuid}`}
        className={unread > 0 ? 'conversation conversation--unread' : 'conversation'}
        data-testid="conversation-item"
        data-unread={unread}
        aria-current={active ? 'page' : undefined}
      >
        <Avatar user={other} />
        <span className="conversation__body">
          <span className="conversation__top">
            <span className="conversation__name">{other.displayName}</span>
            <span className="conversation__handle">@{other.handle}</span>
            <RelativeTime className="conversation__time" iso={group.lastMessageAt} now={now} />
          </span>
          <span className="conversation__bottom">
            {group.lastMessageDeleted ? (
              <span className="conversation__last">
                <em>Message deleted</em>
              </span>
            ) : (
              // Its own direction: an Arabic or Hebrew preview reads right to left.
              <span className="conversation__last" dir="auto">
                {group.lastMessage}
              </span>
            )}
            {unread > 0 && (
              <span className="conversation__badge" data-testid="unread-badge">
                {formatUnread(unread)}
                <span className="sr-only"> unread</span>
              </span>
            )}
          </span>
        </span>
      </Link>
    </li>
  );
}
