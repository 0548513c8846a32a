import { PEOPLE_SCHEMA_SQL } from './people-schema';
import type { Pool } from './pool';

/**
 * The users table. Idempotent; the checks are named so that a refused row says which rule it broke.
 * cognito_user_id is unique but deferrable: a non-deferrable unique constraint is checked row by
 * row, so the single UPDATE of update-cognito-user-ids could not swap ids between two rows; a
 * deferrable one is checked at the end of the statement.
 */
/** The LISTEN/NOTIFY channel on which a changed or deleted users row is announced, by uuid. */
export const USERS_CHANGED_CHANNEL = 'cruddur_users_changed';

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS users (
  uuid uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  display_name text NOT NULL
    CONSTRAINT users_display_name_not_blank CHECK (btrim(display_name) <> '')
    CONSTRAINT users_display_name_length CHECK (char_length(display_name) <= 100),
  email text NOT NULL
    CONSTRAINT users_email_format CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND char_length(email) <= 254),
  handle text NOT NULL
    CONSTRAINT users_handle_key UNIQUE
    CONSTRAINT users_handle_format CHECK (handle ~ '^[a-z0-9_]{1,64}$'),
  cognito_user_id text NULL
    CONSTRAINT users_cognito_user_id_key UNIQUE DEFERRABLE INITIALLY IMMEDIATE
    CONSTRAINT users_cognito_user_id_not_blank CHECK (btrim(cognito_user_id) <> ''),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Every API instance keeps users in a cache and streams open for them: a changed or deleted row
-- is announced (its uuid) so that they forget it at once, whoever changed it.
CREATE OR REPLACE FUNCTION cruddur_announce_user_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${USERS_CHANGED_CHANNEL}', OLD.uuid::text);
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER users_announce_change
  AFTER UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION cruddur_announce_user_change();
`;

// Two concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog; the lock serialises them.
const SCHEMA_LOCK = 'cruddur-db-schema';

export async function schemaLoad(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SCHEMA_LOCK]);
    await client.query(SCHEMA_SQL);
    await client.query(PEOPLE_SCHEMA_SQL);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
