import { useEffect, useEffectEvent, type RefObject } from 'react';

export interface OnVisibleOptions {
  /** The scrolling element to measure against; the viewport when omitted. */
  root?: RefObject<Element | null>;
  /** How far ahead of becoming visible to fire, e.g. `'400px 0px 0px 0px'` to load before the top is reached. */
  rootMargin?: string;
  /**
   * Change this (e.g. to the number of loaded pages) to observe afresh: an observer only reports
   * changes, so a sentinel that stays in view after a page loaded would otherwise never fire again.
   */
  rearm?: unknown;
}

/** Calls `onVisible` when `target` scrolls into view — the trigger for "load more on scroll". */
export function useOnVisible(
  target: RefObject<Element | null>,
  onVisible: () => void,
  options: OnVisibleOptions,
): void {
  const { root, rootMargin, rearm } = options;
  const fire = useEffectEvent(onVisible);
  useEffect(() => {
    const element = target.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) fire();
      },
      { root: root?.current ?? null, rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, root, rootMargin, rearm]);
}
