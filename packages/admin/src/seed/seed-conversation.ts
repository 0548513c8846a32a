import { findUserByHandle, type Queryable } from '@cruddur/db';
import {
  findPairGroup,
  formatTimestamp,
  moveGroupRows,
  SelfMessageError,
  startConversation,
  storeMessage,
  type DdbContext,
  type UserRef,
} from '@cruddur/ddb';
import { normalizeHandle } from '@cruddur/validators';
import { randomUUID } from 'node:crypto';
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
    messageUuid: randomUUID(),
    sk: formatTimestamp(new Date(endAt - (CONVERSATION.length - 1 - i) * MINUTE_MS)),
  }));
  const [first, ...rest] = lines;
  const start = await startConversation(
    ctx,
    { ...first!, recipient: first!.sender === from ? to : from },
    first!.sk,
  );
  options.onProgress?.(1, lines.length);
  let last = start.message;
  for (const [i, line] of rest.entries()) {
    last = await storeMessage(ctx, { ...line, messageGroupUuid: start.messageGroupUuid }, line.sk);
    options.onProgress?.(i + 2, lines.length);
  }
  await moveGroupRows(ctx, start.messageGroupUuid, last.createdAt, last.message);
  return {
    messageGroupUuid: start.messageGroupUuid,
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
