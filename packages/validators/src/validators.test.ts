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
    expect(normalizeMessageText('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
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

describe('message text: control and invisible characters', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['an escape sequence', '\u001b[31mred'],
    ['backspace', 'a\bb'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
  ])('refuses %s', (_what, text) => {
    expect(messageTextProblem(normalizeMessageText(text))).toBe(
      'must not contain control characters (line breaks and tabs are fine)',
    );
  });

  it.each([
    ['zero-width spaces and joiners', '\u200b\u200c\u200d'],
    ['a word joiner and a BOM', '\u2060\ufeff'],
    ['Braille blanks', '\u2800\u2800'],
    ['Hangul fillers', '\u3164\u115f\u1160\uffa0'],
    ['an ideographic space between zero-width spaces', '\u200b\u3000\u200b'],
    ['a lone combining mark', '\u0301'],
    ['a Mongolian vowel separator', '\u180e'],
  ])('refuses text of nothing visible: %s', (_what, text) => {
    expect(messageTextProblem(normalizeMessageText(text))).toBe(
      'must contain at least one visible character',
    );
  });

  it.each([
    ['line breaks and tabs', 'first\n\tsecond'],
    ['an emoji with a zero-width joiner', '👩\u200d💻'],
    ['Arabic', 'مرحبا'],
    ['a single full stop', '.'],
    ['a Braille letter', '\u2801'],
    ['a Hangul syllable', '한'],
  ])('accepts %s', (_what, text) => {
    expect(messageTextProblem(normalizeMessageText(text))).toBeNull();
  });
});
