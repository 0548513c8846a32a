import { authRouter } from './routers/auth';
import { messageGroupsRouter } from './routers/message-groups';
import { messagesRouter } from './routers/messages';
import { usersRouter } from './routers/users';
import { createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  auth: authRouter,
  users: usersRouter,
  messageGroups: messageGroupsRouter,
  messages: messagesRouter,
});

/** The API's full type, for typed clients: `import type { AppRouter } from '@cruddur/api'`. */
export type AppRouter = typeof appRouter;
