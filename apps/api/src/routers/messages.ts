import {
  createMessage,
  createMessageGroup,
  deleteMessage,
  editMessage,
  reactToMessage,
  type Message,
  listMessages,
  listMessagesAfter,
  membersOf as membersOfPair,
  type Members,
  nowMicros,
  nowTimestamp,
  readPositions,
  timestampFromMicros,
} from '@cruddur/ddb';
import { rowDeliveries, type LiveEvent } from '@cruddur/live';
import { REACTION_NAMES } from '@cruddur/validators';
import { tracked, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { assertNotBlocked } from '../blocks';
import { handle, messageText, pageInput, uuid } from '../inputs';
import { eventIdMicros, lastEventId } from '../live/event-id';
import { CATCH_UP_WINDOW_MS } from '../live/replay';
import { serveStream } from '../live/serve-stream';
import { memberProcedure, otherMember, requireMembership } from '../membership';
import { freshOr } from '../cache/fresh-caches';
import { type ApiServices } from '../services';
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

/** A message change, announced to both members at once (the stream worker also updates the rows). */
async function changed(
  services: ApiServices,
  members: Members,
  change: () => Promise<Message>,
): Promise<Message> {
  const message = await change();
  await services.publish([{ to: members, event: { type: 'message-changed', message } }]);
  return message;
}

/** Read positions, kept on instances where live events keep them fresh. */
function positionsOf(services: ApiServices, group: string) {
  return freshOr(
    services,
    (f) => f.readPositions,
    group,
    0,
    () => readPositions(services.ddb, group),
  );
}

export const messagesRouter = createTRPCRouter({
  /**
   * Pattern A: a page of a conversation, oldest→newest; `nextCursor` leads to older messages.
   * The first page also says up to which message the other person has read (`otherReadAt`, a
   * sort key, or null), for "Seen".
   */
  list: protectedProcedure
    .input(pageInput.extend({ messageGroupUuid: uuid }))
    .query(async ({ ctx, input }) => {
      const { services } = ctx;
      const asOf = nowTimestamp();
      // Everything is read alongside the membership check (one step, not two); nothing is
      // returned before the caller is known to be a member.
      const [membership, page, positions] = await Promise.allSettled([
        requireMembership(services, input.messageGroupUuid, ctx.user.uuid),
        listMessages(services.ddb, input.messageGroupUuid, {
          limit: input.limit,
          cursor: input.cursor ?? undefined,
        }),
        input.cursor ? null : positionsOf(services, input.messageGroupUuid),
      ]);
      if (membership.status === 'rejected') throw membership.reason;
      if (page.status === 'rejected') throw page.reason;
      if (positions.status === 'rejected') throw positions.reason;
      const other = otherMember(membership.value, ctx.user.uuid);
      return { ...page.value, otherReadAt: positions.value?.get(other) ?? null, asOf };
    }),

  /**
   * Pattern C (`messageGroupUuid`, members only) or D (`handle`: starts the conversation, or posts
   * in the one the pair already has). Returns the stored message and its group.
   */
  create: protectedProcedure.input(createMessageInput).mutation(async ({ ctx, input }) => {
    const { services } = ctx;
    const sender = ctx.user;
    let stored;
    let members: Members;
    let rows: Parameters<typeof rowDeliveries>[0] = [];
    if ('messageGroupUuid' in input) {
      // With the members known (they never change), the message is one PutItem.
      members = await requireMembership(services, input.messageGroupUuid, sender.uuid);
      await assertNotBlocked(services, sender.uuid, otherMember(members, sender.uuid));
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
      await assertNotBlocked(services, sender.uuid, recipient.uuid);
      const pair = pairKey(sender.uuid, recipient.uuid);
      const result = await createMessageGroup(
        services.ddb,
        { sender, recipient, message: input.message, messageUuid: input.messageUuid },
        { pairGroup: services.caches.pairs.get(pair) },
      );
      members = membersOfPair(sender.uuid, recipient.uuid);
      services.caches.pairs.set(pair, result.messageGroupUuid);
      services.caches.members.set(result.messageGroupUuid, members);
      stored = { messageGroupUuid: result.messageGroupUuid, message: result.message };
      rows = result.rows;
    }
    // The fast path of live delivery; the stream worker publishes the message again (streams
    // deliver it once) with the rows pattern E moves.
    await services.publish([
      { to: members, event: { type: 'message', message: stored.message } },
      ...rowDeliveries(rows),
    ]);
    return stored;
  }),

  /**
   * The sender replaces the text of their message (any time until it is deleted); both people see
   * it as edited, live. The same text again changes nothing.
   */
  edit: memberProcedure
    .input(z.object({ messageUuid: uuid, message: messageText }))
    .mutation(({ ctx, input }) =>
      changed(ctx.services, ctx.members, () =>
        editMessage(ctx.services.ddb, { ...input, userUuid: ctx.user.uuid }),
      ),
    ),

  /**
   * The sender deletes their message: it stays, for both people, as "message deleted" (no text,
   * no reactions). Deleting it again changes nothing.
   */
  delete: memberProcedure
    .input(z.object({ messageUuid: uuid }))
    .mutation(({ ctx, input }) =>
      changed(ctx.services, ctx.members, () =>
        deleteMessage(ctx.services.ddb, { ...input, userUuid: ctx.user.uuid }),
      ),
    ),

  /** Either member gives (`on: true`) or takes back one of the fixed reactions on a message. */
  react: memberProcedure
    .input(z.object({ messageUuid: uuid, reaction: z.enum(REACTION_NAMES), on: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      // Reacting is writing to the other person: a block stops it like a message.
      await assertNotBlocked(ctx.services, ctx.user.uuid, ctx.other);
      return changed(ctx.services, ctx.members, () =>
        reactToMessage(ctx.services.ddb, { ...input, userUuid: ctx.user.uuid }),
      );
    }),

  /**
   * New messages of one conversation, for API clients that follow a single thread (the web app
   * uses `live.events`). A new subscription starts with the last few minutes' messages, so that
   * messages sent between loading the thread and subscribing are not lost; a reconnect with the
   * last event id replays what was missed.
   */
  onNew: memberProcedure
    .input(z.object({ messageGroupUuid: uuid, lastEventId: lastEventId.nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      const group = input.messageGroupUuid;
      const window = CATCH_UP_WINDOW_MS * 1000;
      const messagesFrom = async (micros: number): Promise<LiveEvent[]> => {
        const events: LiveEvent[] = [];
        let after = timestampFromMicros(micros);
        for (;;) {
          const page = await listMessagesAfter(ctx.services.ddb, group, after, 100);
          events.push(...page.items.map((message) => ({ type: 'message' as const, message })));
          if (!page.more || page.items.length === 0) return events;
          after = page.items.at(-1)!.createdAt;
        }
      };
      const stream = serveStream(ctx, {
        lastEventId: input.lastEventId,
        signal,
        accept: (event) => event.type === 'message' && event.message.messageGroupUuid === group,
        catchUp: (after) => messagesFrom(eventIdMicros(after) - window),
        initial: () => messagesFrom(nowMicros() - window),
      });
      for await (const [id, event] of stream)
        if (event.type === 'message') yield tracked(id, event.message);
    }),
});
