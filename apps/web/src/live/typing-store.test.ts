import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GROUP, mira, tomas } from '../testing/fixtures';
import { TYPING_SHOWN_MS, TypingStore } from './typing-store';

describe('TypingStore', () => {
  let store: TypingStore;
  let changes: number;
  beforeEach(() => {
    vi.useFakeTimers();
    store = new TypingStore();
    changes = 0;
    store.subscribe(() => changes++);
  });
  afterEach(() => {
    store.dispose();
    vi.useRealTimers();
  });

  it('shows a typist until a few seconds after their last typing event', () => {
    store.typing(GROUP, tomas.uuid);
    vi.advanceTimersByTime(TYPING_SHOWN_MS - 1_000);
    store.typing(GROUP, tomas.uuid);
    vi.advanceTimersByTime(TYPING_SHOWN_MS - 1);
    expect(store.typist(GROUP)).toBe(tomas.uuid);
    vi.advanceTimersByTime(1);
    expect(store.typist(GROUP)).toBeNull();
    expect(changes).toBe(3);
  });

  it('ends at once when the typist’s message arrives, not when someone else’s does', () => {
    store.typing(GROUP, tomas.uuid);
    store.sent(GROUP, mira.uuid);
    expect(store.typist(GROUP)).toBe(tomas.uuid);
    store.sent(GROUP, tomas.uuid);
    expect(store.typist(GROUP)).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps conversations apart', () => {
    store.typing(GROUP, tomas.uuid);
    expect(store.typist('another-group')).toBeNull();
  });
});
