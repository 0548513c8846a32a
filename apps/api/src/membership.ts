import { groupMembers, type Members } from '@cruddur/ddb';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { cached } from './cache/caches';
import { NOT_A_MEMBER } from './errors';
import { uuid } from './inputs';
import { type ApiServices } from './services';
import { protectedProcedure } from './trpc';

/**
 * The two members of a group: decided once from strongly consistent data (a group the original
 * Python code wrote is adopted on that first read) and then remembered, since they never change.
 */
export function membersOf(services: ApiServices, groupUuid: string): Promise<Members | undefined> {
  return cached(services.caches.members, groupUuid, () => groupMembers(services.ddb, groupUuid));
}

/** The members, or FORBIDDEN when `userUuid` is not one of them (or the group is unknown). */
export async function requireMembership(
  services: ApiServices,
  groupUuid: string,
  userUuid: string,
): Promise<Members> {
  const members = await membersOf(services, groupUuid);
  if (!members?.includes(userUuid))
    throw new TRPCError({ code: 'FORBIDDEN', message: NOT_A_MEMBER });
  return members;
}

/** The one of the two members who is not `me`. */
export const otherMember = (members: Members, me: string): string =>
  members[0] === me ? members[1] : members[0];

/**
 * A procedure about one message group, callable only by its two members. An unknown group gets
 * the same FORBIDDEN as someone else's, so that group ids cannot be probed for existence.
 */
export const memberProcedure = protectedProcedure
  .input(z.object({ messageGroupUuid: uuid }))
  .use(async ({ ctx, input, next }) => {
    const members = await requireMembership(ctx.services, input.messageGroupUuid, ctx.user.uuid);
    return next({ ctx: { members, other: otherMember(members, ctx.user.uuid) } });
  });
