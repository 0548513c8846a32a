import { DEV_PASSWORD, SEED_USERS } from '@cruddur/admin';
import {
  bootstrapCognito,
  createCognitoClient,
  signIn,
  type CognitoClient,
} from '@cruddur/cognito';
import {
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  CreateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoEnv, cognitoIssuer, loadConfig } from '@cruddur/config';
import { base64url, decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRobustnessStack, type Person, type RobustnessStack } from '../robustness-stack';
import { rawRequest, rawStream, type RawAnswer } from './raw-http';

/** A short account-check interval, so that a disabled user is refused within the test. */
const ACCOUNT_CHECK_INTERVAL_MS = 2_000;

let rs: RobustnessStack;
let cognito: CognitoClient;
let mira: Person;
let group: string;
/** Every answer the suite received: none may be a 5xx or carry internals. */
const answers: { what: string; answer: RawAnswer }[] = [];

beforeAll(async () => {
  rs = await startRobustnessStack({
    apiEnv: { ACCOUNT_CHECK_INTERVAL_MS: String(ACCOUNT_CHECK_INTERVAL_MS) },
  });
  // The stack's environment carries the (local) credentials the admin calls are signed with.
  cognito = createCognitoClient(loadConfig('security', cognitoEnv, rs.stack.env));
  mira = await rs.signInAs('mira');
  ({ messageGroupUuid: group } = await mira.api.messages.create.mutate({
    handle: 'tomas',
    message: 'a conversation to attack',
  }));
});
afterAll(async () => {
  cognito?.destroy();
  await rs?.stop();
});

const api = () => rs.stack.urls.api;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function call(
  what: string,
  procedure: string,
  {
    input,
    token,
    mutation = false,
    query = '',
  }: { input?: unknown; token?: string; mutation?: boolean; query?: string } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = token ? bearer(token) : {};
  const answer = mutation
    ? await rawRequest(`${api()}/trpc/${procedure}${query}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      })
    : await rawRequest(
        `${api()}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input ?? null))}${query}`,
        { headers },
      );
  answers.push({ what, answer });
  return answer;
}

async function stream(what: string, query: string, headers: Record<string, string> = {}) {
  const answer = await rawStream(`${api()}/trpc/live.events?${query}`, { headers });
  answers.push({ what, answer });
  return answer;
}

const params = (token: string) =>
  `connectionParams=${encodeURIComponent(JSON.stringify({ token }))}`;

/** The tRPC error code of an answer, whether a JSON reply or an SSE error event. */
function codeOf(answer: RawAnswer): string | undefined {
  return /"code":"([A-Z_]+)"/.exec(answer.text)?.[1];
}

async function messagesInGroup(): Promise<number> {
  return (await mira.api.messages.list.query({ messageGroupUuid: group, limit: 100 })).items.length;
}

describe('inputs that reached a 500', () => {
  it.each([
    ['users.short', { handle: 'mi\u0000ra' }, false],
    ['messages.create', { handle: 'to\u0000mas', message: 'hi' }, true],
    ['messages.create', { handle: 'tomas\u0007', message: 'hi' }, true],
  ])(
    'a control character in a handle (%s) is a 400 and writes nothing',
    async (procedure, input, mutation) => {
      const before = await messagesInGroup();
      const answer = await call(`control character in ${procedure}`, procedure, {
        input,
        token: mira.accessToken,
        mutation,
      });
      expect(answer.status).toBe(400);
      expect(answer.text).toMatch(/handle/);
      expect(await messagesInGroup()).toBe(before);
    },
  );

  const unreal = [
    '2026-13-01T00:00:00.000000+00:00',
    '2026-01-01T99:00:00.000000+00:00',
    '0000-01-01T00:00:00.000000+00:00',
  ];
  it.each(unreal)(
    'a lastEventId that is no real time (%s) is a 400, however it is sent',
    async (id) => {
      const token = params(mira.accessToken);
      const forms = [
        await stream(
          'lastEventId in the input',
          `${token}&input=${encodeURIComponent(JSON.stringify({ lastEventId: id }))}`,
        ),
        await stream('lastEventId in the query', `${token}&lastEventId=${encodeURIComponent(id)}`),
        await stream('Last-Event-ID header', token, { 'last-event-id': id }),
      ];
      for (const answer of forms) {
        expect(codeOf(answer)).toBe('BAD_REQUEST');
        expect(answer.text).toMatch(/lastEventId/);
      }
    },
  );

  it.each([
    ['zero-width characters', '\u200b\u200c\u200d\u2060'],
    ['blank fillers', '\u2800\u3164\u115f'],
  ])('a message of %s only is refused as invisible, and stores nothing', async (_what, message) => {
    const before = await messagesInGroup();
    const answer = await call('invisible message', 'messages.create', {
      input: { messageGroupUuid: group, message },
      token: mira.accessToken,
      mutation: true,
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/at least one visible character/);
    expect(await messagesInGroup()).toBe(before);
  });
});

describe('tokens in URLs', () => {
  it('are refused for queries and mutations, and accepted for streams only', async () => {
    const before = await messagesInGroup();
    const inUrl = `&${params(mira.accessToken)}`;
    const query = await call('token in the URL of a query', 'users.me', { query: inUrl });
    const mutation = await call('token in the URL of a mutation', 'messages.create', {
      input: { messageGroupUuid: group, message: 'via the URL' },
      mutation: true,
      query: `?${params(mira.accessToken)}`,
    });
    expect([query.status, mutation.status]).toEqual([401, 401]);
    expect(await messagesInGroup()).toBe(before);
    const live = await stream('token in the URL of a stream', params(mira.accessToken));
    expect(live.text).toMatch(/event: connected/);
    expect(live.text).not.toMatch(/serialized-error/);
  });
});

describe('authorization', () => {
  it("refuses someone else's conversation everywhere (IDOR), and writes nothing", async () => {
    const priya = await rs.signInAs('priya');
    const before = await messagesInGroup();
    const { items } = await mira.api.messages.list.query({ messageGroupUuid: group });
    const attempts = [
      call('IDOR list', 'messages.list', {
        input: { messageGroupUuid: group },
        token: priya.accessToken,
      }),
      call('IDOR post', 'messages.create', {
        input: { messageGroupUuid: group, message: 'intruder' },
        token: priya.accessToken,
        mutation: true,
      }),
      call('IDOR markRead', 'messageGroups.markRead', {
        input: { messageGroupUuid: group, messageUuid: items[0]!.messageUuid },
        token: priya.accessToken,
        mutation: true,
      }),
      call('IDOR typing', 'live.typing', {
        input: { messageGroupUuid: group },
        token: priya.accessToken,
        mutation: true,
      }),
    ];
    for (const answer of await Promise.all(attempts)) expect(answer.status).toBe(403);
    const onNew = await rawStream(
      `${api()}/trpc/messages.onNew?${params(priya.accessToken)}&input=${encodeURIComponent(JSON.stringify({ messageGroupUuid: group }))}`,
    );
    expect(codeOf(onNew)).toBe('FORBIDDEN');
    expect(await messagesInGroup()).toBe(before);
  });

  describe('forged and foreign tokens', () => {
    const refuse = async (what: string, token: string) => {
      const answer = await call(what, 'users.me', { token });
      expect(answer.status, what).toBe(401);
      return answer;
    };

    it('alg "none" and a signature removed', async () => {
      const claims = decodeJwt(mira.accessToken);
      await refuse('alg none', new UnsecuredJWT(claims).encode());
      await refuse('signature stripped', `${mira.accessToken.split('.').slice(0, 2).join('.')}.`);
    });

    it('key confusion: HS256 signed with the pool’s public key', async () => {
      const { kid } = decodeProtectedHeader(mira.accessToken);
      const issuer = cognitoIssuer(loadConfig('security', cognitoEnv, rs.stack.env));
      const jwks = (await (await fetch(`${issuer}/.well-known/jwks.json`)).json()) as {
        keys: { kid: string; n: string }[];
      };
      const publicKey = jwks.keys.find((k) => k.kid === kid) ?? jwks.keys[0]!;
      const forged = await new SignJWT(decodeJwt(mira.accessToken))
        .setProtectedHeader({ alg: 'HS256', kid })
        .sign(base64url.decode(publicKey.n));
      await refuse('HS256 with the public key', forged);
    });

    it('a token of another pool, of another app client, and an ID token', async () => {
      const seed = SEED_USERS.find((u) => u.handle === 'mira')!;
      const otherPool = await bootstrapCognito({
        client: cognito,
        poolName: 'not-cruddur',
        users: [seed],
        password: DEV_PASSWORD,
      });
      const { UserPoolClient } = await cognito.send(
        new CreateUserPoolClientCommand({
          UserPoolId: rs.stack.userPoolId,
          ClientName: 'another-app',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
      const session = (clientId: string) =>
        signIn({ client: cognito, clientId, username: seed.email, password: DEV_PASSWORD });
      await refuse('another pool', (await session(otherPool.clientId)).accessToken);
      await refuse('another app client', (await session(UserPoolClient!.ClientId!)).accessToken);
      const own = await session(rs.stack.clientId);
      await refuse('an ID token', own.idToken);
    });
  });

  it('refuses a disabled, then a deleted Cognito user within the account-check interval, live streams too', async () => {
    const zeynep = await rs.signInAs('zeynep');
    const seed = SEED_USERS.find((u) => u.handle === 'zeynep')!;
    const streamUrl = `${api()}/trpc/live.events?${params(zeynep.accessToken)}`;
    const open = rawStream(streamUrl, { forMs: ACCOUNT_CHECK_INTERVAL_MS * 5 });
    await cognito.send(
      new AdminDisableUserCommand({ UserPoolId: rs.stack.userPoolId, Username: seed.email }),
    );
    await expect
      .poll(
        async () => (await call('disabled user', 'users.me', { token: zeynep.accessToken })).status,
        {
          timeout: ACCOUNT_CHECK_INTERVAL_MS * 3,
          interval: 250,
        },
      )
      .toBe(401);
    const ended = await open;
    expect(ended.text).toMatch(/account has been disabled[\s\S]*"UNAUTHORIZED"/);

    const kenji = await rs.signInAs('kenji');
    await cognito.send(
      new AdminDeleteUserCommand({
        UserPoolId: rs.stack.userPoolId,
        Username: SEED_USERS.find((u) => u.handle === 'kenji')!.email,
      }),
    );
    await expect
      .poll(
        async () => (await call('deleted user', 'users.me', { token: kenji.accessToken })).status,
        {
          timeout: ACCOUNT_CHECK_INTERVAL_MS * 3,
          interval: 250,
        },
      )
      .toBe(401);
  });

  it('answered everything above without a 5xx, a stack trace or a driver detail', () => {
    expect(answers.length).toBeGreaterThan(20);
    for (const { what, answer } of answers) {
      expect(answer.status, what).toBeLessThan(500);
      expect(answer.text, what).not.toMatch(/\bat .+:\d+:\d+|\.ts\b|\bE[A-Z]{4,}\b|"stack"/);
    }
  });
});
