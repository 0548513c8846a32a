import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { isBlockedBetween } from '../blocks';
import { lastEventId } from '../live/event-id';
import { catchUp } from '../live/replay';
import { serveStream } from '../live/serve-stream';
import { memberProcedure } from '../membership';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** Typing is published at most this often per person and conversation (on one instance). */
export const TYPING_INTERVAL_MS = 1_000;
const typingSent = new LRUCache<string, true>({ max: 100_000, ttl: TYPING_INTERVAL_MS });

export const liveRouter = createTRPCRouter({
  /**
   * The one live stream of a signed-in tab: every event about the caller's conversations (see
   * @cruddur/live's LiveEvent). Resumable: a reconnect with the last event id (tRPC's client
   * sends it) first replays what was missed, from DynamoDB.
   */
  events: protectedProcedure
    .input(z.object({ lastEventId: lastEventId.nullish() }).default({}))
    .subscription(({ ctx, input, signal }) =>
      serveStream(ctx, {
        lastEventId: input.lastEventId,
        signal,
        catchUp: (after) => catchUp(ctx.services.ddb, ctx.user.uuid, after),
        announceReady: true,
      }),
    ),

  /**
   * "I am typing in this conversation", for the other person's stream only: nothing is stored.
   * Calls faster than once a second per conversation are accepted and dropped.
   */
  typing: memberProcedure.meta({ writeLimit: false }).mutation(async ({ ctx, input }) => {
    const key = `${ctx.user.uuid} ${input.messageGroupUuid}`;
    if (typingSent.has(key) || (await isBlockedBetween(ctx.services, ctx.user.uuid, ctx.other)))
      return { published: false };
    typingSent.set(key, true);
    await ctx.services.publish([
      {
        to: [ctx.other],
        event: {
          type: 'typing',
          messageGroupUuid: input.messageGroupUuid,
          userUuid: ctx.user.uuid,
        },
      },
    ]);
    return { published: true };
  }),
});
