import { loadConfigOrExit, logLevel, port, postgresEnv } from '@cruddur/config';
import { z } from 'zod';

/**
 * What the Cognito triggers read: the database (on AWS `DATABASE_URL` comes from the secret
 * `DATABASE_URL_SECRET_ARN` names, resolved before this is loaded) and the log level.
 */
export const triggerEnv = postgresEnv.extend({ LOG_LEVEL: logLevel });
export type TriggerConfig = z.infer<typeof triggerEnv>;

export function loadTriggerConfig(env: NodeJS.ProcessEnv = process.env): TriggerConfig {
  return loadConfigOrExit('cognito-triggers', triggerEnv, env);
}

/** The local stand-in for Lambda (`src/triggers-server.ts`) also needs an address. */
export const triggerServerEnv = triggerEnv.extend({
  PORT: port(9230),
  BIND_HOST: z.string().trim().min(1).default('127.0.0.1'),
});
