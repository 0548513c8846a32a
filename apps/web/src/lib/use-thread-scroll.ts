import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** Within this many pixels of the bottom counts as "reading the newest messages". */
const BOTTOM_SLACK_PX = 80;

interface Snapshot {
  firstKey: string | undefined;
  lastKey: string | undefined;
  scrollHeight: number;
  scrollTop: number;
  atBottom: boolean;
}

function isAtBottom(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK_PX;
}

/**
 * Scroll behaviour of a chat thread, keyed by the first and last message shown:
 * - the first render lands on the newest message;
 * - a new message at the bottom follows it if the reader was at the bottom or sent it;
 * - older messages added at the top keep what the reader was looking at in place (the browser's
 *   own scroll anchoring is switched off in CSS for the thread, so this is the single mechanism);
 * - when the thread's box shrinks (a growing message box, an on-screen keyboard) a reader at the
 *   bottom stays there.
 */
export function useThreadScroll(
  containerRef: RefObject<HTMLElement | null>,
  firstKey: string | undefined,
  lastKey: string | undefined,
  lastIsMine: boolean,
): void {
  const snapshot = useRef<Snapshot>({
    firstKey: undefined,
    lastKey: undefined,
    scrollHeight: 0,
    scrollTop: 0,
    atBottom: true,
  });

  useLayoutEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const before = snapshot.current;
    const appended = lastKey !== before.lastKey;
    const prepended = firstKey !== before.firstKey && !appended;
    if (appended && (before.lastKey === undefined || before.atBottom || lastIsMine)) {
      el.scrollTop = el.scrollHeight;
    } else if (prepended) {
      el.scrollTop = before.scrollTop + (el.scrollHeight - before.scrollHeight);
    }
    snapshot.current = {
      firstKey,
      lastKey,
      scrollHeight: el.scrollHeight,
      scrollTop: el.scrollTop,
      atBottom: isAtBottom(el),
    };
  }, [containerRef, firstKey, lastKey, lastIsMine]);

  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const onScroll = () => {
      snapshot.current.scrollTop = el.scrollTop;
      snapshot.current.scrollHeight = el.scrollHeight;
      snapshot.current.atBottom = isAtBottom(el);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const resizes =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(() => {
            if (snapshot.current.atBottom) el.scrollTop = el.scrollHeight;
          });
    resizes?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resizes?.disconnect();
    };
  }, [containerRef]);
}
