import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuthStore, useSession } from './auth-context';

export interface SignInRedirectState {
  /** Where to go back to after signing in. */
  from?: string;
}

/**
 * Renders its children for a signed-in user; sends anyone else to sign in, and back here
 * afterwards — unless they just signed out, when whoever signs in next (perhaps someone else)
 * starts at their own conversations.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const store = useAuthStore();
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const state: SignInRedirectState = store.signedOutByUser
      ? {}
      : { from: `${location.pathname}${location.search}` };
    return <Navigate to="/signin" replace state={state} />;
  }
  return children;
}
