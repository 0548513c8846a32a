import { lazy, Suspense } from 'react';
import { useAuthStore } from '../auth/auth-context';
import { useMe } from '../lib/use-me';
import { LiveStatus } from './live-status';

// Not needed for the first paint: it appears a moment later.
const NotifyToggle = lazy(() =>
  import('./notify-toggle').then((m) => ({ default: m.NotifyToggle })),
);

/** `skipToConversation`: a conversation is open, so keyboard users may jump past the list to it. */
export function AppHeader({ skipToConversation }: { skipToConversation: boolean }) {
  const store = useAuthStore();
  const me = useMe();
  return (
    <header className="app-header">
      {skipToConversation && (
        <a className="skip-link" href="#detail">
          Skip to conversation
        </a>
      )}
      <p className="brand">Cruddur</p>
      <div className="app-header__user">
        <LiveStatus />
        <Suspense fallback={null}>
          <NotifyToggle />
        </Suspense>
        {me.data && (
          <span className="app-header__me">
            <span className="app-header__name">{me.data.displayName}</span>{' '}
            <span className="muted">@{me.data.handle}</span>
          </span>
        )}
        <button type="button" className="button button--ghost" onClick={() => store.signOut()}>
          Sign out
        </button>
      </div>
    </header>
  );
}
