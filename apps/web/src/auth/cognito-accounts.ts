/**
 * Sign-up, confirmation and password reset against Cognito, as the sign-up screens call them.
 * Errors come back as `AccountError`s that say which field they concern, in words for people.
 */
import { parseSignUpRefusal, profileAttributes } from '@cruddur/validators';
import { type CognitoSettings } from './auth-store';
import { CognitoError, cognitoRequest } from './cognito-request';

export type AccountField = 'email' | 'handle' | 'displayName' | 'password' | 'code';

export class AccountError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The form field to show it at, when it is about one. */
    readonly field?: AccountField,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

/**
 * cognito-local (the development stand-in for Cognito) has no ResendConfirmationCode; it answers
 * with this code. The code it "sent" is printed in the `pnpm dev` terminal instead.
 */
export const LOCAL_RESEND_UNSUPPORTED =
  'This development sign-in service cannot send a new code. The code it sent is printed in the terminal running pnpm dev ("✉ sign-up confirmation code for …").';

function toAccountError(error: unknown): AccountError {
  if (!(error instanceof CognitoError)) return new AccountError('UnknownError', String(error));
  const { code, message } = error;
  const refusal = parseSignUpRefusal(message);
  if (refusal) {
    const field =
      refusal.refusal === 'display-name-invalid' ? 'displayName' : refusal.refusal.split('-')[0];
    const text =
      refusal.refusal === 'handle-taken'
        ? `${refusal.detail}. Choose another handle.`
        : `${refusal.detail.charAt(0).toUpperCase()}${refusal.detail.slice(1)}.`;
    return new AccountError(refusal.refusal, text, field as AccountField);
  }
  switch (code) {
    case 'UsernameExistsException':
      return new AccountError(
        code,
        'An account with this email already exists. Sign in, or reset its password.',
        'email',
      );
    case 'InvalidPasswordException':
      return new AccountError(code, `This password is too weak: ${message}`, 'password');
    case 'CodeMismatchException':
      return new AccountError(code, 'That code is not right. Check it and try again.', 'code');
    case 'ExpiredCodeException':
      return new AccountError(code, 'That code has expired. Ask for a new one.', 'code');
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return new AccountError(code, 'Too many attempts. Wait a while and try again.');
    case 'UserNotFoundException':
      return new AccountError(code, 'No account has this email.', 'email');
    case 'NotAuthorizedException':
      return /CONFIRMED/.test(message)
        ? new AccountError('AlreadyConfirmed', 'This account is confirmed already. Sign in.')
        : new AccountError(code, message);
    case 'InvalidParameterException':
      return new AccountError(code, message, /email/i.test(message) ? 'email' : undefined);
    case 'Unsupported':
    case 'CognitoLocal#Unsupported':
      return new AccountError('Unsupported', LOCAL_RESEND_UNSUPPORTED);
    default:
      return new AccountError(code, message);
  }
}

async function call<T>(
  settings: CognitoSettings,
  operation: string,
  input: Record<string, unknown>,
) {
  try {
    return await cognitoRequest<T>(settings.endpoint, operation, {
      ClientId: settings.clientId,
      ...input,
    });
  } catch (error) {
    throw toAccountError(error);
  }
}

export interface NewAccount {
  email: string;
  handle: string;
  displayName: string;
  password: string;
}

export function signUp(settings: CognitoSettings, account: NewAccount): Promise<unknown> {
  return call(settings, 'SignUp', {
    Username: account.email,
    Password: account.password,
    UserAttributes: profileAttributes(account),
  });
}

export function confirmSignUp(settings: CognitoSettings, email: string, code: string) {
  return call(settings, 'ConfirmSignUp', { Username: email, ConfirmationCode: code });
}

export function resendConfirmationCode(settings: CognitoSettings, email: string) {
  return call(settings, 'ResendConfirmationCode', { Username: email });
}

export function forgotPassword(settings: CognitoSettings, email: string) {
  return call(settings, 'ForgotPassword', { Username: email });
}

export function confirmForgotPassword(
  settings: CognitoSettings,
  email: string,
  code: string,
  password: string,
) {
  return call(settings, 'ConfirmForgotPassword', {
    Username: email,
    ConfirmationCode: code,
    Password: password,
  });
}
