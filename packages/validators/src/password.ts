/**
 * The user pool's password policy: the infrastructure configures Amazon Cognito with it, the
 * development bootstrap configures cognito-local with it, and the sign-up form shows and checks it
 * before anything is sent. (Cognito's default policy, written out.)
 */
export const PASSWORD_POLICY = {
  minLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
} as const;

/** The characters Cognito counts as symbols. */
const SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ';

export interface PasswordRule {
  /** For people: "at least 8 characters", "a digit"… */
  label: string;
  met: (password: string) => boolean;
}

/** The policy as a checklist, in the order a form shows it. */
export const PASSWORD_RULES: readonly PasswordRule[] = [
  {
    label: `at least ${PASSWORD_POLICY.minLength} characters`,
    met: (p) => p.length >= PASSWORD_POLICY.minLength,
  },
  { label: 'a lowercase letter', met: (p) => /[a-z]/.test(p) },
  { label: 'an uppercase letter', met: (p) => /[A-Z]/.test(p) },
  { label: 'a digit', met: (p) => /[0-9]/.test(p) },
  { label: 'a symbol, such as ! ? # or -', met: (p) => [...p].some((c) => SYMBOLS.includes(c)) },
];

/** The rules `password` does not meet yet (empty when it is acceptable). */
export function passwordProblems(password: string): string[] {
  return PASSWORD_RULES.filter((rule) => !rule.met(password)).map((rule) => rule.label);
}
