import { lazy, Suspense } from 'react';
import { useAuthStore } from '../auth/auth-context';
import { useMe } from '../lib/use-me';
import { ThemeSwitch } from '../theme/theme-switch';
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
      {/* The page's one h1: the conversations and the open one are its h2 sections. */}
      <h1 className="brand">
        Cruddur<span className="sr-only"> Messages</span>
      </h1>
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
        {/* Last: on a phone it is what wraps to a second row, under the rest. */}
        <ThemeSwitch />
      </div>
    </header>
  );
}
