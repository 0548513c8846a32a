import { type CognitoClient, type CognitoUser, listAllUsers } from '@cruddur/cognito';
import type { Pool } from '@cruddur/db';

export interface CognitoIdChange {
  handle: string;
  from: string | null;
  to: string;
}

export interface CognitoIdReport {
  updated: CognitoIdChange[];
  /** Handles whose row already held their Cognito sub. */
  unchanged: string[];
  /** Cognito users whose preferred_username is no handle in the table (or who have none). */
  cognitoUsersWithoutRow: Pick<CognitoUser, 'username' | 'email' | 'preferredUsername'>[];
  /** Handles no Cognito user claims as preferred_username; their rows are left as they are. */
  rowsWithoutCognitoUser: string[];
  /** Handles claimed by several Cognito users; which one is meant cannot be told, so the row is left alone. */
  ambiguousHandles: { handle: string; subs: string[] }[];
}

export interface UpdateCognitoUserIdsOptions {
  pool: Pool;
  cognito: CognitoClient;
  userPoolId: string;
  /** Called as the work goes on, for a CLI to show progress. */
  onProgress?: (message: string) => void;
}

/** A unique violation at commit: two rows would hold the same Cognito id. */
export class CognitoIdConflictError extends Error {
  constructor(detail: string, options?: ErrorOptions) {
    super(
      `a Cognito id would belong to two users (${detail}); clear the stale cognito_user_id and run again`,
      options,
    );
    this.name = 'CognitoIdConflictError';
  }
}

/**
 * Sets each row's cognito_user_id to the sub of the Cognito user whose preferred_username is the
 * row's handle, in one transaction, and reports everything that did not match either way.
 */
export async function updateCognitoUserIds(
  options: UpdateCognitoUserIdsOptions,
): Promise<CognitoIdReport> {
  const progress = options.onProgress ?? (() => {});
  progress(`listing the users of Cognito pool ${options.userPoolId}`);
  const cognitoUsers = await listAllUsers(options.cognito, options.userPoolId);
  progress(`${cognitoUsers.length} Cognito users listed`);

  const byHandle = new Map<string, CognitoUser[]>();
  for (const user of cognitoUsers) {
    if (user.preferredUsername)
      byHandle.set(user.preferredUsername, [...(byHandle.get(user.preferredUsername) ?? []), user]);
  }

  const client = await options.pool.connect();
  try {
    await client.query('BEGIN');
    // Rows are locked so that a concurrent run waits and then sees these updates as "unchanged".
    const rows = (
      await client.query<{ handle: string; cognito_user_id: string | null }>(
        'SELECT handle, cognito_user_id FROM users ORDER BY handle FOR UPDATE',
      )
    ).rows;
    const report: CognitoIdReport = {
      updated: [],
      unchanged: [],
      cognitoUsersWithoutRow: [],
      rowsWithoutCognitoUser: [],
      ambiguousHandles: [],
    };
    for (const row of rows) {
      const matches = byHandle.get(row.handle) ?? [];
      const match = matches[0];
      if (!match) report.rowsWithoutCognitoUser.push(row.handle);
      else if (matches.length > 1)
        report.ambiguousHandles.push({ handle: row.handle, subs: matches.map((m) => m.sub) });
      else if (row.cognito_user_id === match.sub) report.unchanged.push(row.handle);
      else report.updated.push({ handle: row.handle, from: row.cognito_user_id, to: match.sub });
    }
    const handles = new Set(rows.map((r) => r.handle));
    report.cognitoUsersWithoutRow = cognitoUsers
      .filter((u) => !u.preferredUsername || !handles.has(u.preferredUsername))
      .map(({ username, email, preferredUsername }) => ({ username, email, preferredUsername }));

    if (report.updated.length > 0) {
      progress(`updating ${report.updated.length} rows`);
      await client.query(
        `UPDATE users SET cognito_user_id = v.sub
         FROM unnest($1::text[], $2::text[]) AS v(handle, sub)
         WHERE users.handle = v.handle`,
        [report.updated.map((u) => u.handle), report.updated.map((u) => u.to)],
      );
    }
    await client.query('COMMIT');
    return report;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    const pgError = error as { code?: string; detail?: string };
    if (pgError.code === '23505')
      throw new CognitoIdConflictError(pgError.detail ?? 'unique violation', { cause: error });
    throw error;
  } finally {
    client.release();
  }
}
