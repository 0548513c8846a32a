import { useQueryClient } from '@tanstack/react-query';
import { useContext, type ReactNode } from 'react';
import { ApiClientContext } from '../api-client';
import { trpc } from '../trpc';

/**
 * The tRPC React hooks for the screens below, with the app's one client and query cache. A
 * chunk of its own (with TanStack Query's hooks): screens that use no hooks never load it.
 */
export function ApiProvider({ children }: { children: ReactNode }) {
  const client = useContext(ApiClientContext);
  const queryClient = useQueryClient();
  if (!client) throw new Error('ApiProvider needs an ApiClientContext above it');
  return (
    <trpc.Provider client={client} queryClient={queryClient}>
      {children}
    </trpc.Provider>
  );
}
