import { findUserByHandle, type Queryable } from '@cruddur/db';
import {
  findPairGroup,
  formatTimestamp,
  messageItem,
  SelfMessageError,
  startConversation,
  storeMessageAt,
  updateGroupRows,
  type DdbContext,
  type UserRef,
} from '@cruddur/ddb';
import { messageIdAt, normalizeHandle } from '@cruddur/validators';
import { CONVERSATION } from './conversation';

export class UnknownHandleError extends Error {
  override readonly name = 'UnknownHandleError';
  constructor(readonly handle: string) {
    super(`no user has the handle "${handle}" in PostgreSQL (load the users first: pnpm db setup)`);
  }
}

export interface SeedOptions {
  /** Handles of the two participants; mira and tomas by default. */
  from?: string;
  to?: string;
  /** When the last line is sent; now by default. */
  endAt?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  messageGroupUuid: string;
  /** False when the pair already had a conversation: then nothing was written. */
  created: boolean;
  messages: number;
  from: UserRef;
  to: UserRef;
}

const MINUTE_MS = 60_000;

/** A line's sort key and its id, which carries the same instant (as the app's ids do). */
function at(ms: number) {
  return { sk: formatTimestamp(new Date(ms)), messageUuid: messageIdAt(ms * 1000) };
}

/**
 * Writes the sample conversation between two users of PostgreSQL, one line a minute and the last
 * one at `endAt`, through the same patterns the app uses (D for the first line, C's write for the
 * rest), then points both group rows at the last line as the original seed did. A pair that
 * already talks is left alone, so running it twice is harmless.
 */
export async function seedConversation(
  ctx: DdbContext,
  db: Queryable,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const from = await findSeedUser(db, options.from ?? 'mira');
  const to = await findSeedUser(db, options.to ?? 'tomas');
  if (from.uuid === to.uuid) throw new SelfMessageError(from.uuid);

  const existing = await findPairGroup(ctx, from.uuid, to.uuid);
  if (existing) return { messageGroupUuid: existing, created: false, messages: 0, from, to };

  const endAt = (options.endAt ?? new Date()).getTime();
  const lines = CONVERSATION.map((line, i) => ({
    sender: line.from === 'a' ? from : to,
    message: line.text,
    ...at(endAt - (CONVERSATION.length - 1 - i) * MINUTE_MS),
  }));
  const [first, ...rest] = lines;
  const start = await startConversation(
    ctx,
    { ...first!, recipient: first!.sender === from ? to : from },
    first!.sk,
  );
  options.onProgress?.(1, lines.length);
  const messageGroupUuid = start.messageGroupUuid;
  const stored = [start.message];
  for (const [i, line] of rest.entries()) {
    stored.push(await storeMessageAt(ctx, { ...line, messageGroupUuid }, line.sk));
    options.onProgress?.(i + 2, lines.length);
  }
  // As pattern E would on the stream's batch: rows on the last line, read positions and counts.
  await updateGroupRows(
    ctx,
    messageGroupUuid,
    stored.map((m) => messageItem({ ...m, messageGroupUuid }, m.createdAt)),
  );
  return {
    messageGroupUuid,
    created: true,
    messages: lines.length,
    from,
    to,
  };
}

async function findSeedUser(db: Queryable, handle: string): Promise<UserRef> {
  const user = await findUserByHandle(db, normalizeHandle(handle));
  if (!user) throw new UnknownHandleError(handle);
  return { uuid: user.uuid, handle: user.handle, displayName: user.displayName };
}
