import { listMessageGroups } from '@cruddur/ddb';
import { pageInput } from '../inputs';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const messageGroupsRouter = createTRPCRouter({
  /** Pattern B: the caller's conversations, most recent first; `nextCursor` leads to older ones. */
  list: protectedProcedure.input(pageInput.default({ limit: 20 })).query(({ ctx, input }) =>
    listMessageGroups(ctx.services.ddb, ctx.user.uuid, {
      limit: input.limit,
      cursor: input.cursor ?? undefined,
    }),
  ),
});
