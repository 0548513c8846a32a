import { findUserByHandle } from '@cruddur/db';
import {
  createMessage,
  createMessageGroup,
  formatTimestamp,
  listMessages,
  TIMESTAMP_PATTERN,
} from '@cruddur/ddb';
import { tracked, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { toTRPCError } from '../errors';
import { handle, messageText, pageInput, uuid } from '../inputs';
import { followMessages } from '../live/follow-messages';
import { memberProcedure } from '../membership';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { toUserRef } from '../user-ref';

/** A client-generated id makes a retried create (timeout, double click) return the stored message. */
const newMessage = { message: messageText, messageUuid: uuid.optional() };

export const createMessageInput = z.union(
  [
    z.strictObject({ messageGroupUuid: uuid, ...newMessage }),
    z.strictObject({ handle, ...newMessage }),
  ],
  {
    error:
      'send either { messageGroupUuid, message } to post in a conversation or { handle, message } to write to a person',
  },
);

export const messagesRouter = createTRPCRouter({
  /** Pattern A: a page of a conversation, oldest→newest; `nextCursor` leads to older messages. */
  list: memberProcedure
    .input(pageInput.extend({ messageGroupUuid: uuid }))
    .query(({ ctx, input }) =>
      listMessages(ctx.services.ddb, input.messageGroupUuid, {
        limit: input.limit,
        cursor: input.cursor ?? undefined,
      }),
    ),

  /**
   * Pattern C (`messageGroupUuid`, members only) or D (`handle`: starts the conversation, or posts
   * in the one the pair already has). Returns the stored message and its group.
   */
  create: protectedProcedure.input(createMessageInput).mutation(async ({ ctx, input }) => {
    const { ddb, pool, wake } = ctx.services;
    const sender = ctx.user;
    let stored;
    if ('messageGroupUuid' in input) {
      // createMessage checks membership itself (NotMemberError → FORBIDDEN).
      stored = {
        messageGroupUuid: input.messageGroupUuid,
        message: await createMessage(ddb, {
          messageGroupUuid: input.messageGroupUuid,
          sender,
          message: input.message,
          messageUuid: input.messageUuid,
        }),
      };
    } else {
      const recipient = await findUserByHandle(pool, input.handle);
      if (!recipient)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `no user has the handle "${input.handle}"`,
        });
      const result = await createMessageGroup(ddb, {
        sender,
        recipient: toUserRef(recipient),
        message: input.message,
        messageUuid: input.messageUuid,
      });
      stored = { messageGroupUuid: result.messageGroupUuid, message: result.message };
    }
    wake.notify(stored.messageGroupUuid);
    return stored;
  }),

  /**
   * New messages of a group as server-sent events, each tracked by its sort key so that a
   * reconnecting client resumes after the last one it saw. Works across API instances.
   */
  onNew: memberProcedure
    .input(
      z.object({
        messageGroupUuid: uuid,
        lastEventId: z
          .string()
          .regex(TIMESTAMP_PATTERN, 'must be the id of a previous event')
          .nullish(),
      }),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      const follow = followMessages({
        ddb: ctx.services.ddb,
        wake: ctx.services.wake,
        messageGroupUuid: input.messageGroupUuid,
        after: input.lastEventId ?? formatTimestamp(new Date()),
        signal: signal ?? new AbortController().signal,
      });
      try {
        for await (const { eventId, message } of follow) yield tracked(eventId, message);
      } catch (error) {
        // Errors raised while streaming bypass the procedure middleware: shape them here.
        ctx.services.logger.error(
          { err: error, messageGroupUuid: input.messageGroupUuid },
          'messages.onNew failed',
        );
        throw toTRPCError(error);
      }
    }),
});
