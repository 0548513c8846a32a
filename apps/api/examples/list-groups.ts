// A second TypeScript program using the API through its types only: lists your conversations.
//   pnpm --filter @cruddur/api exec tsx examples/list-groups.ts --token <access token> [--url http://localhost:4000] [--json]
import { parseArgs } from 'node:util';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@cruddur/api';

const HELP = `Usage: list-groups --token <access token> [--url <api url>] [--json]

Lists the signed-in user's conversations, newest first, through the typed tRPC client.
  --token  a Cognito access token (e.g. from the web app, or \`pnpm cognito sign-in\`)
  --url    the API's base URL (default http://localhost:4000)
  --json   print the groups as JSON
Exit codes: 0 listed, 1 the API refused or failed, 2 bad usage.`;

function fail(message: string, code: number): never {
  process.stderr.write(`list-groups: ${message}\n`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: {
      token: { type: 'string' },
      url: { type: 'string', default: 'http://localhost:4000' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  fail(`${(error as Error).message} (see --help)`, 2);
}
if (args.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
const token = args.token;
if (!token) fail('--token is required (see --help)', 2);

const api = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: new URL('/trpc', args.url).toString(),
      headers: { authorization: `Bearer ${token}` },
    }),
  ],
});

try {
  const me = await api.users.me.query();
  const groups = [];
  let cursor: string | undefined;
  do {
    const page = await api.messageGroups.list.query({ cursor, limit: 50 });
    groups.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);

  if (args.json) {
    process.stdout.write(`${JSON.stringify({ me, groups }, null, 2)}\n`);
  } else {
    process.stdout.write(
      `${me.displayName} (@${me.handle}) has ${groups.length} conversation(s)\n`,
    );
    for (const group of groups) {
      process.stdout.write(
        `  ${group.lastMessageAt}  ${group.other.displayName} (@${group.other.handle}): ${group.lastMessage}\n`,
      );
    }
  }
} catch (error) {
  fail(
    error instanceof TRPCClientError
      ? error.message
      : `cannot reach ${args.url}: ${(error as Error).message}`,
    1,
  );
}
