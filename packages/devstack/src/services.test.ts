import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { assertJava } from './java';
import { listeningAddresses, listensOnLoopbackOnly } from './listening-addresses';
import { startServices } from './services';
import { createTestDatabase } from './test-isolation';

const ddb = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });

describe('devstack', () => {
  it('gives each suite its services through the standard environment variables', async () => {
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toMatch(/^http:\/\/localhost:\d+$/);
    expect(process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER).toMatch(
      /^http:\/\/localhost:\d+$/,
    );
    const health = await fetch(`${process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER}/health`);
    expect(health.ok).toBe(true);
    const db = await createTestDatabase();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ n: number }>('SELECT 1 + 1 AS n');
    await client.end();
    await db.drop();
    expect(rows[0]?.n).toBe(2);
  });

  it('starts on free ports, keeps DynamoDB data on disk across a restart, and leaves no process behind', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'devstack-test-'));
    chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user and must reach its data folder
    const running = await startServices({
      services: ['dynamodb', 'postgres'],
      dataDir,
      database: 'restart_check',
    });
    const endpoint = running.env.AWS_ENDPOINT_URL_DYNAMODB!;
    await ddb(endpoint).send(
      new CreateTableCommand({
        TableName: 'kept',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await running.dynamodb!.stop();
    await running.dynamodb!.start();
    const tables = await ddb(endpoint).send(new ListTablesCommand({}));
    expect(tables.TableNames).toContain('kept');
    expect(running.env.DATABASE_URL).toMatch(/\/restart_check$/);

    await running.stop();
    await expect(fetch(endpoint)).rejects.toThrow();
    const pgClient = new pg.Client({ connectionString: running.env.DATABASE_URL });
    await expect(pgClient.connect()).rejects.toThrow();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on loopback only: nobody else on the network reaches the services', () => {
    const ports = [
      process.env.AWS_ENDPOINT_URL_DYNAMODB,
      process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER,
      process.env.DATABASE_URL,
    ].map((url) => Number(new URL(url!).port));
    for (const port of ports) {
      expect(listeningAddresses(port), `port ${port}`).not.toEqual([]);
      expect(
        listensOnLoopbackOnly(port),
        `port ${port}: ${listeningAddresses(port).join(', ')}`,
      ).toBe(true);
    }
  });

  it('explains how to get Java when it is missing', () => {
    expect(() => assertJava('/nonexistent/java')).toThrow(/Java 17\+ JDK.*docker compose up/);
  });
});
