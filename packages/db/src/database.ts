import pg from 'pg';

export interface DatabaseChange {
  database: string;
  /** False when there was nothing to do (the database already existed, or was already gone). */
  changed: boolean;
}

// Databases of the server itself; dropping them through this tool is never what someone meant.
const PROTECTED = new Set(['postgres', 'template0', 'template1']);

/** The database named in `databaseUrl`, and a URL of the same server's `postgres` maintenance database. */
export function splitDatabaseUrl(databaseUrl: string): {
  database: string;
  maintenanceUrl: string;
} {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database)
    throw new Error('DATABASE_URL names no database (expected postgres://…/<database>)');
  url.pathname = '/postgres';
  return { database, maintenanceUrl: url.toString() };
}

async function withMaintenanceClient<T>(
  databaseUrl: string,
  work: (client: pg.Client, database: string) => Promise<T>,
): Promise<T> {
  const { database, maintenanceUrl } = splitDatabaseUrl(databaseUrl);
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    return await work(client, database);
  } finally {
    await client.end();
  }
}

async function exists(client: pg.Client, database: string): Promise<boolean> {
  const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  return result.rowCount === 1;
}

/** Creates the database named in `databaseUrl` unless it exists. */
export function createDatabase(databaseUrl: string): Promise<DatabaseChange> {
  return withMaintenanceClient(databaseUrl, async (client, database) => {
    if (await exists(client, database)) return { database, changed: false };
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    } catch (error) {
      // Someone else created it between the check and the CREATE: the outcome is the same.
      if ((error as { code?: string }).code === '42P04') return { database, changed: false };
      throw error;
    }
    return { database, changed: true };
  });
}

/** Drops the database named in `databaseUrl`, ending its connections first. */
export function dropDatabase(databaseUrl: string): Promise<DatabaseChange> {
  return withMaintenanceClient(databaseUrl, async (client, database) => {
    if (PROTECTED.has(database))
      throw new Error(`refusing to drop the server's own database "${database}"`);
    if (!(await exists(client, database))) return { database, changed: false };
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
    return { database, changed: true };
  });
}
