/**
 * `pnpm dev`: starts DynamoDB Local, PostgreSQL and cognito-local (data under .data/), prepares
 * schema, seed data and Cognito users, then runs the API, the stream worker and the web app. It
 * supervises them: a stop signal or its parent going away stops every child; a child that dies
 * stops the whole stack with exit code 1.
 */
import { DEV_PASSWORD, SEED_USERS } from '@cruddur/admin';
import { EXIT_CODES } from '@cruddur/config';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { watchParent } from '../parent-watch';
import { REPO_ROOT } from '../paths';
import { startLocalStack, type LocalStack } from '../start-local-stack';

const USAGE = `Usage: pnpm dev [--reset] [--quiet] [--data-dir <dir>] [--free-ports]

Starts the whole Cruddur Messages stack locally (no Docker needed):
  DynamoDB Local :8000, PostgreSQL :5432, cognito-local :9229 (its Lambda triggers :9230),
  API :4000, web :5173,
  and the stream worker. Data is kept under .data/ between runs. Everything listens on
  127.0.0.1 only; BIND_HOST=0.0.0.0 exposes it to the network.

Services whose variables are already set (AWS_ENDPOINT_URL_DYNAMODB, DATABASE_URL,
AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER) are used instead of being started, e.g. the
containers of \`docker compose up\`.

Ctrl-C, SIGTERM or SIGHUP (or the terminal or process manager that started it going away) stops
every child process. If one of them dies, the whole stack is stopped and the exit code is 1.

Options:
  --reset            delete the data folder first (fresh tables, users and Cognito pool)
  --quiet            do not show the apps' log lines
  --data-dir <dir>   keep the data here instead of .data/
  --free-ports       pick free ports instead of the fixed ones (a second stack beside another)
  --help             show this help`;

/** cognito-local's name for a code's purpose, as people say it. */
const CODE_PURPOSES: Record<string, string> = {
  SignUp: 'sign-up confirmation code',
  ForgotPassword: 'password reset code',
};

const colours: Record<string, string> = {
  api: '36',
  worker: '35',
  triggers: '34',
  web: '33',
  'web build': '33',
};
const paint = (code: string, text: string) =>
  process.stdout.isTTY ? `\x1b[${code}m${text}\x1b[0m` : text;

const starting = new AbortController();
let stack: Promise<LocalStack | undefined> = Promise.resolve(undefined);
let stopping = false;

/** Stops everything once, whoever asks first, and exits with `code`. */
async function shutdown(reason: string, code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${reason}: stopping every service…`);
  starting.abort();
  const running = await stack.catch(() => undefined);
  await running?.stop();
  console.log('stopped.');
  process.exit(code);
}

function parse() {
  try {
    return parseArgs({
      options: {
        reset: { type: 'boolean' },
        quiet: { type: 'boolean' },
        'data-dir': { type: 'string' },
        'free-ports': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`pnpm dev: ${(error as Error).message} (see --help)`);
    process.exit(EXIT_CODES.usage);
  }
}

async function main(): Promise<void> {
  const values = parse();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : join(REPO_ROOT, '.data');
  if (values.reset) rmSync(dataDir, { recursive: true, force: true });

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => void shutdown(signal, EXIT_CODES.ok));
  watchParent(() => void shutdown('the process that started pnpm dev went away', EXIT_CODES.ok));

  // The children run in their own process groups (a terminal's Ctrl-C does not reach them), so
  // stopping is always ours to do: an abort during start-up makes startLocalStack stop what it had
  // started; afterwards stop() does.
  stack = startLocalStack({
    mode: 'dev',
    signal: starting.signal,
    dataDir,
    freePorts: values['free-ports'],
    externalEnv: process.env,
    onProgress: (message) => console.log(`${paint('2', '•')} ${message}`),
    // cognito-local mails nothing: its codes are printed here, whatever --quiet says.
    onCode: ({ purpose, destination, code }) =>
      console.log(
        paint(
          '1;33',
          `✉ ${CODE_PURPOSES[purpose] ?? `${purpose} code`} for ${destination}: ${code}`,
        ),
      ),
    log: values.quiet
      ? undefined
      : (source, line) => console.log(`${paint(colours[source] ?? '37', `[${source}]`)} ${line}`),
  });
  const running = (await stack)!;
  void running.firstExit().then(({ name, code }) => {
    if (stopping) return;
    console.error(
      `\npnpm dev: ${name} exited unexpectedly (exit code ${code ?? 'none, killed by a signal'}); stopping the whole stack.`,
    );
    void shutdown(`${name} died`, EXIT_CODES.failure);
  });

  const users = SEED_USERS.map((u) => `  ${u.email.padEnd(22)} (@${u.handle})`).join('\n');
  const exports = Object.entries(running.env)
    .map(([k, v]) => `export ${k}=${v}`)
    .join('\n');
  console.log(`
${paint('1;32', 'Cruddur Messages is running')}
  web             ${running.urls.web}
  API             ${running.urls.api}/trpc   (health: ${running.urls.api}/healthz)
  DynamoDB Local  ${running.urls.dynamodb}   table ${running.env.DDB_TABLE_NAME}
  PostgreSQL      ${running.urls.database}
  cognito-local   ${running.urls.cognito}   pool ${running.userPoolId}, client ${running.clientId}

Sign in with one of these emails and the password ${DEV_PASSWORD}:
${users}

To run the CLIs (pnpm db …, pnpm ddb …) against this stack, in another shell:
${exports}

New accounts: sign up at ${running.urls.web}/signup; the confirmation code is printed here as
"✉ sign-up confirmation code for <email>: <code>" (password resets likewise).

Ctrl-C stops everything.`);
}

main().catch((error: unknown) => {
  // A stop during start-up: shutdown() reports and exits once everything has stopped.
  if (starting.signal.aborted) return;
  console.error(`\npnpm dev failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(EXIT_CODES.failure);
});
