import { normalizeHandle } from '@cruddur/validators';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useAuthStore, useSession } from '../auth/auth-context';
import { CognitoError } from '../auth/cognito-client';
import type { SignInRedirectState } from '../auth/require-auth';
import { apiErrorKind, describeApiError } from '../lib/api-errors';
import { FormField } from '../components/form-field';
import { trpc } from '../trpc';
import { AccountCard, SubmitButton } from './account-card';
import type { AccountState } from './account-notice';

const INCORRECT = 'Incorrect email, handle or password.';

export function SignInPage() {
  const store = useAuthStore();
  const session = useSession();
  const location = useLocation();
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const [unconfirmed, setUnconfirmed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const state = location.state as (SignInRedirectState & AccountState) | null;
  const from = state?.from ?? '/messages';
  if (session) return <Navigate to={from} replace />;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const typed = field('username').trim();
    const password = field('password');
    if (!typed || !password) {
      setError('Enter your email or handle and your password.');
      return;
    }
    setBusy(true);
    setError(null);
    setUnconfirmed(null);
    const isEmail = typed.includes('@') && !typed.startsWith('@');
    try {
      // The pool's usernames are emails; a handle ("mira", "@Mira") is resolved by the API to the
      // Cognito username it signs in with, without the email ever reaching the browser.
      const username = isEmail
        ? typed
        : (await utils.client.users.signInName.query({ handle: normalizeHandle(typed) })).username;
      await store.signIn(username, password);
    } catch (failure) {
      const kind = apiErrorKind(failure);
      if (failure instanceof CognitoError) {
        setError(failure.message);
        if (failure.code === 'UserNotConfirmedException' && isEmail) setUnconfirmed(typed);
      } else if (kind === 'not-found' || kind === 'invalid') setError(INCORRECT);
      else setError(describeApiError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AccountCard
      title="Sign in to your messages"
      error={error}
      errorAction={
        unconfirmed && (
          <Link to="/confirm" state={{ email: unconfirmed } satisfies AccountState}>
            Enter your confirmation code
          </Link>
        )
      }
      onSubmit={(event) => void onSubmit(event)}
    >
      {state?.notice && !error && (
        <div className="banner banner--info" role="status">
          <p>{state.notice}</p>
        </div>
      )}
      {store.endedBecause && !error && (
        <div className="banner banner--info" role="status">
          <p>Your session has ended. Please sign in again.</p>
          <p className="muted small">{store.endedBecause.detail}</p>
        </div>
      )}
      <FormField
        label="Email or handle"
        name="username"
        autoComplete="username"
        defaultValue={state?.email}
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <SubmitButton busy={busy} busyLabel="Signing in…">
        Sign in
      </SubmitButton>
      <p className="muted small sign-in__links">
        <Link to="/forgot-password">Forgot your password?</Link>
        <span>
          New here? <Link to="/signup">Create an account</Link>
        </span>
      </p>
    </AccountCard>
  );
}
