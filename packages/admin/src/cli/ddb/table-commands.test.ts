import { uniqueName } from '@cruddur/devstack';
import { describe, expect, it } from 'vitest';
import { runCli as run, tableEnv as serviceEnv } from '../../testing/run-cli';

const runCli = (args: string[], env: Record<string, string | undefined>) => run('ddb', args, env);

const table = uniqueName('cli');
const env = serviceEnv(table);

// Each run starts a Node process: generous timeouts for a busy CI machine.
describe('pnpm ddb: help, usage and configuration', { timeout: 120_000 }, () => {
  it('prints --help for every command and exits 0', async () => {
    const commands = [
      [],
      ['schema-load'],
      ['drop'],
      ['list-tables'],
      ['seed'],
      ['scan'],
      ['patterns'],
      ['patterns', 'get-conversation'],
      ['patterns', 'list-conversations'],
    ];
    const runs = await Promise.all(commands.map((c) => runCli([...c, '--help'], {})));
    for (const [i, run] of runs.entries()) {
      expect(run.code, commands[i]!.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/^Usage: pnpm ddb/);
    }
    expect(runs[1]!.stdout).toContain('--force');
    expect(runs[7]!.stdout).toContain('--cursor');
  });

  it('exits 2 on wrong usage, saying what is wrong', async () => {
    const [unknown, missing, badLimit] = await Promise.all([
      runCli(['frobnicate'], env),
      runCli(['drop'], env),
      runCli(
        ['patterns', 'get-conversation', '5f0d6f4e-3c52-4d0e-9b3a-2f1f7c1f9a10', '--limit', '500'],
        env,
      ),
    ]);
    expect([unknown.code, missing.code, badLimit.code]).toEqual([2, 2, 2]);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect(missing.stderr).toContain("missing required argument 'table'");
    expect(badLimit.stderr).toContain('expected a whole number from 1 to 100');
  });

  it('exits 78 with one message naming every configuration problem', async () => {
    const run = await runCli(['list-tables'], {
      AWS_REGION: 'nowhere',
      AWS_ENDPOINT_URL_DYNAMODB: 'not a url',
    });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('AWS_REGION: must look like us-east-1');
    expect(run.stderr).toContain('AWS_ENDPOINT_URL_DYNAMODB: must be a URL');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('reports an unreachable endpoint in one line', async () => {
    const run = await runCli(['list-tables'], {
      ...env,
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
      AWS_MAX_ATTEMPTS: '1',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^ddb list-tables: cannot connect to 127\.0\.0\.1:9/);
  });
});

describe('pnpm ddb: schema-load, list-tables, scan, drop', { timeout: 180_000 }, () => {
  it('manages the table end to end, refusing what would lose data', async () => {
    const missingScan = await runCli(['scan'], env);
    expect(missingScan.code).toBe(1);
    expect(missingScan.stderr).toBe(
      `ddb scan: table ${table} does not exist (create it with: pnpm ddb schema-load)\n`,
    );

    const created = await runCli(['schema-load'], env);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`Created table ${table}`);
    expect(created.stdout).toContain('billing: on-demand');

    const refused = await runCli(['schema-load'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `ddb schema-load: table ${table} already exists; nothing changed (use --force to drop and recreate it)\n`,
    );

    const forced = await runCli(['schema-load', '--force', '--provisioned', '3,2', '--json'], env);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toEqual({
      table,
      created: true,
      recreated: true,
      billing: 'provisioned 3 RCU / 2 WCU',
    });

    const listed = await runCli(['list-tables', '--json'], env);
    expect((JSON.parse(listed.stdout) as { tables: string[] }).tables).toContain(table);
    expect((await runCli(['list-tables'], env)).stdout).toContain(`${table}  (DDB_TABLE_NAME)`);

    // A new table holds only the note that it is this project's own (no legacy data to look for).
    const fresh = await runCli(['scan'], env);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toMatch(
      /meta\s+META#cruddur\s+SCHEMA\s+schema_version=2 legacy_pairs=false/,
    );
    expect(JSON.parse((await runCli(['scan', '--json'], env)).stdout)).toEqual([
      { pk: 'META#cruddur', sk: 'SCHEMA', schema_version: 2, legacy_pairs: false },
    ]);

    const dropped = await runCli(['drop', table, '--json'], env);
    expect([dropped.code, JSON.parse(dropped.stdout)]).toEqual([0, { table, dropped: true }]);

    const again = await runCli(['drop', table], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`ddb drop: table ${table} does not exist; nothing dropped\n`);
  });
});
