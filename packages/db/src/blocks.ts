import type { PersonFound } from './search';
import type { Queryable } from './user';

/** Whether either of two people has blocked the other. */
export interface BlocksBetween {
  /** `a` blocked `b`. */
  aBlockedB: boolean;
  /** `b` blocked `a`. */
  bBlockedA: boolean;
}

/** Idempotent: true when this call made the block, false when it was already there. */
export async function blockUser(
  db: Queryable,
  blockerUuid: string,
  blockedUuid: string,
): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO blocks (blocker_uuid, blocked_uuid) VALUES ($1, $2)
     ON CONFLICT (blocker_uuid, blocked_uuid) DO NOTHING`,
    [blockerUuid, blockedUuid],
  );
  return result.rowCount === 1;
}

/** Idempotent: true when a block was removed, false when there was none. */
export async function unblockUser(
  db: Queryable,
  blockerUuid: string,
  blockedUuid: string,
): Promise<boolean> {
  const result = await db.query(
    'DELETE FROM blocks WHERE blocker_uuid = $1 AND blocked_uuid = $2',
    [blockerUuid, blockedUuid],
  );
  return result.rowCount === 1;
}

export async function blocksBetween(db: Queryable, a: string, b: string): Promise<BlocksBetween> {
  const result = await db.query<{ blocker_uuid: string }>(
    `SELECT blocker_uuid FROM blocks
      WHERE (blocker_uuid = $1 AND blocked_uuid = $2) OR (blocker_uuid = $2 AND blocked_uuid = $1)`,
    [a, b],
  );
  const blockers = new Set(result.rows.map((row) => row.blocker_uuid));
  return { aBlockedB: blockers.has(a), bBlockedA: blockers.has(b) };
}

export interface BlockedPerson extends PersonFound {
  blockedAt: Date;
}

/** Where the next page of `listBlocked` starts: after this block (newest first). */
export interface BlockedCursor {
  blockedAt: string;
  uuid: string;
}

/** The people `blockerUuid` blocked, most recent first, a page at a time. */
export async function listBlocked(
  db: Queryable,
  blockerUuid: string,
  { limit, after }: { limit: number; after?: BlockedCursor },
): Promise<{ items: BlockedPerson[]; next: BlockedCursor | null }> {
  const result = await db.query<{
    uuid: string;
    handle: string;
    display_name: string;
    created_at: Date;
    created_at_text: string;
  }>(
    `SELECT u.uuid, u.handle, u.display_name, b.created_at,
            to_char(b.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_text
       FROM blocks b JOIN users u ON u.uuid = b.blocked_uuid
      WHERE b.blocker_uuid = $1
        AND ($2::timestamptz IS NULL OR (b.created_at, b.blocked_uuid) < ($2::timestamptz, $3::uuid))
      ORDER BY b.created_at DESC, b.blocked_uuid DESC
      LIMIT $4`,
    [blockerUuid, after?.blockedAt ?? null, after?.uuid ?? null, limit + 1],
  );
  const rows = result.rows.slice(0, limit);
  const last = rows.at(-1);
  return {
    items: rows.map((row) => ({
      uuid: row.uuid,
      handle: row.handle,
      displayName: row.display_name,
      blockedAt: row.created_at,
    })),
    next:
      result.rows.length > limit && last
        ? { blockedAt: last.created_at_text, uuid: last.uuid }
        : null,
  };
}
