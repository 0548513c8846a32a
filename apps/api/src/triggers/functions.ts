import { type Pool } from '@cruddur/db';
import { type Logger } from '../logger';
import { createCheckSignUp } from './check-sign-up';
import { createCreateUserRow } from './create-user-row';

/** The function names cognito-local is configured with (its `TriggerFunctions`). */
export const TRIGGER_FUNCTIONS = {
  PreSignUp: 'cruddur-pre-sign-up',
  PostConfirmation: 'cruddur-post-confirmation',
} as const;

export type TriggerFunction = (event: never) => Promise<unknown>;

/** Each trigger function by the name it is invoked under, bound to one database. */
export function createTriggerFunctions(services: {
  pool: Pool;
  logger: Logger;
}): Record<string, TriggerFunction> {
  return {
    [TRIGGER_FUNCTIONS.PreSignUp]: createCheckSignUp(services),
    [TRIGGER_FUNCTIONS.PostConfirmation]: createCreateUserRow(services),
  };
}
