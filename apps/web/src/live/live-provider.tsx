import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { apiErrorKind } from '../lib/api-errors';
import { useApiMayBeBack } from '../lib/use-api-may-be-back';
import type { LiveEvent } from '../lib/api-types';
import { useMe } from '../lib/use-me';
import { trpc } from '../trpc';
import { LiveCache } from './live-cache';
import { LiveContext, type LiveListener, type LiveStatus } from './live-context';
import { TypingStore } from './typing-store';

/** A connection attempt younger than this is left to finish rather than started over. */
const RECONNECT_AFTER_MS = 3_000;

/**
 * The one live stream of this tab (`live.events`), applied to the query cache as it comes: the
 * conversation list, loaded threads, unread totals, read receipts; typing is kept aside. The
 * links reconnect it (renewing the token, resuming from the last event id); when they give up
 * it pauses, and resumes when the window is used again or the person asks.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  const [cache] = useState(() => new LiveCache(queryClient));
  const [typing] = useState(() => new TypingStore());
  const [listeners] = useState(() => new Set<LiveListener>());
  const [subscribe] = useState(() => (listener: LiveListener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  });
  const [status, setStatus] = useState<LiveStatus>('connecting');
  /** Bumped to open the stream again. */
  const [run, setRun] = useState(0);
  const lastEventId = useRef<string | null>(null);

  const onEvent = useEffectEvent((event: LiveEvent) => {
    const news = cache.apply(event);
    if (event.type === 'typing') typing.typing(event.messageGroupUuid, event.userUuid);
    if (event.type === 'message') {
      const { message } = event;
      typing.sent(message.messageGroupUuid, message.sender.uuid);
      // Notifications are a chunk of their own, loaded with the first message from someone else.
      if (news && me.data && message.sender.uuid !== me.data.uuid)
        void import('./notifications').then(({ notifyMessage }) =>
          notifyMessage(message, () => void navigate(`/messages/${message.messageGroupUuid}`)),
        );
    }
    for (const listener of listeners) listener(event, news);
  });

  useEffect(() => cache.watch(), [cache]);
  useEffect(() => () => typing.dispose(), [typing]);

  useEffect(() => {
    let open = true;
    setStatus('connecting');
    const subscription = utils.client.live.events.subscribe(
      { lastEventId: lastEventId.current },
      {
        onStarted: () => cache.connected(),
        onConnectionStateChange: (state) => {
          if (open && state.state === 'connecting') setStatus('connecting');
        },
        onData: ({ id, data }) => {
          const fresh = lastEventId.current === null;
          lastEventId.current = id;
          if (data.type !== 'ready') return onEvent(data);
          cache.ready({ fresh });
          setStatus('live');
        },
        onError: (error) => {
          if (!open) return;
          // The server cannot resume from this position: start afresh (everything is reloaded).
          if (apiErrorKind(error) === 'invalid' && lastEventId.current !== null) {
            lastEventId.current = null;
            setRun((n) => n + 1);
            return;
          }
          setStatus('paused');
        },
        onComplete: () => {
          if (open) setStatus('paused');
        },
      },
    );
    return () => {
      open = false;
      subscription.unsubscribe();
    };
  }, [utils, cache, run]);

  // A paused stream resumes when the person comes back to the window or the network does. One
  // still retrying (its backoff grows to 30 s during an outage) reconnects at once then, or when
  // another call shows the API answering again — not while a connection is just being made.
  const connectingSince = useRef(Date.now());
  useEffect(() => {
    connectingSince.current = Date.now();
  }, [status, run]);
  useApiMayBeBack(() => {
    if (document.visibilityState !== 'visible') return;
    if (status === 'paused' || Date.now() - connectingSince.current > RECONNECT_AFTER_MS)
      setRun((n) => n + 1);
  }, status !== 'live');

  const value = useMemo(
    () => ({ status, reconnect: () => setRun((n) => n + 1), cache, typing, subscribe }),
    [status, cache, typing, subscribe],
  );
  return <LiveContext value={value}>{children}</LiveContext>;
}
