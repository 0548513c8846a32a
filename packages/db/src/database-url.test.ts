import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDatabaseUrl } from './database-url';

/**
 * Secrets Manager cannot run here, so a small HTTP server answers its GetSecretValue call in the
 * service's JSON protocol; the real SDK client talks to it through AWS_ENDPOINT_URL_SECRETS_MANAGER.
 */
const secrets = new Map<string, string>();
const asked: string[] = [];
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      asked.push(`${String(request.headers['x-amz-target'])} ${SecretId}`);
      const value = secrets.get(SecretId);
      response.writeHead(value === undefined ? 400 : 200, {
        'content-type': 'application/x-amz-json-1.1',
      });
      response.end(
        JSON.stringify(
          value === undefined
            ? { __type: 'ResourceNotFoundException', message: 'Secrets Manager can’t find it' }
            : { ARN: SecretId, Name: 'db-url', SecretString: value },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const ARN = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:cruddur-db-url-AbCdEf';
const URL = 'postgres://cruddur:s3cret@db.example:5432/cruddur?sslmode=verify-full';
const lambdaEnv = (extra: Record<string, string> = {}): Record<string, string | undefined> => ({
  AWS_REGION: 'eu-west-2',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
  ...extra,
});

describe('resolveDatabaseUrl', () => {
  it('keeps an explicit DATABASE_URL and asks nobody', async () => {
    asked.length = 0;
    const env = lambdaEnv({ DATABASE_URL: 'postgres://local/db', DATABASE_URL_SECRET_ARN: ARN });
    expect(await resolveDatabaseUrl(env)).toBe('given');
    expect(env.DATABASE_URL).toBe('postgres://local/db');
    expect(asked).toEqual([]);
  });

  it('reads the URL from the secret when only its ARN is set', async () => {
    asked.length = 0;
    secrets.set(ARN, `${URL}\n`);
    const env = lambdaEnv({ DATABASE_URL_SECRET_ARN: ARN });
    expect(await resolveDatabaseUrl(env)).toBe('from-secret');
    expect(env.DATABASE_URL).toBe(URL);
    expect(asked).toEqual([`secretsmanager.GetSecretValue ${ARN}`]);
    // Once resolved, a second call (a warm invocation) asks nothing.
    expect(await resolveDatabaseUrl(env)).toBe('given');
    expect(asked).toHaveLength(1);
  });

  it('leaves a missing DATABASE_URL for the program’s own schema to report', async () => {
    const env = lambdaEnv();
    expect(await resolveDatabaseUrl(env)).toBe('unset');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('refuses what is not a secret’s ARN, before any call', async () => {
    asked.length = 0;
    await expect(
      resolveDatabaseUrl(lambdaEnv({ DATABASE_URL_SECRET_ARN: 'my-secret' })),
    ).rejects.toThrow(/DATABASE_URL_SECRET_ARN: must be the ARN of a Secrets Manager secret/);
    expect(asked).toEqual([]);
  });

  it('fails loudly, naming the secret but never its value, when it holds no URL', async () => {
    const other = `${ARN}-other`;
    secrets.set(other, 'hunter2');
    const failure = resolveDatabaseUrl(lambdaEnv({ DATABASE_URL_SECRET_ARN: other }));
    await expect(failure).rejects.toThrow(
      `the secret ${other} (DATABASE_URL_SECRET_ARN) holds no postgres:// URL`,
    );
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });

  it('fails loudly when the secret cannot be read', async () => {
    await expect(
      resolveDatabaseUrl(lambdaEnv({ DATABASE_URL_SECRET_ARN: `${ARN}-missing` })),
    ).rejects.toThrow(/cannot read DATABASE_URL from the secret .*-missing.*can’t find it/);
  });
});
