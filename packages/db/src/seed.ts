import type { Pool } from './pool';
import { placeholderCognitoUserId, SEED_USERS, type SeedUser } from './seed-users';

export interface SeedReport {
  /** Handles inserted by this run, and handles that already had a row (left untouched). */
  inserted: string[];
  existing: string[];
}

/**
 * Inserts the seed users that are missing. An existing row is never touched, so a real Cognito id
 * set by update-cognito-user-ids is never put back to its placeholder.
 */
export async function seed(
  pool: Pool,
  users: readonly SeedUser[] = SEED_USERS,
): Promise<SeedReport> {
  const result = await pool.query<{ handle: string }>(
    `INSERT INTO users (handle, display_name, email, cognito_user_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (handle) DO NOTHING
     RETURNING handle`,
    [
      users.map((u) => u.handle),
      users.map((u) => u.displayName),
      users.map((u) => u.email),
      users.map((u) => placeholderCognitoUserId(u.handle)),
    ],
  );
  const inserted = new Set(result.rows.map((r) => r.handle));
  return {
    inserted: users.filter((u) => inserted.has(u.handle)).map((u) => u.handle),
    existing: users.filter((u) => !inserted.has(u.handle)).map((u) => u.handle),
  };
}
