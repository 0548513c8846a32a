import { insertSignedUpUser, type Pool } from '@cruddur/db';
import { normalizeDisplayName, normalizeHandle } from '@cruddur/validators';
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { type Logger } from '../logger';

/**
 * The Cognito PostConfirmation trigger: when a sign-up is confirmed, the person's users row is
 * created, keyed by their Cognito sub. It is idempotent (Cognito retries a trigger that timed out:
 * a second run finds the row) and it fails loudly: any error is thrown, so Amazon Cognito reports
 * the confirmation as failed instead of leaving an account without a row unnoticed (the original
 * Python trigger swallowed its errors).
 *
 * A password reset confirms too (`PostConfirmation_ConfirmForgotPassword`); that account went
 * through sign-up already, and a reset must not fail over the users table, so it changes nothing.
 */
export function createCreateUserRow({ pool, logger }: { pool: Pool; logger: Logger }) {
  return async (event: PostConfirmationTriggerEvent): Promise<PostConfirmationTriggerEvent> => {
    if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
    const attributes = event.request.userAttributes;
    const sub = attributes.sub;
    if (!sub) throw new Error('PostConfirmation: the event carries no sub');
    const row = await insertSignedUpUser(pool, {
      cognitoUserId: sub,
      handle: normalizeHandle(attributes.preferred_username ?? ''),
      displayName: normalizeDisplayName(attributes.name ?? ''),
      email: (attributes.email ?? '').trim(),
    });
    logger.info(
      { trigger: event.triggerSource, sub, userUuid: row.uuid, created: row.created },
      row.created ? 'users row created' : 'users row already there',
    );
    return event;
  };
}
