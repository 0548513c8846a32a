import { insertUsers, type InsertReport, type Pool } from '@cruddur/db';
import { placeholderCognitoUserId, SEED_USERS, type SeedUser } from './seed-users';

export type SeedReport = InsertReport;

/**
 * Inserts the seed users that are missing. An existing row is never touched, so a real Cognito id
 * set by update-cognito-user-ids is never put back to its placeholder.
 */
export function seedUsers(
  pool: Pool,
  users: readonly SeedUser[] = SEED_USERS,
): Promise<SeedReport> {
  return insertUsers(
    pool,
    users.map((u) => ({ ...u, cognitoUserId: placeholderCognitoUserId(u.handle) })),
  );
}
