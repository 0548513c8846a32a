import { createPool } from '@cruddur/db';
import { loadConfigOrExit } from '@cruddur/config';
import { createLogger } from './logger';
import { triggerServerEnv } from './triggers/config';
import { createTriggerFunctions } from './triggers/functions';
import { startInvokeServer } from './triggers/invoke-server';

// `pnpm dev`'s stand-in for AWS Lambda: answers cognito-local's trigger invocations with the same
// functions the PreSignUp and PostConfirmation Lambdas run, against DATABASE_URL.
const config = loadConfigOrExit('cognito-triggers', triggerServerEnv);
const logger = createLogger(config.LOG_LEVEL).child({ service: 'cognito-triggers' });
const pool = createPool(config.DATABASE_URL);
const server = await startInvokeServer({
  functions: createTriggerFunctions({ pool, logger }),
  logger,
  port: config.PORT,
  host: config.BIND_HOST,
}).catch((error: unknown) => {
  process.stderr.write(`cognito-triggers: cannot start: ${(error as Error).message}\n`);
  process.exit(1);
});
// Printed whatever LOG_LEVEL is: apps/local-stack waits for this line.
process.stdout.write(`cognito triggers listening on ${server.endpoint}\n`);

const stop = () => {
  void server
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
