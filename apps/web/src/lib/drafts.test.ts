import { beforeEach, describe, expect, it } from 'vitest';
import { readDraft, writeDraft } from './drafts';
import { clearUserStorage } from './user-storage';

describe('drafts', () => {
  beforeEach(() => localStorage.clear());

  it('keeps one draft per person and conversation', () => {
    writeDraft(localStorage, 'ana', 'g1', 'half a thought');
    writeDraft(localStorage, 'ana', 'g2', 'another');
    writeDraft(localStorage, 'ben', 'g1', 'not Ana’s');
    expect(readDraft(localStorage, 'ana', 'g1')).toBe('half a thought');
    expect(readDraft(localStorage, 'ana', 'g2')).toBe('another');
    expect(readDraft(localStorage, 'ben', 'g1')).toBe('not Ana’s');
    expect(readDraft(localStorage, 'ana', 'g3')).toBe('');
  });

  it('forgets a draft emptied (or only spaces)', () => {
    writeDraft(localStorage, 'ana', 'g1', 'something');
    writeDraft(localStorage, 'ana', 'g1', '  \n');
    expect(readDraft(localStorage, 'ana', 'g1')).toBe('');
    expect(localStorage.length).toBe(0);
  });

  it('is gone after a deliberate sign-out clears the person’s storage', () => {
    writeDraft(localStorage, 'ana', 'g1', 'something');
    localStorage.setItem('cruddur.session', 'kept');
    clearUserStorage(localStorage);
    expect(readDraft(localStorage, 'ana', 'g1')).toBe('');
    expect(localStorage.getItem('cruddur.session')).toBe('kept');
  });
});
