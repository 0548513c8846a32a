import { useState } from 'react';
import { createThrottle } from '../lib/throttle';
import { trpc } from '../trpc';

/** The server drops faster calls; the client does not send them. */
const TYPING_PUBLISH_MS = 1_000;

/**
 * `onTyping` for the composer: tells the other person "typing…", at most once a second. Typing is
 * ephemeral, so a failed call is not retried, reported or allowed to end the session.
 */
export function useTypingPublisher(messageGroupUuid: string): () => void {
  const utils = trpc.useUtils();
  const [throttle] = useState(() => createThrottle(TYPING_PUBLISH_MS));
  return () => {
    if (!throttle.pass()) return;
    utils.client.live.typing.mutate({ messageGroupUuid }).catch(() => undefined);
  };
}
