/**
 * Why the sign-up check (the Cognito PreSignUp trigger) refused an account. Cognito passes a
 * trigger's error to the client only as text ("PreSignUp failed with error <message>."), so the
 * reason travels as a bracketed code at the start of the message, which the web app reads back to
 * put the error on the right field.
 */
export const SIGN_UP_REFUSALS = [
  'handle-taken',
  'handle-invalid',
  'display-name-invalid',
  'email-invalid',
] as const;
export type SignUpRefusal = (typeof SIGN_UP_REFUSALS)[number];

export function signUpRefusalMessage(refusal: SignUpRefusal, detail: string): string {
  return `[${refusal}] ${detail}`;
}

/** The refusal and its detail in a message Cognito relayed, or null when it holds none. */
export function parseSignUpRefusal(
  message: string,
): { refusal: SignUpRefusal; detail: string } | null {
  const match = /\[([a-z-]+)\] (.*?)\.?$/s.exec(message);
  const refusal = SIGN_UP_REFUSALS.find((known) => known === match?.[1]);
  return refusal ? { refusal, detail: match![2]! } : null;
}
