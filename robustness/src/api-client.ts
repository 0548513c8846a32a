import { type AppRouter } from '@cruddur/api';
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';

export type ApiClient = TRPCClient<AppRouter>;

/**
 * A typed client as an app builds one. `httpLink`, not the batch link: every call is its own HTTP
 * request, so one failing call cannot take unrelated ones down with it.
 */
export function apiClient(apiUrl: string, accessToken: string): ApiClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({ url: `${apiUrl}/trpc`, headers: { authorization: `Bearer ${accessToken}` } }),
    ],
  });
}
