import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from '../testing/api-fixture';
import { expectTRPCError } from '../testing/expect-error';

let fx: ApiFixture;
beforeAll(async () => {
  fx = await startApiFixture();
});
afterAll(() => fx?.close());

describe('users', () => {
  it('me is the signed-in user', async () => {
    const { mira } = fx.users;
    await expect(fx.client(mira).users.me.query()).resolves.toEqual({
      uuid: mira.uuid,
      handle: 'mira',
      displayName: 'Mira Okafor',
    });
  });

  it('short finds a user by handle, with or without the @', async () => {
    const { mira, tomas } = fx.users;
    const expected = { uuid: tomas.uuid, handle: 'tomas', displayName: 'Tomás Lindqvist' };
    await expect(fx.client(mira).users.short.query({ handle: 'tomas' })).resolves.toEqual(expected);
    await expect(fx.client(mira).users.short.query({ handle: ' @tomas ' })).resolves.toEqual(
      expected,
    );
  });

  it('short is NOT_FOUND for an unknown handle and BAD_REQUEST for a blank one', async () => {
    const api = fx.client(fx.users.mira);
    await expectTRPCError(
      api.users.short.query({ handle: 'nobody_here' }),
      'NOT_FOUND',
      'no user has the handle "nobody_here"',
    );
    const blank = await expectTRPCError(api.users.short.query({ handle: '  ' }), 'BAD_REQUEST');
    expect(blank.data?.zodError?.fieldErrors.handle).toEqual(['must not be blank']);
    // No handle can hold these characters (the users table has the same rule): no lookup needed.
    const impossible = await expectTRPCError(
      api.users.short.query({ handle: 'no such user!' }),
      'BAD_REQUEST',
    );
    expect(impossible.data?.zodError?.fieldErrors.handle).toEqual([
      'may contain only letters a-z, digits and _',
    ]);
  });

  it('auth.config tells the web app how to sign in, without a token', async () => {
    await expect(fx.client().auth.config.query()).resolves.toEqual({
      region: fx.config.AWS_REGION,
      userPoolId: fx.config.COGNITO_USER_POOL_ID,
      clientId: fx.config.COGNITO_CLIENT_ID,
      cognitoEndpoint: fx.config.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER,
    });
  });
});
