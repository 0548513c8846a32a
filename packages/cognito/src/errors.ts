/**
 * Why a sign-in was refused. Amazon Cognito answers a wrong password (and, with user-existence
 * errors prevented, an unknown user) with NotAuthorizedException; cognito-local says
 * InvalidPasswordException for a wrong password, which is reported here as Cognito would.
 */
export type SignInErrorCode = 'NotAuthorizedException' | 'UserNotFoundException';

export class SignInError extends Error {
  constructor(
    readonly code: SignInErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'SignInError';
  }
}

/** The pool or app client found under the requested name cannot be used as it is. */
export class CognitoSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CognitoSetupError';
  }
}
