import { describe, expect, it } from 'vitest';
import {
  characterCount,
  handleProblem,
  isUuid,
  MESSAGE_MAX_CHARACTERS,
  messageTextProblem,
  normalizeHandle,
  normalizeMessageText,
  PAGE_LIMIT,
  pageLimitProblem,
} from './index';

describe('message text', () => {
  it('is trimmed, then 1 to 1024 characters counted as people count them', () => {
    expect(normalizeMessageText('  hi\n')).toBe('hi');
    expect(messageTextProblem('')).toBe('must not be blank');
    expect(messageTextProblem('a'.repeat(MESSAGE_MAX_CHARACTERS))).toBeNull();
    expect(messageTextProblem('🙂'.repeat(MESSAGE_MAX_CHARACTERS))).toBeNull();
    expect(messageTextProblem('🙂'.repeat(MESSAGE_MAX_CHARACTERS + 1))).toBe(
      'must be at most 1024 characters',
    );
    expect(characterCount('Tomás 🙂')).toBe(7);
  });
});

describe('handles', () => {
  it('are typed as seen (@, any case) and hold only a-z, digits and _', () => {
    expect(normalizeHandle(' @Mira ')).toBe('mira');
    expect(handleProblem('mira_2')).toBeNull();
    expect(handleProblem('')).toBe('must not be blank');
    expect(handleProblem('a'.repeat(65))).toBe('must be at most 64 characters');
    expect(handleProblem('no-dashes')).toBe('may contain only letters a-z, digits and _');
    expect(handleProblem('nul\u0000')).toBe('may contain only letters a-z, digits and _');
  });
});

describe('ids and pages', () => {
  it('accept any 8-4-4-4-12 hex id, and page sizes from 1 to 100', () => {
    expect(isUuid('0190f1c2-7a4b-7c3d-8e9f-0123456789ab')).toBe(true);
    expect(isUuid('5F0D6F4E-3C52-4D0E-9B3A-2F1F7C1F9A10')).toBe(true);
    expect(isUuid('not-a-uuid')).toBe(false);
    expect(isUuid(42)).toBe(false);
    expect(pageLimitProblem(PAGE_LIMIT.default)).toBeNull();
    expect(pageLimitProblem(0)).toBe('must be at least 1');
    expect(pageLimitProblem(101)).toBe('must be at most 100');
    expect(pageLimitProblem(1.5)).toBe('must be a whole number');
  });
});
