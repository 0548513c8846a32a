import { cognitoEnv, dynamoEnv, loadConfigOrExit, port, postgresEnv } from '@cruddur/config';
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
    WEB_ORIGIN: origins.default([]),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
  });
export type ApiConfig = z.infer<typeof apiEnv>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return loadConfigOrExit('api', apiEnv, env);
}
