import { trpc } from '../trpc';

/** The signed-in user's own record; it does not change while signed in. */
export function useMe() {
  return trpc.users.me.useQuery(undefined, { staleTime: Infinity });
}
