import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';

/**
 * Calls `onBack` at each sign that the API may answer again: another call succeeded (not a cache
 * write of our own), the browser is back online, or the person uses the page again (focus, the tab
 * shown). What waits on the API — a failed view, the outbox, a paused live stream — tries at once
 * then rather than at the end of its backoff. Nothing while `enabled` is false.
 */
export function useApiMayBeBack(onBack: () => void, enabled = true): void {
  const queryClient = useQueryClient();
  const back = useEffectEvent(onBack);
  useEffect(() => {
    if (!enabled) return;
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success' && !event.action.manual)
        back();
    });
    const used = () => {
      if (document.visibilityState === 'visible') back();
    };
    window.addEventListener('online', used);
    window.addEventListener('focus', used);
    document.addEventListener('visibilitychange', used);
    return () => {
      unsubscribe();
      window.removeEventListener('online', used);
      window.removeEventListener('focus', used);
      document.removeEventListener('visibilitychange', used);
    };
  }, [queryClient, enabled]);
}
