import { createContext, useContext, useEffect, useEffectEvent, useSyncExternalStore } from 'react';
import type { LiveEvent } from '../lib/api-types';
import type { LiveCache } from './live-cache';
import type { TypingStore } from './typing-store';

/** `connecting` (at start, or retrying), `live` (caught up), `paused` (stopped until asked again). */
export type LiveStatus = 'connecting' | 'live' | 'paused';

/** What a listener hears: the event, and whether it was news (not a repeat after a reconnect). */
export type LiveListener = (event: LiveEvent, news: boolean) => void;

export interface LiveValue {
  status: LiveStatus;
  reconnect: () => void;
  cache: LiveCache;
  typing: TypingStore;
  subscribe: (listener: LiveListener) => () => void;
}

export const LiveContext = createContext<LiveValue | null>(null);

export function useLive(): LiveValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive needs a <LiveProvider> above it');
  return value;
}

/** Calls `listener` with every event of the stream, once the cache has applied it. */
export function useLiveEvents(listener: LiveListener): void {
  const { subscribe } = useLive();
  const onEvent = useEffectEvent(listener);
  useEffect(() => subscribe((event, news) => onEvent(event, news)), [subscribe]);
}

/** Who is typing in a conversation right now (their uuid), or null. */
export function useTypist(messageGroupUuid: string): string | null {
  const { typing } = useLive();
  return useSyncExternalStore(typing.subscribe, () => typing.typist(messageGroupUuid));
}
