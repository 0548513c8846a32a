import type { Pool, PoolClient } from 'pg';
import { type NewUser } from './user';

/**
 * How long a handle stays held for a sign-up that is not confirmed yet: as long as Cognito's
 * confirmation code is valid. After that someone else may take the handle.
 */
export const HANDLE_RESERVATION_HOURS = 24;

/** A sign-up or confirmation found the handle belonging to someone else. */
export class HandleTakenError extends Error {
  constructor(readonly handle: string) {
    super(`the handle "${handle}" belongs to another user`);
    this.name = 'HandleTakenError';
  }
}

// Everything that decides who owns a handle runs under this per-handle lock, so that a sign-up
// and a confirmation of the same handle never interleave.
async function withHandleLock<T>(
  pool: Pool,
  handle: string,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('cruddur-handle:' || $1))", [handle]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Holds `handle` (normalized and valid) for a sign-up by `email` (normalized), before the Cognito
 * user exists. Refused (HandleTakenError) when a users row has it, or another address holds it
 * and its hold has not run out; the same address may sign up again and renews its hold.
 */
export function reserveHandle(
  pool: Pool,
  { handle, email }: { handle: string; email: string },
): Promise<void> {
  return withHandleLock(pool, handle, async (client) => {
    const taken = await client.query('SELECT 1 FROM users WHERE handle = $1', [handle]);
    if (taken.rowCount) throw new HandleTakenError(handle);
    const held = await client.query(
      `INSERT INTO handle_reservations (handle, email) VALUES ($1, $2)
       ON CONFLICT (handle) DO UPDATE SET email = EXCLUDED.email, reserved_at = now()
         WHERE handle_reservations.email = EXCLUDED.email
            OR handle_reservations.reserved_at < now() - make_interval(hours => $3)`,
      [handle, email, HANDLE_RESERVATION_HOURS],
    );
    if (held.rowCount !== 1) throw new HandleTakenError(handle);
  });
}

/**
 * The users row of a person whose sign-up Cognito has just confirmed, made once: a second call
 * for the same Cognito user (Cognito retries triggers) finds the row and changes nothing. The
 * handle's reservation is released. HandleTakenError when another row has the handle.
 */
export function insertSignedUpUser(
  pool: Pool,
  user: NewUser & { cognitoUserId: string },
): Promise<{ uuid: string; created: boolean }> {
  return withHandleLock(pool, user.handle, async (client) => {
    const existing = await client.query<{ uuid: string }>(
      'SELECT uuid FROM users WHERE cognito_user_id = $1',
      [user.cognitoUserId],
    );
    if (existing.rows[0]) return { uuid: existing.rows[0].uuid, created: false };
    const inserted = await client.query<{ uuid: string }>(
      `INSERT INTO users (handle, display_name, email, cognito_user_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (handle) DO NOTHING RETURNING uuid`,
      [user.handle, user.displayName, user.email, user.cognitoUserId],
    );
    if (!inserted.rows[0]) throw new HandleTakenError(user.handle);
    await client.query('DELETE FROM handle_reservations WHERE handle = $1', [user.handle]);
    return { uuid: inserted.rows[0].uuid, created: true };
  });
}
