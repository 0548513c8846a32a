import {
  createMessage,
  createMessageGroup,
  formatTimestamp,
  listMessages,
  membersOf as membersOfPair,
  TIMESTAMP_PATTERN,
} from '@cruddur/ddb';
import { tracked, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { toTRPCError } from '../errors';
import { handle, messageText, pageInput, uuid } from '../inputs';
import { followMessages } from '../live/follow-messages';
import { memberProcedure, requireMembership } from '../membership';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { pairKey, userByHandle } from '../users';

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
  list: protectedProcedure
    .input(pageInput.extend({ messageGroupUuid: uuid }))
    .query(async ({ ctx, input }) => {
      // The page is read alongside the membership check (one step, not two); it is only
      // returned once the caller is known to be a member.
      const [membership, page] = await Promise.allSettled([
        requireMembership(ctx.services, input.messageGroupUuid, ctx.user.uuid),
        listMessages(ctx.services.ddb, input.messageGroupUuid, {
          limit: input.limit,
          cursor: input.cursor ?? undefined,
        }),
      ]);
      if (membership.status === 'rejected') throw membership.reason;
      if (page.status === 'rejected') throw page.reason;
      return page.value;
    }),

  /**
   * Pattern C (`messageGroupUuid`, members only) or D (`handle`: starts the conversation, or posts
   * in the one the pair already has). Returns the stored message and its group.
   */
  create: protectedProcedure.input(createMessageInput).mutation(async ({ ctx, input }) => {
    const { services } = ctx;
    const sender = ctx.user;
    let stored;
    if ('messageGroupUuid' in input) {
      // With the members known (they never change), the message is one PutItem.
      const members = await requireMembership(services, input.messageGroupUuid, sender.uuid);
      stored = {
        messageGroupUuid: input.messageGroupUuid,
        message: await createMessage(
          services.ddb,
          {
            messageGroupUuid: input.messageGroupUuid,
            sender,
            message: input.message,
            messageUuid: input.messageUuid,
          },
          { members },
        ),
      };
    } else {
      const recipient = await userByHandle(services, input.handle);
      if (!recipient)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `no user has the handle "${input.handle}"`,
        });
      const pair = pairKey(sender.uuid, recipient.uuid);
      const result = await createMessageGroup(
        services.ddb,
        { sender, recipient, message: input.message, messageUuid: input.messageUuid },
        { pairGroup: services.caches.pairs.get(pair) },
      );
      services.caches.pairs.set(pair, result.messageGroupUuid);
      services.caches.members.set(
        result.messageGroupUuid,
        membersOfPair(sender.uuid, recipient.uuid),
      );
      stored = { messageGroupUuid: result.messageGroupUuid, message: result.message };
    }
    services.wake.notify(stored.messageGroupUuid);
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
