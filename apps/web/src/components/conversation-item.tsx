import { Link } from 'react-router';
import type { MessageGroup } from '../lib/api-types';
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
  const { other } = group;
  return (
    <li>
      <Link
        to={`/messages/${group.messageGroupUuid}`}
        className="conversation"
        data-testid="conversation-item"
        aria-current={active ? 'page' : undefined}
      >
        <Avatar user={other} />
        <span className="conversation__body">
          <span className="conversation__top">
            <span className="conversation__name">{other.displayName}</span>
            <span className="conversation__handle">@{other.handle}</span>
            <RelativeTime className="conversation__time" iso={group.lastMessageAt} now={now} />
          </span>
          <span className="conversation__last">{group.lastMessage}</span>
        </span>
      </Link>
    </li>
  );
}
