// @vitest-environment node
// Node's own fetch, as in a browser page on the same origin as the Cognito proxy (see auth-store.test.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bootstrapCognito, createCognitoClient } from '@cruddur/cognito';
import {
  startCognitoLocal,
  uniqueName,
  waitUntil,
  type CodeDelivery,
  type CognitoLocal,
} from '@cruddur/devstack';
import { signUpRefusalMessage } from '@cruddur/validators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CognitoSettings } from './auth-store';
import {
  AccountError,
  confirmForgotPassword,
  confirmSignUp,
  forgotPassword,
  LOCAL_RESEND_UNSUPPORTED,
  resendConfirmationCode,
  signUp,
} from './cognito-accounts';
import { signInWithPassword } from './cognito-client';

/**
 * A cognito-local of this file's own, whose PreSignUp trigger refuses the handle "taken" the way
 * the app's trigger does (that trigger itself is tested in apps/api): what the form must show.
 */
let cognitoLocal: CognitoLocal;
let lambda: Server;
let settings: CognitoSettings;
const codes: CodeDelivery[] = [];

beforeAll(async () => {
  lambda = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const event = JSON.parse(body) as { request: { userAttributes: Record<string, string> } };
      const taken = event.request.userAttributes.preferred_username === 'taken';
      response.writeHead(200, taken ? { 'x-amz-function-error': 'Unhandled' } : {});
      response.end(
        JSON.stringify(
          taken ? { errorMessage: signUpRefusalMessage('handle-taken', '@taken is taken') } : event,
        ),
      );
    });
  });
  await new Promise<void>((resolve) => lambda.listen(0, '127.0.0.1', resolve));
  cognitoLocal = await startCognitoLocal({
    triggers: {
      endpoint: `http://127.0.0.1:${(lambda.address() as AddressInfo).port}`,
      functions: { PreSignUp: 'pre-sign-up' },
    },
    onCode: (delivery) => codes.push(delivery),
  });
  const client = createCognitoClient({
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognitoLocal.endpoint,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  const { clientId } = await bootstrapCognito({
    client,
    poolName: uniqueName('web-accounts'),
    users: [],
    password: 'unused',
  });
  client.destroy();
  settings = { endpoint: `${cognitoLocal.endpoint}/`, clientId };
});
afterAll(async () => {
  await cognitoLocal?.stop();
  await new Promise((resolve) => lambda?.close(resolve));
});

const PASSWORD = 'Web-sign-up-1!';
const account = (handle = uniqueName('web')) => ({
  email: `${handle}@example.test`,
  handle,
  displayName: 'Web Person',
  password: PASSWORD,
});
async function codeFor(email: string, purpose = 'SignUp'): Promise<string> {
  await waitUntil(
    `a code for ${email}`,
    async () => codes.some((c) => c.destination === email && c.purpose === purpose),
    { timeoutMs: 10_000 },
  );
  return codes.findLast((c) => c.destination === email && c.purpose === purpose)!.code;
}
async function failure(call: Promise<unknown>): Promise<AccountError> {
  const error = await call.then(
    () => new Error('succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AccountError);
  return error as AccountError;
}

describe('account calls', () => {
  it('sign up, confirm with the emailed code, then sign in', async () => {
    const ana = account();
    await signUp(settings, ana);
    await confirmSignUp(settings, ana.email, await codeFor(ana.email));
    const tokens = await signInWithPassword(
      settings.endpoint,
      settings.clientId,
      ana.email,
      PASSWORD,
    );
    expect(tokens.accessToken).toMatch(/^ey/);
  });

  it('put a taken handle on the handle field, in words', async () => {
    const error = await failure(signUp(settings, { ...account(), handle: 'taken' }));
    expect(error).toMatchObject({ field: 'handle', code: 'handle-taken' });
    expect(error.message).toBe('@taken is taken. Choose another handle.');
  });

  it('put a taken email on the email field', async () => {
    const ben = account();
    await signUp(settings, ben);
    const error = await failure(signUp(settings, { ...account(), email: ben.email }));
    expect(error).toMatchObject({ field: 'email', code: 'UsernameExistsException' });
  });

  it('explain a wrong code, and a spent one', async () => {
    const cy = account();
    await signUp(settings, cy);
    const code = await codeFor(cy.email);
    const wrong = await failure(
      confirmSignUp(settings, cy.email, code === '000000' ? '111111' : '000000'),
    );
    expect(wrong).toMatchObject({
      field: 'code',
      message: 'That code is not right. Check it and try again.',
    });
    await confirmSignUp(settings, cy.email, code);
    // A used code is spent: cognito-local calls it expired (Amazon Cognito: confirmed already).
    const again = await failure(confirmSignUp(settings, cy.email, code));
    expect(['ExpiredCodeException', 'AlreadyConfirmed']).toContain(again.code);
    expect(again.message).toMatch(/expired|confirmed already/);
  });

  it('say plainly that cognito-local cannot resend a code, and where the code is', async () => {
    const dee = account();
    await signUp(settings, dee);
    const error = await failure(resendConfirmationCode(settings, dee.email));
    expect(error.message).toBe(LOCAL_RESEND_UNSUPPORTED);
  });

  it('reset a forgotten password with the code', async () => {
    const eve = account();
    await signUp(settings, eve);
    await confirmSignUp(settings, eve.email, await codeFor(eve.email));
    await forgotPassword(settings, eve.email);
    await confirmForgotPassword(
      settings,
      eve.email,
      await codeFor(eve.email, 'ForgotPassword'),
      'New-web-pass-2!',
    );
    const tokens = await signInWithPassword(
      settings.endpoint,
      settings.clientId,
      eve.email,
      'New-web-pass-2!',
    );
    expect(tokens.accessToken).toMatch(/^ey/);
  });
});
