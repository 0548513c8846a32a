/**
 * `pnpm dev`: starts DynamoDB Local, PostgreSQL and cognito-local (data under .data/), prepares
 * schema, seed data and Cognito users, then runs the API, the stream worker and the web app until
 * Ctrl-C, which stops every child process.
 */
import { DEV_PASSWORD, SEED_USERS } from '@cruddur/db';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../paths';
import { startLocalStack } from '../start-local-stack';

const USAGE = `Usage: pnpm dev [--reset] [--quiet]

Starts the whole Cruddur Messages stack locally (no Docker needed):
  DynamoDB Local :8000, PostgreSQL :5432, cognito-local :9229, API :4000, web :5173,
  and the stream worker. Data is kept under .data/ between runs.

Services whose variables are already set (AWS_ENDPOINT_URL_DYNAMODB, DATABASE_URL,
AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER) are used instead of being started, e.g. the
containers of \`docker compose up\`.

Options:
  --reset   delete .data/ first (fresh tables, users and Cognito pool)
  --quiet   do not show the apps' log lines
  --help    show this help`;

const colours: Record<string, string> = { api: '36', worker: '35', web: '33', 'web build': '33' };
const paint = (code: string, text: string) =>
  process.stdout.isTTY ? `\x1b[${code}m${text}\x1b[0m` : text;

const starting = new AbortController();

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const dataDir = join(REPO_ROOT, '.data');
  if (values.reset) rmSync(dataDir, { recursive: true, force: true });

  // The children run in their own process groups (a terminal's Ctrl-C does not reach them), so
  // stopping is always ours to do: an abort during start-up makes startLocalStack stop what it had
  // started; afterwards stop() does.
  const started = startLocalStack({
    mode: 'dev',
    signal: starting.signal,
    dataDir,
    externalEnv: process.env,
    onProgress: (message) => console.log(`${paint('2', '•')} ${message}`),
    log: values.quiet
      ? undefined
      : (source, line) => console.log(`${paint(colours[source] ?? '37', `[${source}]`)} ${line}`),
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping every service…`);
    starting.abort();
    const stack = await started.catch(() => undefined);
    await stack?.stop();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const stack = await started;

  const users = SEED_USERS.map((u) => `  ${u.email.padEnd(22)} (@${u.handle})`).join('\n');
  const exports = Object.entries(stack.env)
    .map(([k, v]) => `export ${k}=${v}`)
    .join('\n');
  console.log(`
${paint('1;32', 'Cruddur Messages is running')}
  web             ${stack.urls.web}
  API             ${stack.urls.api}/trpc   (health: ${stack.urls.api}/healthz)
  DynamoDB Local  ${stack.urls.dynamodb}   table ${stack.env.DDB_TABLE_NAME}
  PostgreSQL      ${stack.urls.database}
  cognito-local   ${stack.urls.cognito}   pool ${stack.userPoolId}, client ${stack.clientId}

Sign in with one of these emails and the password ${DEV_PASSWORD}:
${users}

To run the CLIs (pnpm db …, pnpm ddb …) against this stack, in another shell:
${exports}

Ctrl-C stops everything.`);
}

main().catch((error: unknown) => {
  // Ctrl-C during start-up: shutdown() reports and exits once everything has stopped.
  if (starting.signal.aborted) return;
  console.error(`\npnpm dev failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
