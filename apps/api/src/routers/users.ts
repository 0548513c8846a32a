import {
  blockUser,
  findUserByHandle,
  findUserByUuid,
  listBlocked,
  searchUsers,
  unblockUser,
  type BlockedCursor,
} from '@cruddur/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { blocksOf, forgetBlocks } from '../blocks';
import { handle, pageInput, peopleQuery, peopleSearchLimit, uuid } from '../inputs';
import { createTRPCRouter, protectedProcedure, publicProcedure } from '../trpc';
import { toUserRef } from '../user-ref';
import { userByHandle } from '../users';

const person = z.strictObject({ userUuid: uuid });

/** The blocked list's cursor: the position after the last block of a page, opaque to clients. */
const encodeCursor = (cursor: BlockedCursor) =>
  Buffer.from(JSON.stringify([cursor.blockedAt, cursor.uuid])).toString('base64url');

function decodeCursor(text: string): BlockedCursor {
  try {
    const [blockedAt, userUuid] = JSON.parse(
      Buffer.from(text, 'base64url').toString(),
    ) as unknown[];
    if (
      typeof blockedAt === 'string' &&
      !Number.isNaN(Date.parse(blockedAt)) &&
      uuid.safeParse(userUuid).success
    )
      return { blockedAt, uuid: userUuid as string };
  } catch {
    // Not JSON: refused below like any other foreign cursor.
  }
  throw new TRPCError({
    code: 'BAD_REQUEST',
    message: 'cursor: not a cursor of this list (use the nextCursor of a previous page)',
  });
}

export const usersRouter = createTRPCRouter({
  /** The signed-in user. */
  me: protectedProcedure.query(({ ctx }) => ctx.user),

  /** Who a handle belongs to, e.g. before starting a conversation with them. */
  short: protectedProcedure.input(z.strictObject({ handle })).query(async ({ ctx, input }) => {
    const user = await userByHandle(ctx.services, input.handle);
    if (!user)
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `no user has the handle "${input.handle}"`,
      });
    return user;
  }),

  /**
   * People to write to: handle or display name (or a word of it) starting with `query`, case- and
   * accent-insensitive, never the caller. Indexed in PostgreSQL (packages/db README).
   */
  search: protectedProcedure
    .input(z.strictObject({ query: peopleQuery, limit: peopleSearchLimit }))
    .query(async ({ ctx, input }) => ({
      items: await searchUsers(ctx.services.pool, {
        query: input.query,
        excludeUuid: ctx.user.uuid,
        limit: input.limit,
      }),
    })),

  /**
   * The Cognito username to sign in with for a handle (sign-in accepts "email or handle"). It is
   * the person's Cognito `sub`, which a pool whose usernames are emails uses as the username;
   * their email never leaves the server. Handles are public in Cruddur, so saying which exist
   * tells nothing new (sign-up says so too). NOT_FOUND when nobody signs in with it.
   */
  signInName: publicProcedure.input(z.strictObject({ handle })).query(async ({ ctx, input }) => {
    const user = await findUserByHandle(ctx.services.pool, input.handle);
    if (!user?.cognitoUserId)
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `no account has the handle "${input.handle}"`,
      });
    return { username: user.cognitoUserId };
  }),

  /** Stops `userUuid` from messaging the caller (and the caller them). Idempotent. */
  block: protectedProcedure.input(person).mutation(async ({ ctx, input }) => {
    const other = await requireOther(ctx.services, ctx.user.uuid, input.userUuid);
    const changed = await blockUser(ctx.services.pool, ctx.user.uuid, other.uuid);
    forgetBlocks(ctx.services, ctx.user.uuid, other.uuid);
    return { user: other, blocked: true, changed };
  }),

  /** Lifts the caller's block of `userUuid`. Idempotent. */
  unblock: protectedProcedure.input(person).mutation(async ({ ctx, input }) => {
    const other = await requireOther(ctx.services, ctx.user.uuid, input.userUuid);
    const changed = await unblockUser(ctx.services.pool, ctx.user.uuid, other.uuid);
    forgetBlocks(ctx.services, ctx.user.uuid, other.uuid);
    return { user: other, blocked: false, changed };
  }),

  /** Whether the caller has blocked `userUuid` (a thread header shows it). */
  blockStatus: protectedProcedure.input(person).query(async ({ ctx, input }) => {
    const { aBlockedB } = await blocksOf(ctx.services, ctx.user.uuid, input.userUuid);
    return { blocked: aBlockedB };
  }),

  /** The people the caller has blocked, most recent first, paginated. */
  blocked: protectedProcedure.input(pageInput).query(async ({ ctx, input }) => {
    const page = await listBlocked(ctx.services.pool, ctx.user.uuid, {
      limit: input.limit,
      after: input.cursor ? decodeCursor(input.cursor) : undefined,
    });
    return {
      items: page.items.map((p) => ({ ...toUserRef(p), blockedAt: p.blockedAt.toISOString() })),
      nextCursor: page.next && encodeCursor(page.next),
    };
  }),
});

/** The other person of a block: someone else, who exists. */
async function requireOther(
  services: Parameters<typeof forgetBlocks>[0],
  me: string,
  userUuid: string,
) {
  if (userUuid.toLowerCase() === me.toLowerCase())
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'userUuid: you cannot block yourself' });
  const user = await findUserByUuid(services.pool, userUuid);
  if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'no user has this uuid' });
  return toUserRef(user);
}
