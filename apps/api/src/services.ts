import { createPool, type Pool } from '@cruddur/db';
import { createDdbContext, type DdbContext } from '@cruddur/ddb';
import { type JWTVerifyGetKey } from 'jose';
import { createCognitoClient } from '@cruddur/cognito';
import { createAccessTokenVerifier, type VerifyAccessToken } from './auth/access-token';
import { createAccountCheck, type AccountCheck } from './auth/account-status';
import { createWriteLimiter, type WriteLimiter } from './limits/write-limiter';
import { createCaches, type ApiCaches } from './cache/caches';
import { type ApiConfig } from './config';
import { type FreshCaches } from './cache/fresh-caches';
import { type LiveHub } from './live/live-hub';
import { createPgPublisher, type Delivery, type LivePublisher } from '@cruddur/live';
import { createLogger, type Logger } from './logger';

/** The long-lived resources one API instance shares between its requests. */
export interface ApiServices {
  config: ApiConfig;
  ddb: DdbContext;
  pool: Pool;
  verifyAccessToken: VerifyAccessToken;
  logger: Logger;
  caches: ApiCaches;
  /** Live delivery's producer side: every instance publishes after its writes. */
  publisher: LivePublisher;
  /** The streams open on this instance; only the Node server has them (not the Lambda handler). */
  hub?: LiveHub;
  /** Answers kept fresh by the hub's events (so only where there is a hub). */
  fresh?: FreshCaches;
  writeLimiter: WriteLimiter;
  checkAccount: AccountCheck;
  /** Publishes, logging instead of failing: a write has happened, and the stream worker publishes it too. */
  publish(deliveries: readonly Delivery[]): Promise<void>;
  /** Ends the PostgreSQL pool and the DynamoDB client's sockets. */
  close(): Promise<void>;
}

export interface ApiServicesOptions {
  /** Verify tokens against these keys instead of the pool's JWKS (tests that mint their own tokens). */
  accessTokenKeys?: JWTVerifyGetKey;
  logger?: Logger;
}

export function createApiServices(
  config: ApiConfig,
  options: ApiServicesOptions = {},
): ApiServices {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  // Items other code wrote that a list could not read are skipped; the log names their key.
  const ddb = createDdbContext(config, {
    report: (problem) => logger.warn(problem, 'data problem'),
  });
  const pool = createPool(config.DATABASE_URL);
  const publisher = createPgPublisher(pool);
  const cognito = createCognitoClient(config);
  return {
    config,
    ddb,
    pool,
    verifyAccessToken: createAccessTokenVerifier(config, options.accessTokenKeys),
    logger,
    caches: createCaches(),
    publisher,
    writeLimiter: createWriteLimiter(pool, {
      perMinute: config.WRITE_RATE_LIMIT_PER_MINUTE,
      logger,
    }),
    checkAccount: createAccountCheck(cognito, config.COGNITO_USER_POOL_ID, {
      intervalMs: config.ACCOUNT_CHECK_INTERVAL_MS,
      logger,
    }),
    publish: (deliveries) =>
      publisher
        .publish(deliveries)
        .catch((error: unknown) => logger.warn({ err: error }, 'live: publish failed')),
    close: async () => {
      ddb.client.destroy();
      cognito.destroy();
      await pool.end();
    },
  };
}
