import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { containerTriggers } from './triggers/container';
import { TRIGGER_FUNCTIONS } from './triggers/functions';

/**
 * The Cognito PreSignUp Lambda (`pre-sign-up.handler`, bundle `dist/pre-sign-up.mjs`): refuses a
 * sign-up whose handle is taken or invalid before the account exists (triggers/check-sign-up.ts).
 */
export async function handler(event: PreSignUpTriggerEvent): Promise<unknown> {
  return (await containerTriggers())[TRIGGER_FUNCTIONS.PreSignUp]!(event as never);
}
