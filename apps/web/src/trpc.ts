import type { AppRouter } from '@cruddur/api';
import { httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';

/** The typed hooks for every API procedure (`trpc.messages.list.useInfiniteQuery(…)` and so on). */
export const trpc = createTRPCReact<AppRouter>();

/** Served on this page's origin: the web server proxies `/trpc` to the API. */
const API_PATH = '/trpc';

/**
 * Procedures that need no sign-in. They go without a token, and unbatched: refreshing the token
 * asks `auth.config` where Cognito is, so that call must never wait for a token itself; signing in
 * with a handle asks `users.signInName` before there is any token.
 */
const PUBLIC_PROCEDURES = new Set(['auth.config', 'users.signInName']);

/**
 * Queries and mutations go batched over HTTP with the access token in the Authorization header.
 * Subscriptions use server-sent events; EventSource cannot set headers, so the token travels as a
 * connection parameter, fetched afresh for every (re)connection.
 */
export function createApiClient(getAccessToken: () => Promise<string | null>) {
  return trpc.createClient({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: API_PATH,
          connectionParams: async () => {
            const token = await getAccessToken();
            return token ? { token } : null;
          },
        }),
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
