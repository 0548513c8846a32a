import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { AuthStore } from './auth/auth-store';
import { cognitoEndpoint } from './auth/cognito-client';
import { watchSession } from './auth/session-storage';
import { apiErrorKind, isTransient } from './lib/api-errors';
import { clearUserStorage } from './lib/user-storage';
import { createApiClient } from './api-client';

/**
 * The long-lived objects of the app, wired once: the session store, the tRPC client that asks it
 * for tokens, and the query cache. A call the API refuses as unauthorized ends the session; ending
 * a session empties the cache, so the next person to sign in here never sees the last one's data.
 */
export function createAppServices(
  storage: Storage = window.localStorage,
  pageOrigin = window.location.origin,
) {
  const trpcClient = createApiClient({
    getAccessToken: () => auth.getAccessToken(),
    hasSession: () => auth.getSession() !== null,
  });
  const auth: AuthStore = new AuthStore({
    storage,
    // Every tab shares the session: a reload, a new tab or Ctrl-click opens signed in, and
    // signing out anywhere signs out everywhere.
    watch: (onChange) => watchSession(window, storage, onChange),
    // The pool and app client come from the API, so one web build serves any environment.
    cognito: async () => {
      const config = await trpcClient.auth.config.query();
      return { endpoint: cognitoEndpoint(config, pageOrigin), clientId: config.clientId };
    },
  });

  const onError = (error: unknown) => {
    if (apiErrorKind(error) === 'unauthorized' && auth.getSession())
      auth.signOut({ detail: (error as Error).message });
  };
  const queryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => isTransient(error) && failures < 2,
      },
    },
  });
  auth.subscribe(() => {
    if (auth.getSession()) return;
    queryClient.clear();
    // Signing out on purpose takes one's drafts and unsent messages off this browser too; a
    // session that merely ended (expired, refused) keeps them for the next sign-in.
    if (auth.signedOutByUser) clearUserStorage(storage);
  });
  return { auth, trpcClient, queryClient };
}
