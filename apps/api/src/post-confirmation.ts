import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { containerTriggers } from './triggers/container';
import { TRIGGER_FUNCTIONS } from './triggers/functions';

/**
 * The Cognito PostConfirmation Lambda (`post-confirmation.handler`, bundle
 * `dist/post-confirmation.mjs`): creates the confirmed person's users row (triggers/create-user-row.ts).
 */
export async function handler(event: PostConfirmationTriggerEvent): Promise<unknown> {
  return (await containerTriggers())[TRIGGER_FUNCTIONS.PostConfirmation]!(event as never);
}
