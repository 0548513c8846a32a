import {
  bounded,
  cognitoEnv,
  dynamoEnv,
  loadConfigOrExit,
  logLevel,
  port,
  postgresEnv,
} from '@cruddur/config';
import { z } from 'zod';

const origins = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.url({ message: 'must be a comma-separated list of origins, e.g. http://localhost:5173' }),
    ),
  );

/** Everything the API reads from the environment; `WEB_ORIGIN` is the CORS allow-list. */
export const apiEnv = dynamoEnv
  .extend(postgresEnv.shape)
  .extend(cognitoEnv.shape)
  .extend({
    PORT: port(4000),
    /** Loopback unless told otherwise: a container sets 0.0.0.0 to be reachable from its load balancer. */
    BIND_HOST: z.string().trim().min(1).default('127.0.0.1'),
    WEB_ORIGIN: origins.default([]),
    LOG_LEVEL: logLevel,
    /** Live streams one person may hold open on one instance (each tab holds one). */
    LIVE_MAX_STREAMS_PER_USER: bounded(10, { max: 1_000 }),
    /** Calls one HTTP request may batch; more is refused with 400 before any of them runs. */
    API_MAX_BATCH_CALLS: bounded(10, { max: 1_000 }),
    /** Writes (mutations) one person may make per minute, over all instances. */
    WRITE_RATE_LIMIT_PER_MINUTE: bounded(120, { max: 1_000_000 }),
    /** How long a client may take to send a whole request, and its headers (ms; at most the former). */
    API_REQUEST_TIMEOUT_MS: bounded(10_000, { min: 1_000, max: 300_000 }),
    API_HEADERS_TIMEOUT_MS: bounded(5_000, { min: 1_000, max: 300_000 }),
    /**
     * How often Cognito is asked whether a signed-in user is still enabled (ms): a disabled or
     * deleted user is refused within this bound, even while their token is valid.
     */
    ACCOUNT_CHECK_INTERVAL_MS: bounded(60_000, { min: 1_000, max: 3_600_000 }),
  });
export type ApiConfig = z.infer<typeof apiEnv>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return loadConfigOrExit('api', apiEnv, env);
}
