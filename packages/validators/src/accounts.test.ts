import { describe, expect, it } from 'vitest';
import {
  displayNameProblem,
  emailProblem,
  normalizeEmail,
  normalizePeopleQuery,
  parseSignUpRefusal,
  passwordProblems,
  peopleQueryProblem,
  peopleSearchLimitProblem,
  signUpRefusalMessage,
} from './index';

describe('passwords', () => {
  it('list every rule of the pool policy a password does not meet yet', () => {
    expect(passwordProblems('')).toHaveLength(5);
    expect(passwordProblems('abcdefgh')).toEqual([
      'an uppercase letter',
      'a digit',
      'a symbol, such as ! ? # or -',
    ]);
    expect(passwordProblems('Abcdef1!')).toEqual([]);
    expect(passwordProblems('Abc 1!')).toEqual(['at least 8 characters']);
    expect(passwordProblems('Abcdefg1 ')).toEqual([]);
  });
});

describe('display names and emails', () => {
  it('are trimmed, bounded and free of control characters', () => {
    expect(displayNameProblem('Tomás Lindqvist')).toBeNull();
    expect(displayNameProblem('')).toBe('must not be blank');
    expect(displayNameProblem('é'.repeat(101))).toBe('must be at most 100 characters');
    expect(displayNameProblem('Ana\u0000')).toBe('must not contain control characters');
    expect(normalizeEmail('  Ana@Example.COM ')).toBe('ana@example.com');
    expect(emailProblem('ana@example.com')).toBeNull();
    expect(emailProblem('ana example.com')).toMatch(/email address/);
    expect(emailProblem(`${'a'.repeat(250)}@b.cd`)).toBe('must be at most 254 characters');
  });
});

describe('people search', () => {
  it('takes what people type, refuses what no name can hold', () => {
    expect(normalizePeopleQuery(' @Mi ')).toBe('Mi');
    expect(peopleQueryProblem('Mi')).toBeNull();
    expect(peopleQueryProblem('')).toBe('must not be blank');
    expect(peopleQueryProblem('x'.repeat(101))).toBe('must be at most 100 characters');
    expect(peopleQueryProblem('a\u0000')).toBe('must not contain control characters');
    expect(peopleQueryProblem('a\nb')).toBe('must not contain control characters');
    expect(peopleSearchLimitProblem(8)).toBeNull();
    expect(peopleSearchLimitProblem(21)).toBe('must be at most 20');
    expect(peopleSearchLimitProblem(0)).toBe('must be at least 1');
  });
});

describe('sign-up refusals', () => {
  it('survive the trip through Cognito’s error message', () => {
    const relayed = `PreSignUp failed with error ${signUpRefusalMessage('handle-taken', '@mira is taken')}.`;
    expect(parseSignUpRefusal(relayed)).toEqual({
      refusal: 'handle-taken',
      detail: '@mira is taken',
    });
    expect(parseSignUpRefusal('PreSignUp failed with error [not-ours] x.')).toBeNull();
    expect(parseSignUpRefusal('User already exists')).toBeNull();
  });
});
