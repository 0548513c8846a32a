import { isMember } from '@cruddur/ddb';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { NOT_A_MEMBER } from './errors';
import { uuid } from './inputs';
import { type ApiContext } from './trpc';
import { protectedProcedure } from './trpc';

/**
 * Reading or posting requires membership. An unknown group gets the same FORBIDDEN as someone
 * else's, so that group ids cannot be probed for existence.
 */
export async function assertMember(ctx: ApiContext, messageGroupUuid: string, userUuid: string): Promise<void> {
  if (!(await isMember(ctx.services.ddb, messageGroupUuid, userUuid))) throw new TRPCError({ code: 'FORBIDDEN', message: NOT_A_MEMBER });
}

/** A procedure about one message group, callable only by its two members. */
export const memberProcedure = protectedProcedure
  .input(z.object({ messageGroupUuid: uuid }))
  .use(async ({ ctx, input, next }) => {
    await assertMember(ctx, input.messageGroupUuid, ctx.user.uuid);
    return next();
  });
