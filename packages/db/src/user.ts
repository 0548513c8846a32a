import type pg from 'pg';

export interface User {
  uuid: string;
  handle: string;
  displayName: string;
  email: string;
  cognitoUserId: string | null;
  createdAt: Date;
}

/** Anything that runs a query: a pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

interface UserRow {
  uuid: string;
  handle: string;
  display_name: string;
  email: string;
  cognito_user_id: string | null;
  created_at: Date;
}

const USER_COLUMNS = 'uuid, handle, display_name, email, cognito_user_id, created_at';

function toUser(row: UserRow): User {
  return {
    uuid: row.uuid,
    handle: row.handle,
    displayName: row.display_name,
    email: row.email,
    cognitoUserId: row.cognito_user_id,
    createdAt: row.created_at,
  };
}

// A value that cannot be a uuid would make PostgreSQL raise on the cast; an unknown id is simply "not found".
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findOne(
  db: Queryable,
  column: 'handle' | 'cognito_user_id' | 'uuid',
  value: string,
): Promise<User | undefined> {
  const result = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE ${column} = $1`, [
    value,
  ]);
  const row = result.rows[0];
  return row && toUser(row);
}

export function findUserByHandle(db: Queryable, handle: string): Promise<User | undefined> {
  return findOne(db, 'handle', handle);
}

export function findUserByCognitoUserId(
  db: Queryable,
  cognitoUserId: string,
): Promise<User | undefined> {
  return findOne(db, 'cognito_user_id', cognitoUserId);
}

export async function findUserByUuid(db: Queryable, uuid: string): Promise<User | undefined> {
  if (!UUID.test(uuid)) return undefined;
  return findOne(db, 'uuid', uuid);
}

/** Every user, in handle order (used by update-cognito-user-ids to report rows without a Cognito user). */
export async function listUsers(db: Queryable): Promise<User[]> {
  const result = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY handle`);
  return result.rows.map(toUser);
}

export interface NewUser {
  handle: string;
  displayName: string;
  email: string;
  cognitoUserId: string | null;
}

export interface InsertReport {
  /** Handles inserted by this call, and handles that already had a row (left untouched). */
  inserted: string[];
  existing: string[];
}

/**
 * Inserts the users whose handle is free, in one statement. An existing row is never touched: a
 * second call with the same people changes nothing, whatever else has changed since.
 */
export async function insertUsers(db: Queryable, users: readonly NewUser[]): Promise<InsertReport> {
  const result = await db.query<{ handle: string }>(
    `INSERT INTO users (handle, display_name, email, cognito_user_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (handle) DO NOTHING
     RETURNING handle`,
    [
      users.map((u) => u.handle),
      users.map((u) => u.displayName),
      users.map((u) => u.email),
      users.map((u) => u.cognitoUserId),
    ],
  );
  const inserted = new Set(result.rows.map((r) => r.handle));
  return {
    inserted: users.filter((u) => inserted.has(u.handle)).map((u) => u.handle),
    existing: users.filter((u) => !inserted.has(u.handle)).map((u) => u.handle),
  };
}
