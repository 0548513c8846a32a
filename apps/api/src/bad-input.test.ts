import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_MAX_CHARACTERS } from '@cruddur/validators';
import { startApiFixture, type ApiFixture } from './testing/api-fixture';
import { expectTRPCError } from './testing/expect-error';
import { rawCall } from './testing/raw-call';

let fx: ApiFixture;
let group: string;
beforeAll(async () => {
  fx = await startApiFixture();
  ({ messageGroupUuid: group } = await fx
    .client(fx.users.mira)
    .messages.create.mutate({ handle: 'tomas', message: 'hello' }));
});
afterAll(() => fx?.close());

interface Case {
  what: string;
  procedure: string;
  /** A function of the test conversation's id where the input needs it. */
  input: unknown;
  mutation?: boolean;
  code: 'BAD_REQUEST' | 'NOT_FOUND';
  /** The field the error names, and a part of what it says. */
  field?: string;
  says: string;
}

const long = 'x'.repeat(MESSAGE_MAX_CHARACTERS + 1);
const cases: Case[] = [
  {
    what: 'a blank message',
    procedure: 'messages.create',
    mutation: true,
    input: (id: string) => ({ messageGroupUuid: id, message: '' }),
    code: 'BAD_REQUEST',
    field: 'message',
    says: 'must not be blank',
  },
  {
    what: 'a whitespace message',
    procedure: 'messages.create',
    mutation: true,
    input: { handle: 'tomas', message: ' \n\t ' },
    code: 'BAD_REQUEST',
    field: 'message',
    says: 'must not be blank',
  },
  {
    what: `${MESSAGE_MAX_CHARACTERS + 1} characters`,
    procedure: 'messages.create',
    mutation: true,
    input: (id: string) => ({ messageGroupUuid: id, message: long }),
    code: 'BAD_REQUEST',
    field: 'message',
    says: 'at most 1024 characters',
  },
  {
    what: 'a message that is not text',
    procedure: 'messages.create',
    mutation: true,
    input: (id: string) => ({ messageGroupUuid: id, message: 42 }),
    code: 'BAD_REQUEST',
    field: 'message',
    says: 'must be text',
  },
  {
    what: 'a non-uuid group id',
    procedure: 'messages.create',
    mutation: true,
    input: { messageGroupUuid: 'GRP#1', message: 'hi' },
    code: 'BAD_REQUEST',
    field: 'messageGroupUuid',
    says: 'must be a uuid',
  },
  {
    what: 'a non-uuid message id',
    procedure: 'messages.create',
    mutation: true,
    input: { handle: 'tomas', message: 'hi', messageUuid: 'abc' },
    code: 'BAD_REQUEST',
    field: 'messageUuid',
    says: 'must be a uuid',
  },
  {
    what: 'both a group and a handle',
    procedure: 'messages.create',
    mutation: true,
    input: (id: string) => ({ messageGroupUuid: id, handle: 'tomas', message: 'hi' }),
    code: 'BAD_REQUEST',
    says: 'either',
  },
  {
    what: 'neither a group nor a handle',
    procedure: 'messages.create',
    mutation: true,
    input: { message: 'hi' },
    code: 'BAD_REQUEST',
    says: 'either',
  },
  {
    what: 'a null input',
    procedure: 'messages.create',
    mutation: true,
    input: null,
    code: 'BAD_REQUEST',
    says: 'either',
  },
  {
    what: 'an unknown handle',
    procedure: 'messages.create',
    mutation: true,
    input: { handle: 'nobody_here', message: 'hi' },
    code: 'NOT_FOUND',
    says: 'no user has the handle',
  },
  {
    what: 'a message to yourself',
    procedure: 'messages.create',
    mutation: true,
    input: { handle: 'mira', message: 'note to self' },
    code: 'BAD_REQUEST',
    says: 'yourself',
  },
  {
    what: 'a message to yourself by @handle',
    procedure: 'messages.create',
    mutation: true,
    input: { handle: '@mira', message: 'note to self', messageUuid: randomUUID() },
    code: 'BAD_REQUEST',
    says: 'yourself',
  },
  {
    what: 'a non-uuid group to list',
    procedure: 'messages.list',
    input: { messageGroupUuid: '../etc' },
    code: 'BAD_REQUEST',
    field: 'messageGroupUuid',
    says: 'must be a uuid',
  },
  {
    what: 'a limit of the wrong type',
    procedure: 'messages.list',
    input: (id: string) => ({ messageGroupUuid: id, limit: 'ten' }),
    code: 'BAD_REQUEST',
    field: 'limit',
    says: 'whole number',
  },
  {
    what: 'a limit too large',
    procedure: 'messageGroups.list',
    input: { limit: 1000 },
    code: 'BAD_REQUEST',
    field: 'limit',
    says: 'at most 100',
  },
  {
    what: 'a forged cursor for messages',
    procedure: 'messages.list',
    input: (id: string) => ({ messageGroupUuid: id, cursor: 'eyJwayI6Ik1TRyMxIn0' }),
    code: 'BAD_REQUEST',
    field: undefined,
    says: 'cursor',
  },
  {
    what: 'a forged cursor for groups',
    procedure: 'messageGroups.list',
    input: { cursor: 'not-a-cursor' },
    code: 'BAD_REQUEST',
    says: 'cursor',
  },
];

describe('bad input', () => {
  it.each(cases.map((c) => [c.what, c] as const))(
    '%s → a clear error, nothing written',
    async (_what, actual) => {
      const input =
        typeof actual.input === 'function'
          ? (actual.input as (group: string) => unknown)(group)
          : actual.input;
      const before = await fx.itemCount();
      const response = await rawCall(fx.url, actual.procedure, {
        input,
        mutation: actual.mutation,
        token: fx.users.mira.accessToken,
      });
      expect(response.status).toBe(actual.code === 'NOT_FOUND' ? 404 : 400);
      const error = response.body.error!;
      expect(error.data.code).toBe(actual.code);
      expect(error.message).toContain(actual.says);
      expect(error.data.stack).toBeUndefined();
      if (actual.field)
        expect(error.data.zodError?.fieldErrors[actual.field]?.join(' ')).toContain(actual.says);
      expect(await fx.itemCount()).toBe(before);
    },
  );

  it('accepts exactly 1024 characters, counting emoji as one', async () => {
    const api = fx.client(fx.users.mira);
    const emoji = '🙂'.repeat(MESSAGE_MAX_CHARACTERS);
    const stored = await api.messages.create.mutate({
      messageGroupUuid: group,
      message: ` ${emoji} `,
    });
    expect(stored.message.message).toBe(emoji);
    await expectTRPCError(
      api.messages.create.mutate({ messageGroupUuid: group, message: `${emoji}🙂` }),
      'BAD_REQUEST',
      /at most 1024/,
    );
  });

  it('rejects a body that is not JSON', async () => {
    const before = await fx.itemCount();
    const response = await rawCall(fx.url, 'messages.create', {
      mutation: true,
      body: '{"message": ',
      token: fx.users.mira.accessToken,
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.data.code).toBe('BAD_REQUEST');
    expect(await fx.itemCount()).toBe(before);
  });

  it('rejects a body larger than the API accepts', async () => {
    const response = await rawCall(fx.url, 'messages.create', {
      mutation: true,
      input: { handle: 'tomas', message: 'y'.repeat(100_000) },
      token: fx.users.mira.accessToken,
    });
    expect(response.status).toBe(413);
  });
});
