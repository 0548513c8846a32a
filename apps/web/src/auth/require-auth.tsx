import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './auth-context';

export interface SignInRedirectState {
  /** Where to go back to after signing in. */
  from?: string;
}

/** Renders its children for a signed-in user; sends anyone else to sign in, and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const state: SignInRedirectState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/signin" replace state={state} />;
  }
  return children;
}
