import type { AppRouter } from '@cruddur/api';
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  retryLink,
  splitLink,
} from '@trpc/client';
import { createContext } from 'react';
import { createSubscriptionRetry } from './live/subscription-retry';

/** Served on this page's origin: the web server proxies `/trpc` to the API. */
const API_PATH = '/trpc';

/**
 * Procedures that need no sign-in. They go without a token, and unbatched: refreshing the token
 * asks `auth.config` where Cognito is, so that call must never wait for a token itself; signing in
 * with a handle asks `users.signInName` before there is any token.
 */
const PUBLIC_PROCEDURES = new Set(['auth.config', 'users.signInName']);

export interface ApiSession {
  /** A valid access token (renewed first when about to expire), or null when signed out. */
  getAccessToken: () => Promise<string | null>;
  /** Whether there is a session whose token can be renewed. */
  hasSession: () => boolean;
}

/**
 * The API client. Queries and mutations go batched over HTTP with the access token in the
 * Authorization header. The subscription (one live stream per tab) uses server-sent events;
 * EventSource cannot set headers, so the token travels as a connection parameter, asked for
 * afresh at every (re)connection — which is how a stream the server ended at the token's expiry
 * resumes with a renewed one. `retryLink` reconnects it with the last event id (see
 * live/subscription-retry.ts for when and how soon).
 *
 * Plain tRPC client, no React: the first page load carries it (the session store asks it where
 * Cognito is); the React hooks (trpc.ts) load with the screens that use them.
 */
export function createApiClient({ getAccessToken, hasSession }: ApiSession) {
  const retry = createSubscriptionRetry({ canRenew: hasSession });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: [
          retryLink({ retry: retry.retry, retryDelayMs: retry.retryDelayMs }),
          httpSubscriptionLink({
            url: API_PATH,
            connectionParams: async () => {
              const token = await getAccessToken();
              return token ? { token } : null;
            },
          }),
        ],
        false: splitLink({
          condition: (op) => PUBLIC_PROCEDURES.has(op.path),
          true: httpLink({ url: API_PATH }),
          false: httpBatchLink({
            url: API_PATH,
            headers: async () => {
              const token = await getAccessToken();
              return token ? { authorization: `Bearer ${token}` } : {};
            },
          }),
        }),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The client for ApiProvider (components/api-provider.tsx), which lends it to the hooks. */
export const ApiClientContext = createContext<ApiClient | null>(null);
