import {
  createTRPCClient,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import { type AppRouter } from '../root';

export type ApiClient = TRPCClient<AppRouter>;

/** A typed client as an app would build one: header auth for calls, connection params for SSE. */
export function apiClient(baseUrl: string, token?: string): ApiClient {
  const url = `${baseUrl}/trpc`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          EventSource,
          connectionParams: token ? { token } : undefined,
        }),
        false: httpLink({ url, headers: token ? { authorization: `Bearer ${token}` } : {} }),
      }),
    ],
  });
}
