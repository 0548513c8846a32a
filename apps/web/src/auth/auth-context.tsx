import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { AuthStore } from './auth-store';
import type { Session } from './session-storage';

const AuthContext = createContext<AuthStore | null>(null);

export function AuthProvider({ store, children }: { store: AuthStore; children: ReactNode }) {
  return <AuthContext value={store}>{children}</AuthContext>;
}

export function useAuthStore(): AuthStore {
  const store = useContext(AuthContext);
  if (!store) throw new Error('useAuthStore needs an <AuthProvider> above it');
  return store;
}

/** The current session; re-renders on sign-in, refresh and sign-out. */
export function useSession(): Session | null {
  const store = useAuthStore();
  return useSyncExternalStore(store.subscribe, store.getSession);
}
