import type { Queryable } from './user';

export interface PersonFound {
  uuid: string;
  handle: string;
  displayName: string;
}

export interface PeopleSearch {
  /** What was typed (normalized by the caller: trimmed, no leading @); folded here, in SQL. */
  query: string;
  /** The person searching, who is never in their own results. */
  excludeUuid: string;
  limit: number;
}

/**
 * People whose handle, whole display name or any word of it starts with `query`, ignoring case
 * and accents ("tomas", "TOMÁS" and "lind" all find Tomás Lindqvist). The query is folded with
 * the same `cruddur_fold` as the index and its LIKE wildcards escaped, so "_" and "%" match
 * themselves. Exact handle first, then handle prefixes, then names; ties in handle order.
 *
 * The folded term is a constant once the parameter is known (the function is IMMUTABLE), so the
 * planner can take the `users_handle_prefix` and `users_display_name_search` indexes (README).
 */
export async function searchUsers(db: Queryable, search: PeopleSearch): Promise<PersonFound[]> {
  const result = await db.query<{ uuid: string; handle: string; display_name: string }>(
    `WITH q AS (
       SELECT cruddur_fold($1) AS folded,
              replace(replace(replace(cruddur_fold($1), '\\', '\\\\'), '%', '\\%'), '_', '\\_') AS term
     )
     SELECT u.uuid, u.handle, u.display_name
       FROM users u, q
      WHERE u.uuid <> $2
        AND (u.handle LIKE q.term || '%'
             OR cruddur_fold(u.display_name) LIKE q.term || '%'
             OR cruddur_fold(u.display_name) LIKE '% ' || q.term || '%')
      ORDER BY u.handle = q.folded DESC, u.handle LIKE q.term || '%' DESC, u.handle
      LIMIT $3`,
    [search.query, search.excludeUuid, search.limit],
  );
  return result.rows.map((row) => ({
    uuid: row.uuid,
    handle: row.handle,
    displayName: row.display_name,
  }));
}
