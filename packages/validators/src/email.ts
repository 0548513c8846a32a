/**
 * An email address as the users table accepts it: one @ with something on both sides, no white
 * space, at most 254 characters. Cognito checks addresses more strictly; this is the floor that
 * keeps a sign-up from passing Cognito and then failing the table's check at confirmation.
 */
export const EMAIL_MAX_CHARACTERS = 254;
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+$/;

/** Addresses are compared without case (Cognito's usernames are case-insensitive). */
export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}

export function emailProblem(email: string): string | null {
  if (email.length === 0) return 'must not be blank';
  if (email.length > EMAIL_MAX_CHARACTERS)
    return `must be at most ${EMAIL_MAX_CHARACTERS} characters`;
  if (!EMAIL_PATTERN.test(email)) return 'must be an email address, like ana@example.com';
  return null;
}
