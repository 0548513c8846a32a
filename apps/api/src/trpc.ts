import { findUserByCognitoUserId } from '@cruddur/db';
import { toUserRef } from './user-ref';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { InvalidTokenError } from './auth/access-token';
import { cached } from './cache/caches';
import { toTRPCError } from './errors';
import { describeInputErrors, inputErrors } from './input-errors';
import { retryAfterMs } from './limits/write-limiter';
import { type ApiServices } from './services';

/** What the request log line learns while the request runs. */
export interface RequestRecord {
  userUuid?: string;
}

export interface ApiContext {
  services: ApiServices;
  /** The bearer token as sent; verified only by procedures that need a caller. */
  token: string | null;
  record: RequestRecord;
}

export function createApiContext(
  services: ApiServices,
  token: string | null,
  record: RequestRecord = {},
): ApiContext {
  return { services, token, record };
}

/** Per-procedure settings: `writeLimit: false` for a mutation that has a limit of its own. */
export interface ApiMeta {
  writeLimit?: boolean;
}

const t = initTRPC
  .context<ApiContext>()
  .meta<ApiMeta>()
  .create({
    // Stack traces never leave the server, whatever NODE_ENV says.
    isDev: false,
    sse: {
      ping: { enabled: true, intervalMs: 15_000 },
      client: { reconnectAfterInactivityMs: 20_000 },
    },
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? error.cause : null;
      let message = shape.message;
      if (zodError) message = `invalid input: ${describeInputErrors(zodError)}`;
      else if (error.code === 'INTERNAL_SERVER_ERROR') message = 'internal error';
      return {
        code: shape.code,
        message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          zodError: zodError ? inputErrors(zodError) : null,
          // How long to wait before trying again, for refusals that say so.
          retryAfterMs: retryAfterMs(error.cause),
        },
      };
    },
  });

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors from the data layer become typed tRPC errors; anything unknown becomes an opaque 500. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

const SIGN_IN_REQUIRED = 'sign in required: send "Authorization: Bearer <Cognito access token>"';

/**
 * Resolves the caller from the access token — signature, issuer, expiry, token_use, client id,
 * users row, and an account Cognito still has enabled — and counts their writes.
 */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next, type, meta }) => {
  if (!ctx.token) throw new TRPCError({ code: 'UNAUTHORIZED', message: SIGN_IN_REQUIRED });
  let sub: string;
  let tokenExpiresAt: number;
  try {
    ({ sub, expiresAt: tokenExpiresAt } = await ctx.services.verifyAccessToken(ctx.token));
  } catch (error) {
    if (error instanceof InvalidTokenError)
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: `invalid access token: ${error.reason}`,
        cause: error,
      });
    throw error;
  }
  const { pool, caches, checkAccount } = ctx.services;
  const [user, account] = await Promise.all([
    cached(caches.usersBySub, sub, async () => {
      const row = await findUserByCognitoUserId(pool, sub);
      return row && toUserRef(row);
    }),
    checkAccount(sub),
  ]);
  if (account !== 'active')
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: `this account has been ${account}: sign in again or contact support`,
    });
  if (!user) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: `signed in as Cognito user ${sub}, but no user has that cognito_user_id: the operator must run "pnpm db update-cognito-user-ids"`,
    });
  }
  ctx.record.userUuid = user.uuid;
  if (type === 'mutation' && meta?.writeLimit !== false)
    await ctx.services.writeLimiter.consume(user.uuid);
  return next({ ctx: { user, tokenExpiresAt, sub } });
});
