/**
 * The password of a sign-up this tab has just made, kept in memory only (never in storage or
 * history state) so that confirming the code can sign the person straight in. A reload forgets
 * it; they then sign in by hand.
 */
let pending: { email: string; password: string } | null = null;

export function rememberSignUp(email: string, password: string): void {
  pending = { email, password };
}

/** The password for `email`, once: it is forgotten as it is taken. */
export function takeSignUpPassword(email: string): string | null {
  const found = pending?.email === email ? pending.password : null;
  pending = null;
  return found;
}
