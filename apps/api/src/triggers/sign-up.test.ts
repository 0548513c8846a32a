import { updateCognitoUserIds } from '@cruddur/admin';
import { listAllUsers, signIn } from '@cruddur/cognito';
import { findUserByHandle, listUsers } from '@cruddur/db';
import { uniqueName } from '@cruddur/devstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAccountsFixture, type AccountsFixture } from '../testing/accounts-fixture';
import { apiClient } from '../testing/trpc-client';
import { TRIGGER_FUNCTIONS } from './functions';

let world: AccountsFixture;
beforeAll(async () => {
  world = await startAccountsFixture();
});
afterAll(() => world?.close());

const PASSWORD = 'Sign-up-pass-1!';
const newPerson = (name = 'Ana') => {
  const handle = uniqueName(name.toLowerCase().replace(/[^a-z0-9]+/g, '_'));
  return { handle, displayName: name, email: `${handle}@example.test`, password: PASSWORD };
};
/** The error a Cognito call that must fail failed with. */
async function failure(call: Promise<unknown>): Promise<Error> {
  const outcome = await call.then(
    () => new Error('expected the call to fail, and it succeeded'),
    (error: unknown) => error as Error,
  );
  expect(outcome.message).not.toBe('expected the call to fail, and it succeeded');
  return outcome;
}

const cognitoUsersWithEmail = async (email: string) =>
  listAllUsers(world.cognito, world.fx.config.COGNITO_USER_POOL_ID, `email = "${email}"`);

/** A raw Lambda Invoke call, as cognito-local (or any AWS SDK) makes it. */
async function invoke(name: string, event: unknown) {
  const response = await fetch(`${world.lambdaEndpoint}/2015-03-31/functions/${name}/invocations`, {
    method: 'POST',
    body: JSON.stringify(event),
  });
  return {
    status: response.status,
    functionError: response.headers.get('x-amz-function-error'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

const confirmationEvent = (attributes: Record<string, string>) => ({
  version: '1',
  region: 'local',
  userPoolId: world.fx.config.COGNITO_USER_POOL_ID,
  userName: attributes.sub,
  triggerSource: 'PostConfirmation_ConfirmSignUp',
  callerContext: { awsSdkVersion: 'test', clientId: world.fx.config.COGNITO_CLIENT_ID },
  request: { userAttributes: attributes },
  response: {},
});

describe('sign-up → confirm → sign in', () => {
  it('gives a confirmed person a users row, with which they sign in and send a message', async () => {
    const ana = newPerson('Ana');
    const sub = await world.signUp(ana);
    // Not confirmed yet: no row, and no way in.
    expect(await findUserByHandle(world.pool, ana.handle)).toBeUndefined();
    await world.confirm(ana.email);
    expect(await findUserByHandle(world.pool, ana.handle)).toMatchObject({
      handle: ana.handle,
      displayName: 'Ana',
      email: ana.email,
      cognitoUserId: sub,
    });

    const { accessToken } = await signIn({
      client: world.cognito,
      clientId: world.fx.config.COGNITO_CLIENT_ID,
      username: ana.email,
      password: PASSWORD,
    });
    const api = apiClient(world.fx.url, accessToken);
    await expect(api.users.me.query()).resolves.toMatchObject({ handle: ana.handle });
    const sent = await api.messages.create.mutate({ handle: 'mira', message: 'Hi Mira, I’m new!' });
    expect(sent.message).toMatchObject({ message: 'Hi Mira, I’m new!' });
  });

  it('signs in with a handle through the username the API resolves it to', async () => {
    const ben = newPerson('Ben');
    await world.signUp(ben);
    await world.confirm(ben.email);
    const { username } = await apiClient(world.fx.url).users.signInName.query({
      handle: `@${ben.handle.toUpperCase()}`,
    });
    expect(username).not.toContain('@');
    const tokens = await signIn({
      client: world.cognito,
      clientId: world.fx.config.COGNITO_CLIENT_ID,
      username,
      password: PASSWORD,
    });
    await expect(
      apiClient(world.fx.url, tokens.accessToken).users.me.query(),
    ).resolves.toMatchObject({ handle: ben.handle });
  });

  it('refuses a wrong confirmation code and keeps the account unconfirmed', async () => {
    const cy = newPerson('Cy');
    await world.signUp(cy);
    const code = await world.codeFor(cy.email);
    const wrong = code === '000000' ? '111111' : '000000';
    await expect(world.accounts.confirmSignUp(cy.email, wrong)).rejects.toMatchObject({
      name: 'CodeMismatchException',
    });
    expect(await findUserByHandle(world.pool, cy.handle)).toBeUndefined();
    await world.accounts.confirmSignUp(cy.email, code);
    expect(await findUserByHandle(world.pool, cy.handle)).toBeDefined();
  });

  it('resets a forgotten password with the code, leaving the users row as it was', async () => {
    const dee = newPerson('Dee');
    await world.signUp(dee);
    await world.confirm(dee.email);
    const row = await findUserByHandle(world.pool, dee.handle);
    await world.accounts.forgotPassword(dee.email);
    const code = await world.codeFor(dee.email, 'ForgotPassword');
    await world.accounts.confirmForgotPassword(dee.email, code, 'Brand-new-pass-2?');
    const tokens = await signIn({
      client: world.cognito,
      clientId: world.fx.config.COGNITO_CLIENT_ID,
      username: dee.email,
      password: 'Brand-new-pass-2?',
    });
    expect(tokens.accessToken).toMatch(/^ey/);
    expect(await findUserByHandle(world.pool, dee.handle)).toEqual(row);
  });
});

describe('handles at sign-up', () => {
  it.each([
    ['taken', 'mira'],
    ['taken, in another case', 'MIRA'],
    ['taken, with its @', '@Mira'],
  ])('a %s handle is refused before any Cognito user exists', async (_what, handle) => {
    const person = { ...newPerson('Mira Two'), handle };
    const error = await failure(world.signUp(person));
    expect(error.name).toBe('UserLambdaValidationException');
    expect(error.message).toMatch(/\[handle-taken\] @mira is taken/);
    expect(await cognitoUsersWithEmail(person.email)).toEqual([]);
  });

  it.each([
    ['with spaces', 'no spaces', /\[handle-invalid\] handle: may contain only/],
    ['too long', 'a'.repeat(65), /\[handle-invalid\] handle: must be at most 64 characters/],
    [
      'in capitals, though free',
      'FreeHandle',
      /\[handle-invalid\] handle: write it as @freehandle/,
    ],
    ['missing', '', /\[handle-invalid\] handle: must not be blank/],
  ])('a handle %s is refused', async (_what, handle, message) => {
    const person = { ...newPerson('Eve'), handle };
    const error = await failure(world.signUp(person));
    expect(error.name).toBe('UserLambdaValidationException');
    expect(error.message).toMatch(message);
    expect(await cognitoUsersWithEmail(person.email)).toEqual([]);
  });

  it('refuses a display name the users table would refuse', async () => {
    const person = { ...newPerson(), displayName: '   ' };
    expect((await failure(world.signUp(person))).message).toMatch(
      /\[display-name-invalid\] display name: must not be blank/,
    );
  });

  it('holds a handle for a sign-up not confirmed yet: someone else cannot take it meanwhile', async () => {
    const first = newPerson('Fay');
    await world.signUp(first);
    const second = { ...newPerson('Fay Other'), handle: first.handle };
    expect((await failure(world.signUp(second))).message).toMatch(/\[handle-taken\]/);
    await world.confirm(first.email);
    expect((await findUserByHandle(world.pool, first.handle))?.email).toBe(first.email);
  });

  it('refuses an email that already has an account', async () => {
    const gus = newPerson('Gus');
    await world.signUp(gus);
    await expect(world.signUp({ ...newPerson('Gus 2'), email: gus.email })).rejects.toMatchObject({
      name: 'UsernameExistsException',
    });
  });
});

describe('the PostConfirmation trigger', () => {
  it('creates one row however often it runs, even at once', async () => {
    const sub = crypto.randomUUID();
    const handle = uniqueName('twice');
    const event = confirmationEvent({
      sub,
      email: `${handle}@example.test`,
      preferred_username: handle,
      name: 'Twice',
    });
    const runs = await Promise.all([
      invoke(TRIGGER_FUNCTIONS.PostConfirmation, event),
      invoke(TRIGGER_FUNCTIONS.PostConfirmation, event),
    ]);
    runs.push(await invoke(TRIGGER_FUNCTIONS.PostConfirmation, event));
    for (const run of runs) {
      expect(run.functionError).toBeNull();
      // A Cognito trigger answers with its event.
      expect(run.body).toMatchObject({ triggerSource: 'PostConfirmation_ConfirmSignUp' });
    }
    expect((await listUsers(world.pool)).filter((u) => u.cognitoUserId === sub)).toHaveLength(1);
  });

  it('fails loudly, as a Lambda function error, when it cannot create the row', async () => {
    const before = await listUsers(world.pool);
    const run = await invoke(
      TRIGGER_FUNCTIONS.PostConfirmation,
      confirmationEvent({
        sub: crypto.randomUUID(),
        email: 'impostor@example.test',
        preferred_username: 'mira',
        name: 'Not Mira',
      }),
    );
    expect(run.status).toBe(200);
    expect(run.functionError).toBe('Unhandled');
    expect(run.body).toMatchObject({
      errorType: 'HandleTakenError',
      errorMessage: 'the handle "mira" belongs to another user',
    });
    expect(await listUsers(world.pool)).toEqual(before);
  });

  it('surfaces a trigger that cannot run: the sign-up fails and no account is left behind', async () => {
    const hal = newPerson('Hal');
    await world.stopTriggers();
    try {
      // cognito-local names it UnexpectedLambdaExceptionException; Amazon Cognito, UnexpectedLambdaException.
      expect((await failure(world.signUp(hal))).name).toMatch(/^UnexpectedLambdaException/);
    } finally {
      await world.startTriggers();
    }
    expect(await cognitoUsersWithEmail(hal.email)).toEqual([]);
  });
});

describe('update-cognito-user-ids', () => {
  it('still repairs the row of someone who signed up, when it lost its Cognito id', async () => {
    const ivy = newPerson('Ivy');
    const sub = await world.signUp(ivy);
    await world.confirm(ivy.email);
    await world.pool.query('UPDATE users SET cognito_user_id = NULL WHERE handle = $1', [
      ivy.handle,
    ]);
    const report = await updateCognitoUserIds({
      pool: world.pool,
      cognito: world.cognito,
      userPoolId: world.fx.config.COGNITO_USER_POOL_ID,
    });
    expect(report.updated).toContainEqual({ handle: ivy.handle, from: null, to: sub });
    expect((await findUserByHandle(world.pool, ivy.handle))?.cognitoUserId).toBe(sub);
    // The seed users' accounts, made by the operator, are still linked too.
    expect(report.unchanged).toContain('mira');
  });
});
