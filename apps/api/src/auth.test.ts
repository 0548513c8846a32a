import { type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer } from './http-server';
import { startApiFixture, type ApiFixture } from './testing/api-fixture';
import { expectTRPCError } from './testing/expect-error';
import { apiClient } from './testing/trpc-client';
import { rawCall } from './testing/raw-call';
import { createTokenMinter } from './testing/token-minter';

let fx: ApiFixture;
/** An instance that trusts a key the test holds and whose PostgreSQL cannot be reached. */
let keyed: ApiServer;
let mint: (options: { expiresAt: number; key?: CryptoKey }) => Promise<string>;
let mintForged: () => Promise<string>;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  fx = await startApiFixture();
  const minter = await createTokenMinter(fx.config);
  keyed = await fx.startInstance(
    { DATABASE_URL: 'postgres://nobody:nothing@localhost:1/none' },
    { accessTokenKeys: minter.keys },
  );
  mint = ({ expiresAt, key }) => minter.mint(fx.users.mira.sub, { expiresAt, key });
  mintForged = () => minter.forge(fx.users.mira.sub);
});
afterAll(() => fx?.close());

const PROTECTED = [
  ['users.me', undefined, false],
  ['users.short', { handle: 'tomas' }, false],
  ['messageGroups.list', {}, false],
  ['messages.list', { messageGroupUuid: '5ae290ed-55d1-47a0-bc6d-fe2bc2700399' }, false],
  ['messages.create', { handle: 'tomas', message: 'hi' }, true],
] as const;

describe('authentication', () => {
  it.each(PROTECTED)(
    '%s without a token is UNAUTHORIZED and writes nothing',
    async (procedure, input, mutation) => {
      const before = await fx.itemCount();
      const response = await rawCall(fx.url, procedure, { input, mutation });
      expect(response.status).toBe(401);
      expect(response.body.error?.message).toMatch(/sign in required/);
      expect(await fx.itemCount()).toBe(before);
    },
  );

  it('rejects a garbage token and a malformed header', async () => {
    await expectTRPCError(fx.client('garbage').users.me.query(), 'UNAUTHORIZED', /malformed/);
    const response = await fetch(`${fx.url}/trpc/users.me`, {
      headers: { authorization: 'Basic bWlyYTpwYXNz' },
    });
    expect(response.status).toBe(401);
  });

  it('rejects an id token', async () => {
    await expectTRPCError(
      fx.client(fx.users.mira.idToken).users.me.query(),
      'UNAUTHORIZED',
      /not an access token/,
    );
  });

  it('rejects an access token issued to another app client of the pool', async () => {
    await expectTRPCError(
      fx.client(fx.otherClientToken).users.me.query(),
      'UNAUTHORIZED',
      /another app client/,
    );
  });

  it('rejects a token signed by a key that is not the pool’s', async () => {
    const forged = await mintForged();
    await expectTRPCError(
      fx.client(forged).users.me.query(),
      'UNAUTHORIZED',
      /signature is not valid/,
    );
    await expectTRPCError(
      fx.client(forged).messages.create.mutate({ handle: 'tomas', message: 'forged' }),
      'UNAUTHORIZED',
    );
  });

  it('rejects expired and forged tokens before touching the database', async () => {
    // The same instance answers 503 once it reaches its (unreachable) database…
    await expectTRPCError(
      apiOf(keyed, await mint({ expiresAt: now() + 3600 })).users.me.query(),
      'SERVICE_UNAVAILABLE',
      /temporarily unavailable/,
    );
    // …so a 401 here means the token was refused first.
    await expectTRPCError(
      apiOf(keyed, await mint({ expiresAt: now() - 5 })).users.me.query(),
      'UNAUTHORIZED',
      /expired/,
    );
    await expectTRPCError(
      apiOf(keyed, await mintForged()).users.me.query(),
      'UNAUTHORIZED',
      /signature is not valid/,
    );
  });

  it('tells the operator to map Cognito users when the token has no users row', async () => {
    await expectTRPCError(
      fx.client(fx.unmappedToken).users.me.query(),
      'UNAUTHORIZED',
      /update-cognito-user-ids/,
    );
  });
});

const apiOf = (server: ApiServer, token: string) => apiClient(server.url, token);
