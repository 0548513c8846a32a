import { Link } from 'react-router';
import type { UserRef } from '../lib/api-types';
import { Avatar } from './avatar';
import { BlockControl } from './block-control';

/** The other person's name above a conversation, with the way back to the list on narrow screens. */
export function ThreadHeader({ user }: { user: UserRef | undefined }) {
  return (
    <header className="thread-header">
      <Link to="/messages" className="back-link" aria-label="Back to conversations">
        <span aria-hidden="true">‹</span>
      </Link>
      {user && <Avatar user={user} />}
      <div className="thread-header__who">
        <h2 id="thread-title">{user?.displayName ?? 'Conversation'}</h2>
        {user && <p className="muted">@{user.handle}</p>}
      </div>
      {user && <BlockControl user={user} />}
    </header>
  );
}
