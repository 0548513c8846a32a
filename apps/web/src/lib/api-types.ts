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
