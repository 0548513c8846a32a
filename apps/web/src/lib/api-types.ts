import type { AppRouter } from '@cruddur/api';
import type { inferRouterOutputs } from '@trpc/server';

/** What the procedures return, inferred from the API's router so the two cannot drift apart. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export type AuthConfig = RouterOutputs['auth']['config'];
export type UserRef = RouterOutputs['users']['short'];
export type MessageGroupPage = RouterOutputs['messageGroups']['list'];
export type MessageGroup = MessageGroupPage['items'][number];
export type MessagePage = RouterOutputs['messages']['list'];
export type Message = MessagePage['items'][number];

/** What one signed-in tab's `live.events` stream carries (see @cruddur/live's LiveEvent). */
export type LiveEvent =
  RouterOutputs['live']['events'] extends AsyncIterable<{ data: infer E }> ? E : never;
export type LiveEventOf<T extends LiveEvent['type']> = Extract<LiveEvent, { type: T }>;
