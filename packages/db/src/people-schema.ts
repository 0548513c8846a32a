/**
 * What finding, blocking and signing up people need beside the users table (see the README,
 * "Finding people", for why the search index looks like this). Idempotent, like SCHEMA_SQL, and
 * loaded after it by `schemaLoad`.
 *
 * - `cruddur_fold(text)`: lower case without accents ("Tomás" → "tomas"). `unaccent()` itself is
 *   only STABLE (its dictionary could change), and an index expression must be IMMUTABLE; this
 *   wrapper names the dictionary explicitly and promises immutability, the standard way to index
 *   unaccented text. Should unaccent's rules file ever change, REINDEX the two indexes below.
 * - `users_handle_prefix`: handles are already lower-case ASCII, so a prefix is a btree range;
 *   `text_pattern_ops` makes `LIKE 'mi%'` use it whatever the database's collation.
 * - `users_display_name_search`: trigrams of the folded name (pg_trgm, GIN), which serve
 *   `LIKE 'lind%'` and `LIKE '% lind%'` (a name starting with it, or any word in it doing so).
 * - `blocks`: who blocked whom; one row per pair and direction, gone with either person; each
 *   change announced on BLOCKS_CHANGED_CHANNEL.
 * - `handle_reservations`: a handle held by a sign-up that is not confirmed yet, so that two
 *   people signing up at once cannot both be given it (see `reserveHandle`).
 */
/** The LISTEN/NOTIFY channel on which a block or unblock is announced: "<blocker> <blocked>". */
export const BLOCKS_CHANGED_CHANNEL = 'cruddur_blocks_changed';

export const PEOPLE_SCHEMA_SQL = `
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE OR REPLACE FUNCTION cruddur_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE INDEX IF NOT EXISTS users_handle_prefix ON users (handle text_pattern_ops);
CREATE INDEX IF NOT EXISTS users_display_name_search
  ON users USING gin (cruddur_fold(display_name) public.gin_trgm_ops);

CREATE TABLE IF NOT EXISTS blocks (
  blocker_uuid uuid NOT NULL REFERENCES users (uuid) ON DELETE CASCADE,
  blocked_uuid uuid NOT NULL REFERENCES users (uuid) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT blocks_pkey PRIMARY KEY (blocker_uuid, blocked_uuid),
  CONSTRAINT blocks_not_self CHECK (blocker_uuid <> blocked_uuid)
);
-- The primary key finds "did A block B"; this finds a person's rows when they are deleted.
CREATE INDEX IF NOT EXISTS blocks_blocked_uuid ON blocks (blocked_uuid);

-- API instances cache what they read about a pair: a block or unblock is announced ("a b") so
-- that every instance forgets the pair at once, whichever instance made it.
CREATE OR REPLACE FUNCTION cruddur_announce_block_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  changed blocks;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
  PERFORM pg_notify('${BLOCKS_CHANGED_CHANNEL}', changed.blocker_uuid::text || ' ' || changed.blocked_uuid::text);
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER blocks_announce_change
  AFTER INSERT OR DELETE ON blocks
  FOR EACH ROW EXECUTE FUNCTION cruddur_announce_block_change();

CREATE TABLE IF NOT EXISTS handle_reservations (
  handle text PRIMARY KEY
    CONSTRAINT handle_reservations_handle_format CHECK (handle ~ '^[a-z0-9_]{1,64}$'),
  email text NOT NULL,
  reserved_at timestamptz NOT NULL DEFAULT now()
);
`;
