/** The development users, the same five in PostgreSQL and in Cognito (docs/ARCHITECTURE.md). */
export interface SeedUser {
  handle: string;
  displayName: string;
  email: string;
}

export const SEED_USERS: readonly SeedUser[] = [
  { handle: 'mira', displayName: 'Mira Okafor', email: 'mira@cruddur.dev' },
  { handle: 'tomas', displayName: 'Tomás Lindqvist', email: 'tomas@cruddur.dev' },
  { handle: 'priya', displayName: 'Priya Raman', email: 'priya@cruddur.dev' },
  { handle: 'kenji', displayName: 'Kenji Watanabe', email: 'kenji@cruddur.dev' },
  { handle: 'zeynep', displayName: 'Zeynep Arslan', email: 'zeynep@cruddur.dev' },
];

/** Shared by every seed user in development only; meets Cognito's default password policy. */
export const DEV_PASSWORD = 'Cruddur-dev-1!';

/** Until update-cognito-user-ids runs, a row carries this placeholder instead of a real Cognito sub. */
export function placeholderCognitoUserId(handle: string): string {
  return `MOCK-${handle}`;
}
