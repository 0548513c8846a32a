import {
  listMessageGroups,
  markRead,
  nowTimestamp,
  toMessageGroup,
  totalUnread,
} from '@cruddur/ddb';
import { rowDeliveries } from '@cruddur/live';
import { z } from 'zod';
import { pageInput, uuid } from '../inputs';
import { memberProcedure } from '../membership';
import { freshOr } from '../cache/fresh-caches';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const messageGroupsRouter = createTRPCRouter({
  /**
   * Pattern B: the caller's conversations, most recent first, each with its unread count;
   * `nextCursor` leads to older ones. The first page also carries `totalUnread` over all of them
   * (up to UNREAD_CAP; see @cruddur/ddb's totalUnread for what it costs). `asOf` is when the page
   * was read from DynamoDB (it may be served from the instance's cache for a few seconds).
   */
  list: protectedProcedure.input(pageInput.default({ limit: 20 })).query(({ ctx, input }) => {
    const { ddb } = ctx.services;
    const load = async () => {
      // A client that opened its live stream before this instant missed nothing this page shows.
      const asOf = nowTimestamp();
      const page = await listMessageGroups(ddb, ctx.user.uuid, {
        limit: input.limit,
        cursor: input.cursor ?? undefined,
      });
      const total = input.cursor ? null : await totalUnread(ddb, ctx.user.uuid, page);
      return { ...page, totalUnread: total, asOf };
    };
    if (input.cursor) return load();
    return freshOr(ctx.services, (f) => f.inbox, ctx.user.uuid, input.limit, load);
  }),

  /**
   * Moves the caller's read position forward to a message of the conversation (never back) and
   * returns the caller's row with what stays unread. The caller's other tabs and the other person
   * (a read receipt) hear of it live.
   */
  markRead: memberProcedure
    // Forward only, so bounded by the messages there are: not counted against the write limit.
    .meta({ writeLimit: false })
    .input(z.object({ messageUuid: uuid }))
    .mutation(async ({ ctx, input }) => {
      const change = await markRead(
        ctx.services.ddb,
        input.messageGroupUuid,
        ctx.user.uuid,
        input.messageUuid,
      );
      if (change.changed) await ctx.services.publish(rowDeliveries([change]));
      return toMessageGroup(change.item);
    }),
});
