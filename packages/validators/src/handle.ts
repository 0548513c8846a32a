/**
 * A person's handle: what follows the @. The users table enforces the same pattern, so a handle
 * refused here could never have matched anybody.
 */
export const HANDLE_MAX_CHARACTERS = 64;
export const HANDLE_PATTERN = /^[a-z0-9_]{1,64}$/;

/** People type handles as they see them: with the @ and in any case. */
export function normalizeHandle(input: string): string {
  return input.trim().replace(/^@/, '').toLowerCase();
}

/** Why `handle` (already normalized) cannot be a handle, or null when it can. */
export function handleProblem(handle: string): string | null {
  if (handle.length === 0) return 'must not be blank';
  if (handle.length > HANDLE_MAX_CHARACTERS)
    return `must be at most ${HANDLE_MAX_CHARACTERS} characters`;
  if (!HANDLE_PATTERN.test(handle)) return 'may contain only letters a-z, digits and _';
  return null;
}
