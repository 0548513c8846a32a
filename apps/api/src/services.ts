import { createPool, type Pool } from '@cruddur/db';
import { createDdbContext, type DdbContext } from '@cruddur/ddb';
import { type JWTVerifyGetKey } from 'jose';
import { createAccessTokenVerifier, type VerifyAccessToken } from './auth/access-token';
import { createCaches, type ApiCaches } from './cache/caches';
import { type ApiConfig } from './config';
import { WakeSignal } from './live/wake-signal';
import { createLogger, type Logger } from './logger';

/** The long-lived resources one API instance shares between its requests. */
export interface ApiServices {
  config: ApiConfig;
  ddb: DdbContext;
  pool: Pool;
  verifyAccessToken: VerifyAccessToken;
  logger: Logger;
  caches: ApiCaches;
  wake: WakeSignal;
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
  return {
    config,
    ddb,
    pool,
    verifyAccessToken: createAccessTokenVerifier(config, options.accessTokenKeys),
    logger,
    caches: createCaches(),
    wake: new WakeSignal(),
    close: async () => {
      ddb.client.destroy();
      await pool.end();
    },
  };
}
