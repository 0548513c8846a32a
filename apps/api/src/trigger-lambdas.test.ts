import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createPool, findUserByHandle, schemaLoad, type Pool } from '@cruddur/db';
import { createTestDatabase, freePort, uniqueName, waitUntil } from '@cruddur/devstack';
import type { PostConfirmationTriggerEvent, PreSignUpTriggerEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRIGGER_FUNCTIONS } from './triggers/functions';

let database: { url: string; drop(): Promise<void> };
let pool: Pool;
beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.url);
  await schemaLoad(pool);
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

function events(handle: string) {
  const sub = randomUUID();
  const userAttributes = {
    sub,
    email: `${handle}@example.test`,
    preferred_username: handle,
    name: 'Someone',
  };
  const base = {
    version: '1',
    region: 'local',
    userPoolId: 'local_pool',
    userName: sub,
    callerContext: { awsSdkVersion: 'test', clientId: 'client' },
  };
  return {
    sub,
    preSignUp: {
      ...base,
      triggerSource: 'PreSignUp_SignUp',
      request: { userAttributes },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    } as PreSignUpTriggerEvent,
    postConfirmation: {
      ...base,
      triggerSource: 'PostConfirmation_ConfirmSignUp',
      request: { userAttributes },
      response: {},
    } as PostConfirmationTriggerEvent,
  };
}

describe('the Lambda entry points', () => {
  it('read DATABASE_URL at cold start and run the triggers: PreSignUp holds, PostConfirmation creates', async () => {
    process.env.DATABASE_URL = database.url;
    process.env.LOG_LEVEL = 'silent';
    const { handler: preSignUp } = await import('./pre-sign-up');
    const { handler: postConfirmation } = await import('./post-confirmation');
    const handle = uniqueName('lambda');
    const { sub, preSignUp: pre, postConfirmation: post } = events(handle);
    await expect(preSignUp(pre)).resolves.toEqual(pre);
    await expect(postConfirmation(post)).resolves.toEqual(post);
    await expect(postConfirmation(post)).resolves.toEqual(post);
    expect((await findUserByHandle(pool, handle))?.cognitoUserId).toBe(sub);
    // Now taken: a second sign-up with it throws, which Cognito reports to the person signing up.
    await expect(preSignUp(events(handle).preSignUp)).rejects.toThrow(
      `[handle-taken] @${handle} is taken`,
    );
  });
});

describe('the local trigger server (what pnpm dev runs for cognito-local)', () => {
  it('answers the Lambda Invoke API with the same functions, and stops on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/triggers-server.ts'], {
      cwd: new URL('..', import.meta.url),
      env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitUntil(
        'the trigger server',
        async () => output.includes('cognito triggers listening on'),
        { timeoutMs: 30_000 },
      );
      const invoke = (name: string, event: unknown) =>
        fetch(`http://127.0.0.1:${port}/2015-03-31/functions/${name}/invocations`, {
          method: 'POST',
          body: JSON.stringify(event),
        });
      const handle = uniqueName('served');
      const ok = await invoke(TRIGGER_FUNCTIONS.PostConfirmation, events(handle).postConfirmation);
      expect(ok.headers.get('x-amz-function-error')).toBeNull();
      expect(await findUserByHandle(pool, handle)).toBeDefined();
      const bad = { ...events('x').preSignUp };
      bad.request.userAttributes.preferred_username = 'not a handle';
      const refused = await invoke(TRIGGER_FUNCTIONS.PreSignUp, bad);
      expect(refused.headers.get('x-amz-function-error')).toBe('Unhandled');
      expect(await refused.json()).toMatchObject({
        errorMessage: expect.stringContaining('[handle-invalid]') as string,
      });
      const unknown = await invoke('no-such-function', {});
      expect(unknown.status).toBe(404);
    } finally {
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    }
  });
});
