import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { handle } from '../inputs';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { userByHandle } from '../users';

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
});
