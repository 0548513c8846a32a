import type { AppRouter } from '@cruddur/api';
import { createTRPCReact } from '@trpc/react-query';

/**
 * The typed hooks for every API procedure (`trpc.messages.list.useInfiniteQuery(…)` and so on),
 * for the screens under an <ApiProvider>. The client they use is made in api-client.ts.
 */
export const trpc = createTRPCReact<AppRouter>();
