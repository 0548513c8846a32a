import { HandleTakenError, reserveHandle, type Pool } from '@cruddur/db';
import {
  displayNameProblem,
  emailProblem,
  handleProblem,
  normalizeDisplayName,
  normalizeEmail,
  normalizeHandle,
  signUpRefusalMessage,
  type SignUpRefusal,
} from '@cruddur/validators';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { type Logger } from '../logger';

/** A refusal Cognito relays to the person signing up ("PreSignUp failed with error [code] …"). */
class SignUpRefused extends Error {
  constructor(refusal: SignUpRefusal, detail: string) {
    super(signUpRefusalMessage(refusal, detail));
    this.name = 'SignUpRefused';
  }
}

/**
 * The Cognito PreSignUp trigger: runs before Cognito creates the user, so an account it refuses
 * never exists. It checks what the users row will need (handle, display name, email, by the
 * rules of @cruddur/validators and the table) and holds the handle for this sign-up
 * (`reserveHandle`): a handle is taken whatever its case, since handles are stored lower-case.
 * Accounts an operator creates (AdminCreateUser: the seed users, imports) are not sign-ups and
 * pass unchecked; `pnpm db update-cognito-user-ids` links those to their rows.
 */
export function createCheckSignUp({ pool, logger }: { pool: Pool; logger: Logger }) {
  return async (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => {
    if (event.triggerSource !== 'PreSignUp_SignUp') return event;
    const attributes = event.request.userAttributes;
    const typed = attributes.preferred_username ?? '';
    const handle = normalizeHandle(typed);
    const handleIssue = handleProblem(handle);
    if (handleIssue) throw new SignUpRefused('handle-invalid', `handle: ${handleIssue}`);
    const nameIssue = displayNameProblem(normalizeDisplayName(attributes.name ?? ''));
    if (nameIssue) throw new SignUpRefused('display-name-invalid', `display name: ${nameIssue}`);
    const email = normalizeEmail(attributes.email ?? '');
    const emailIssue = emailProblem(email);
    if (emailIssue) throw new SignUpRefused('email-invalid', `email: ${emailIssue}`);
    try {
      await reserveHandle(pool, { handle, email });
    } catch (error) {
      if (error instanceof HandleTakenError)
        throw new SignUpRefused('handle-taken', `@${handle} is taken`);
      throw error;
    }
    // Checked after "taken", so that "MIRA" hears that mira is taken rather than a lesson in case.
    if (typed.trim() !== handle)
      throw new SignUpRefused('handle-invalid', `handle: write it as @${handle}`);
    logger.info({ trigger: event.triggerSource, handle }, 'sign-up accepted, handle held');
    return event;
  };
}
