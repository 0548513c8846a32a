import { describe, expect, it } from 'vitest';
import { group, message, mira, tomas } from '../testing/fixtures';
import { needsMarkRead } from './use-mark-read';

const row = (changes: { unread?: number; readAt?: string | null }) => ({
  ...group('g', tomas, message(5).createdAt),
  ...changes,
});

describe('needsMarkRead', () => {
  it('marks their newest message I have not read', () => {
    expect(needsMarkRead(message(5, tomas), row({ unread: 1 }), mira.uuid)).toBe(true);
    expect(needsMarkRead(message(5, tomas), row({ readAt: message(4).createdAt }), mira.uuid)).toBe(
      true,
    );
    expect(needsMarkRead(message(5, tomas), row({ readAt: null }), mira.uuid)).toBe(true);
  });

  it('leaves a conversation read up to their newest message alone', () => {
    expect(needsMarkRead(message(5, tomas), row({ readAt: message(5).createdAt }), mira.uuid)).toBe(
      false,
    );
  });

  it('does not mark for my own newest message unless something is still unread', () => {
    expect(needsMarkRead(message(6, mira), row({ readAt: message(5).createdAt }), mira.uuid)).toBe(
      false,
    );
    expect(needsMarkRead(message(6, mira), row({ unread: 2 }), mira.uuid)).toBe(true);
  });

  it('without the row loaded, marks only for their message', () => {
    expect(needsMarkRead(message(5, tomas), undefined, mira.uuid)).toBe(true);
    expect(needsMarkRead(message(5, mira), undefined, mira.uuid)).toBe(false);
  });
});
