import { isMember } from '@cruddur/ddb';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { NOT_A_MEMBER } from './errors';
import { uuid } from './inputs';
import { protectedProcedure } from './trpc';

/**
 * A procedure about one message group, callable only by its two members. An unknown group gets
 * the same FORBIDDEN as someone else's, so that group ids cannot be probed for existence.
 */
export const memberProcedure = protectedProcedure
  .input(z.object({ messageGroupUuid: uuid }))
  .use(async ({ ctx, input, next }) => {
    if (!(await isMember(ctx.services.ddb, input.messageGroupUuid, ctx.user.uuid))) {
      throw new TRPCError({ code: 'FORBIDDEN', message: NOT_A_MEMBER });
    }
    return next();
  });
