import { useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isTransient } from '../lib/api-errors';
import { RecoveryLoop } from '../lib/recovery-loop';
import { useApiMayBeBack } from '../lib/use-api-may-be-back';
import { useLive } from '../live/live-context';

/** A list or thread on screen that failed for a reason another try can fix. */
const recoverable = (query: Query) =>
  query.state.status === 'error' && isTransient(query.state.error) && query.getObserversCount() > 0;

/**
 * After an outage, what failed on screen (the conversation list, the open thread) loads again by
 * itself, so its error banner goes as soon as the API answers: retried with backoff, and at once
 * when the browser is back online, the window is used again, the live stream reconnects or any
 * other call succeeds. Renders nothing.
 */
export function Recovery() {
  const queryClient = useQueryClient();
  const { status } = useLive();
  const [loop] = useState(
    () =>
      new RecoveryLoop({
        failing: () => queryClient.getQueryCache().getAll().some(recoverable),
        retry: () =>
          queryClient.refetchQueries({ predicate: recoverable }, { cancelRefetch: false }),
      }),
  );

  useEffect(() => {
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') loop.failed();
    });
    // What failed before this view was there.
    loop.failed();
    return () => {
      unsubscribe();
      loop.dispose();
    };
  }, [queryClient, loop]);
  useApiMayBeBack(() => loop.maybeBack());

  useEffect(() => {
    if (status === 'live') loop.maybeBack();
  }, [status, loop]);

  return null;
}
