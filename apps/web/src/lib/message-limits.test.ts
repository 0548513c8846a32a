import { describe, expect, it } from 'vitest';
import { MESSAGE_MAX_CHARACTERS as MAX_MESSAGE_LENGTH } from '@cruddur/validators';
import { checkMessage } from './message-limits';

describe('checkMessage', () => {
  it('allows 1 to 1024 characters after trimming', () => {
    expect(checkMessage('a')).toEqual({ text: 'a', remaining: 1023, state: 'ok' });
    expect(checkMessage('a'.repeat(MAX_MESSAGE_LENGTH))).toMatchObject({
      remaining: 0,
      state: 'ok',
    });
    expect(checkMessage(`  ${'a'.repeat(MAX_MESSAGE_LENGTH)}\n`)).toMatchObject({
      remaining: 0,
      state: 'ok',
    });
  });

  it('refuses blank and over-long text', () => {
    expect(checkMessage('')).toMatchObject({ state: 'empty', remaining: 1024 });
    expect(checkMessage(' \n\t ')).toMatchObject({ state: 'empty', text: '' });
    expect(checkMessage('a'.repeat(1025))).toMatchObject({ state: 'too-long', remaining: -1 });
  });

  it('counts characters as the API does: an emoji is one', () => {
    expect(checkMessage('🙂'.repeat(1024))).toMatchObject({ remaining: 0, state: 'ok' });
    expect(checkMessage('🙂'.repeat(1025))).toMatchObject({ remaining: -1, state: 'too-long' });
  });
});
