import { authRouter } from './routers/auth';
import { liveRouter } from './routers/live';
import { messageGroupsRouter } from './routers/message-groups';
import { messagesRouter } from './routers/messages';
import { usersRouter } from './routers/users';
import { createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  auth: authRouter,
  users: usersRouter,
  messageGroups: messageGroupsRouter,
  messages: messagesRouter,
  live: liveRouter,
});

/** The API's full type, for typed clients: `import type { AppRouter } from '@cruddur/api'`. */
export type AppRouter = typeof appRouter;
