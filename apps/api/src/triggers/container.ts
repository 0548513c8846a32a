import { createPool, resolveDatabaseUrl } from '@cruddur/db';
import { createLogger } from '../logger';
import { loadTriggerConfig } from './config';
import { createTriggerFunctions, type TriggerFunction } from './functions';

let functions: Promise<Record<string, TriggerFunction>> | undefined;

/**
 * The trigger functions of one Lambda container, made on the first invocation and kept: the
 * database URL is read (from Secrets Manager on AWS), the configuration checked and the pool
 * opened once. A failure here fails that invocation loudly, and the next one tries again.
 */
export function containerTriggers(): Promise<Record<string, TriggerFunction>> {
  functions ??= (async () => {
    await resolveDatabaseUrl(process.env);
    const config = loadTriggerConfig();
    const logger = createLogger(config.LOG_LEVEL).child({ service: 'cognito-triggers' });
    return createTriggerFunctions({ pool: createPool(config.DATABASE_URL), logger });
  })().catch((error: unknown) => {
    functions = undefined;
    throw error;
  });
  return functions;
}
