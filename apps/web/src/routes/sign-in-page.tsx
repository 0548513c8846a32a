import { useId, useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuthStore, useSession } from '../auth/auth-context';
import { CognitoError } from '../auth/cognito-client';
import type { SignInRedirectState } from '../auth/require-auth';
import { describeApiError } from '../lib/api-errors';

const REFUSED = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  'InvalidPasswordException',
]);
const HANDLE_REFUSED =
  'That handle and password did not sign you in. Try your email address instead.';

export function SignInPage() {
  const store = useAuthStore();
  const session = useSession();
  const location = useLocation();
  const usernameId = useId();
  const passwordId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const from = (location.state as SignInRedirectState | null)?.from ?? '/messages';
  if (session) return <Navigate to={from} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    // People type their handle as they see it written, "@mira".
    const username = field('username').trim().replace(/^@/, '');
    const password = field('password');
    if (!username || !password) {
      setError('Enter your email or handle and your password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await store.signIn(username, password);
    } catch (failure) {
      if (!(failure instanceof CognitoError)) setError(describeApiError(failure));
      // The user pool's usernames are emails; a handle can only be resolved to one server side.
      else if (REFUSED.has(failure.code) && !username.includes('@')) setError(HANDLE_REFUSED);
      else setError(failure.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={(event) => void onSubmit(event)} noValidate>
        <p className="brand brand--large" aria-hidden="true">
          Cruddur
        </p>
        <h1>Sign in to your messages</h1>
        {store.endedBecause && !error && (
          <div className="banner banner--info" role="status">
            <p>Your session has ended. Please sign in again.</p>
            <p className="muted small">{store.endedBecause.detail}</p>
          </div>
        )}
        {error && (
          <div role="alert" className="banner banner--error">
            <p>{error}</p>
          </div>
        )}
        <label htmlFor={usernameId}>Email or handle</label>
        <input
          id={usernameId}
          name="username"
          className="input"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <label htmlFor={passwordId}>Password</label>
        <input
          id={passwordId}
          name="password"
          type="password"
          className="input"
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
