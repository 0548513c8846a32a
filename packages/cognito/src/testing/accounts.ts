import {
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { profileAttributes } from '@cruddur/validators';
import { type CognitoClient } from '../client';

export interface SignUpPerson {
  email: string;
  handle: string;
  displayName: string;
  password: string;
}

/**
 * The public (unsigned, app-client) account calls a sign-up form makes, for suites that play the
 * person signing up: the same requests the web app sends from the browser.
 */
export function accountCalls(client: CognitoClient, clientId: string) {
  return {
    /** Returns the new user's sub. */
    signUp: async (person: SignUpPerson): Promise<string> => {
      const result = await client.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: person.email,
          Password: person.password,
          UserAttributes: profileAttributes(person),
        }),
      );
      return result.UserSub!;
    },
    confirmSignUp: (email: string, code: string) =>
      client.send(
        new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }),
      ),
    forgotPassword: (email: string) =>
      client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: email })),
    confirmForgotPassword: (email: string, code: string, password: string) =>
      client.send(
        new ConfirmForgotPasswordCommand({
          ClientId: clientId,
          Username: email,
          ConfirmationCode: code,
          Password: password,
        }),
      ),
  };
}
