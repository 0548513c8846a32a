import { type Pool } from '@cruddur/db';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { type Logger } from '../logger';

/** Too many writes from one person in the current minute. */
export class TooManyWritesError extends Error {
  override readonly name = 'TooManyWritesError';
  constructor(
    readonly limit: number,
    readonly retryAfterMs: number,
  ) {
    super(
      `too many changes: at most ${limit} a minute; try again in ${Math.ceil(retryAfterMs / 1000)} s`,
    );
  }
}

/** How long a refusal asks the caller to wait, when it is one that says so. */
export function retryAfterMs(cause: unknown): number | null {
  return cause instanceof TooManyWritesError ? cause.retryAfterMs : null;
}

export interface WriteLimiter {
  /** Counts one write of `userUuid`; throws TooManyWritesError past the limit. */
  consume(userUuid: string): Promise<void>;
}

const TABLE = 'api_write_limits';

/**
 * A per-person limit on writes that holds across every API instance and Lambda container: the
 * counts live in PostgreSQL (rate-limiter-flexible keeps them in table `api_write_limits`, one
 * upsert per write). Once someone is over, they are refused from memory until the minute ends,
 * without asking the database; while the database cannot be reached, each instance counts on
 * its own.
 */
export function createWriteLimiter(
  pool: Pool,
  { perMinute, logger }: { perMinute: number; logger: Logger },
): WriteLimiter {
  const limits = { points: perMinute, duration: 60, keyPrefix: 'writes' };
  const local = new RateLimiterMemory(limits);
  let shared: Promise<RateLimiterPostgres> | undefined;
  const open = () =>
    (shared ??= new Promise<RateLimiterPostgres>((resolve, reject) => {
      const limiter: RateLimiterPostgres = new RateLimiterPostgres(
        {
          ...limits,
          storeClient: pool,
          storeType: 'pool',
          tableName: TABLE,
          inMemoryBlockOnConsumed: perMinute,
          insuranceLimiter: local,
        },
        (error?: Error) => (error ? reject(error) : resolve(limiter)),
      );
    }).catch((error: unknown) => {
      shared = undefined;
      throw error;
    }));

  return {
    async consume(userUuid) {
      const limiter = await open().catch((error: unknown) => {
        logger.warn({ err: error }, 'write limits: PostgreSQL unavailable, counting locally');
        return local;
      });
      try {
        await limiter.consume(userUuid);
      } catch (error) {
        if (error instanceof RateLimiterRes)
          throw new TooManyWritesError(perMinute, error.msBeforeNext);
        throw error;
      }
    },
  };
}
