import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_PAGE_LIMIT, PAGE_LIMIT_MAX } from '../validate';
import type { PageFlags } from './actions/page-flags';
import type { SchemaLoadOptions } from './actions/schema-load';
import type { SeedOptions } from './actions/seed';
import { wholeNumber } from './arguments';

// Type-only imports above: a value import would load the action modules eagerly.
interface JsonFlag {
  json?: boolean;
}

/**
 * The commands and their options. Each action loads its module when it runs: the AWS SDK and pg
 * take a while to load, and `--help` or a usage error should not wait for them.
 */
export function buildProgram(): Command {
  const program = new Command('pnpm ddb')
    .description(
      'Cruddur messages table: schema, seed data and the access patterns (endpoint and table from the environment)',
    )
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  const json = (command: Command) => command.option('--json', 'print the result as JSON');

  json(
    program
      .command('schema-load')
      .description('create the messages table (DDB_TABLE_NAME) with its GSI and stream')
      .option('--force', 'drop the table first if it exists (deletes all its items)')
      .option(
        '--provisioned <read,write>',
        'provisioned read and write capacity units instead of on-demand',
        capacity,
      ),
  ).action(async (opts: SchemaLoadOptions) =>
    (await import('./actions/schema-load')).schemaLoad(opts),
  );

  json(
    program
      .command('drop')
      .description('delete a table and all its items (the name is required, as a confirmation)')
      .argument('<table>', 'the table to delete'),
  ).action(async (table: string, opts: JsonFlag) =>
    (await import('./actions/drop')).drop(table, opts),
  );

  json(
    program.command('list-tables').description('list the tables at the DynamoDB endpoint'),
  ).action(async (opts: JsonFlag) => (await import('./actions/list-tables')).listTables(opts));

  json(
    program
      .command('seed')
      .description(
        'write a sample conversation between two users of PostgreSQL, one line a minute, ending now',
      )
      .option('--from <handle>', 'the user who starts the conversation', 'mira')
      .option('--to <handle>', 'the other participant', 'tomas'),
  ).action(async (opts: SeedOptions) => (await import('./actions/seed')).seed(opts));

  json(
    program
      .command('scan')
      .description('every item of the table (DDB_TABLE_NAME), by partition')
      .option('--limit <n>', 'show at most this many items', wholeNumber(1)),
  ).action(async (opts: JsonFlag & { limit?: number }) =>
    (await import('./actions/scan')).scan(opts),
  );

  const patterns = program
    .command('patterns')
    .description('run the access patterns the app uses and show what they cost');
  const page = (command: Command) =>
    json(
      command
        .option(
          '--limit <n>',
          `items per page, 1-${PAGE_LIMIT_MAX}`,
          wholeNumber(1, PAGE_LIMIT_MAX),
          DEFAULT_PAGE_LIMIT,
        )
        .option('--cursor <cursor>', 'the cursor printed with the previous page'),
    );

  page(
    patterns
      .command('get-conversation')
      .description(
        'pattern A: the latest messages of a group (sender, local time, first 40 characters), oldest first',
      )
      .argument('<group-uuid>', 'the message group'),
  ).action(async (groupUuid: string, opts: PageFlags) =>
    (await import('./actions/get-conversation')).getConversation(groupUuid, opts),
  );

  page(
    patterns
      .command('list-conversations')
      .description("pattern B: a user's conversations, latest first")
      .argument('<handle>', 'the user, as in PostgreSQL'),
  ).action(async (handle: string, opts: PageFlags) =>
    (await import('./actions/list-conversations')).listConversations(handle, opts),
  );

  return program;
}

function capacity(value: string): { readCapacityUnits: number; writeCapacityUnits: number } {
  const match = /^(\d+),(\d+)$/.exec(value.trim());
  const [read, write] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (read < 1 || write < 1)
    throw new InvalidArgumentError('expected two whole numbers of at least 1, like 5,5');
  return { readCapacityUnits: read, writeCapacityUnits: write };
}
