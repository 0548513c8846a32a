import { useRef, type RefObject } from 'react';
import { useOnVisible } from '../lib/use-on-visible';

export interface LoadMoreButtonProps {
  label: string;
  loadingLabel: string;
  loading: boolean;
  onLoad: () => void;
  className: string;
  /** The scrolling element it sits in, and how far ahead of it becoming visible to load. */
  root?: RefObject<Element | null>;
  rootMargin: string;
  /** What changes when a page arrives (see `useOnVisible`). */
  rearm: unknown;
}

/**
 * "Load more", pressed by whoever uses a keyboard, and pressed by itself as it scrolls into view
 * for everyone else. While loading it stays focusable (aria-disabled), so focus is not lost.
 */
export function LoadMoreButton(props: LoadMoreButtonProps) {
  const { label, loadingLabel, loading, onLoad, className, root, rootMargin, rearm } = props;
  const ref = useRef<HTMLButtonElement>(null);
  const load = () => {
    if (!loading) onLoad();
  };
  useOnVisible(ref, load, { root, rootMargin, rearm });
  return (
    <button ref={ref} type="button" className={className} onClick={load} aria-disabled={loading}>
      {loading ? loadingLabel : label}
    </button>
  );
}
