import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from './testing/api-fixture';

const run = promisify(execFile);
const example = fileURLToPath(new URL('../examples/list-groups.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

/** Runs the example expecting it to fail; its exit code and standard error. */
async function failure(args: string[]): Promise<{ code: number; stderr: string }> {
  return run(tsx, args).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
}

let fx: ApiFixture;
beforeAll(async () => {
  fx = await startApiFixture();
  await fx
    .client(fx.users.mira)
    .messages.create.mutate({ handle: 'tomas', message: 'typed all the way' });
});
afterAll(() => fx?.close());

describe('examples/list-groups.ts', () => {
  it('lists the conversations of the token’s user through the typed client', async () => {
    const { stdout } = await run(tsx, [
      example,
      '--url',
      fx.url,
      '--token',
      fx.users.mira.accessToken,
    ]);
    expect(stdout).toContain('Mira Okafor (@mira) has 1 conversation(s)');
    expect(stdout).toContain('Tomás Lindqvist (@tomas): typed all the way');

    const json = JSON.parse(
      (await run(tsx, [example, '--url', fx.url, '--token', fx.users.tomas.accessToken, '--json']))
        .stdout,
    ) as { groups: { other: { handle: string } }[] };
    expect(json.groups.map((g) => g.other.handle)).toEqual(['mira']);
  });

  it('fails with one line and exit code 1 on a bad token, 2 on bad usage', async () => {
    const refused = await failure([example, '--url', fx.url, '--token', 'garbage']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^list-groups: invalid access token: .*\n$/);
    expect(await failure([example])).toMatchObject({
      code: 2,
      stderr: 'list-groups: --token is required (see --help)\n',
    });
  });
});
