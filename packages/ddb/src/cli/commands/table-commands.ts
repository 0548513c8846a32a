import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { InvalidArgumentError, type Command } from 'commander';
import { MESSAGE_GROUP_INDEX } from '../../keys';
import { createTable, dropTable, tableExists, type TableOptions } from '../../table';
import { ddbFromEnv, withDdb } from '../environment';
import { CliError, createOutput } from '../output';

export function addTableCommands(program: Command): void {
  program
    .command('schema-load')
    .description('create the messages table (DDB_TABLE_NAME) with its GSI and stream')
    .option('--force', 'drop the table first if it exists (deletes all its items)')
    .option(
      '--provisioned <read,write>',
      'provisioned read and write capacity units instead of on-demand',
      parseCapacity,
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (opts: {
        force?: boolean;
        provisioned?: TableOptions['provisioned'];
        json?: boolean;
      }) => {
        const out = createOutput(Boolean(opts.json));
        await withDdb(ddbFromEnv(), async (ddb) => {
          const existed = await tableExists(ddb);
          if (existed && !opts.force) {
            throw new CliError(
              `table ${ddb.tableName} already exists; nothing changed (use --force to drop and recreate it)`,
            );
          }
          if (existed) {
            out.progress(`Dropping table ${ddb.tableName}…`);
            await dropTable(ddb);
          }
          out.progress(`Creating table ${ddb.tableName}…`);
          await createTable(ddb, { provisioned: opts.provisioned });
          const billing = opts.provisioned
            ? `provisioned ${opts.provisioned.readCapacityUnits} RCU / ${opts.provisioned.writeCapacityUnits} WCU`
            : 'on-demand';
          out.result({ table: ddb.tableName, created: true, recreated: existed, billing }, () =>
            [
              `${existed ? 'Recreated' : 'Created'} table ${ddb.tableName}`,
              `  keys: pk (HASH), sk (RANGE); GSI ${MESSAGE_GROUP_INDEX}: message_group_uuid + sk, projection ALL`,
              `  stream: NEW_AND_OLD_IMAGES; billing: ${billing}`,
            ].join('\n'),
          );
        });
      },
    );

  program
    .command('drop')
    .description('delete a table and all its items (the name is required, as a confirmation)')
    .argument('<table>', 'the table to delete')
    .option('--json', 'print the result as JSON')
    .action(async (table: string, opts: { json?: boolean }) => {
      const out = createOutput(Boolean(opts.json));
      await withDdb(ddbFromEnv(), async (ddb) => {
        if (!(await tableExists(ddb, table)))
          throw new CliError(`table ${table} does not exist; nothing dropped`);
        await dropTable(ddb, table);
        out.result({ table, dropped: true }, () => `Dropped table ${table}`);
      });
    });

  program
    .command('list-tables')
    .description('list the tables at the DynamoDB endpoint')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const out = createOutput(Boolean(opts.json));
      await withDdb(ddbFromEnv(), async (ddb) => {
        const tables: string[] = [];
        let start: string | undefined;
        do {
          const page = await ddb.client.send(
            new ListTablesCommand({ ExclusiveStartTableName: start }),
          );
          tables.push(...(page.TableNames ?? []));
          start = page.LastEvaluatedTableName;
        } while (start);
        out.result({ tables }, () =>
          tables.length === 0
            ? 'No tables.'
            : tables.map((t) => (t === ddb.tableName ? `${t}  (DDB_TABLE_NAME)` : t)).join('\n'),
        );
      });
    });
}

function parseCapacity(value: string): TableOptions['provisioned'] {
  const match = /^(\d+),(\d+)$/.exec(value.trim());
  const [read, write] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (read < 1 || write < 1)
    throw new InvalidArgumentError('expected two whole numbers of at least 1, like 5,5');
  return { readCapacityUnits: read, writeCapacityUnits: write };
}
