import { InvalidArgumentError } from 'commander';
import type { TableOptions } from '@cruddur/ddb';
import { defineCommand } from '../../framework/command';
import { CliError } from '../../framework/cli-error';
import { tableConfig } from '../../shared/config';

type SchemaLoadResult =
  | { table: string; created: true; recreated: boolean; billing: string }
  | { table: string; created: false; stream: 'enabled' | 'view-type-changed' };

interface SchemaLoadOptions {
  force?: boolean;
  provisioned?: TableOptions['provisioned'];
}

export const schemaLoadCommand = defineCommand<SchemaLoadOptions, SchemaLoadResult>({
  name: 'schema-load',
  description:
    'create the messages table (DDB_TABLE_NAME) with its GSI and stream; on an existing table without a stream, turn the stream on',
  options: [
    { flags: '--force', description: 'drop the table first if it exists (deletes all its items)' },
    {
      flags: '--provisioned <read,write>',
      description: 'provisioned read and write capacity units instead of on-demand',
      parse: capacity,
    },
  ],
  run: async ({ options, io }) => {
    const [{ createTable, dropTable, enableStream, tableExists }, { withDdb }] = await Promise.all([
      import('@cruddur/ddb'),
      import('../../shared/environment'),
    ]);
    return withDdb(io.config(tableConfig), async (ddb) => {
      const existed = await tableExists(ddb);
      if (existed && !options.force) {
        // A table the original's schema-load made has no stream: pattern E needs one.
        const stream = await enableStream(ddb);
        if (stream !== 'already-enabled') return { table: ddb.tableName, created: false, stream };
        throw new CliError(
          `table ${ddb.tableName} already exists; nothing changed (use --force to drop and recreate it)`,
        );
      }
      if (existed) {
        io.progress(`dropping table ${ddb.tableName}…`);
        await dropTable(ddb);
      }
      io.progress(`creating table ${ddb.tableName}…`);
      await createTable(ddb, { provisioned: options.provisioned });
      const billing = options.provisioned
        ? `provisioned ${options.provisioned.readCapacityUnits} RCU / ${options.provisioned.writeCapacityUnits} WCU`
        : 'on-demand';
      return { table: ddb.tableName, created: true, recreated: existed, billing };
    });
  },
  render: (r) =>
    !r.created
      ? `Table ${r.table} already exists; turned its stream on (NEW_AND_OLD_IMAGES), which pattern E needs${r.stream === 'view-type-changed' ? ' (it streamed another view type before)' : ''}. Nothing else changed.`
      : [
          `${r.recreated ? 'Recreated' : 'Created'} table ${r.table}`,
          `  keys: pk (HASH), sk (RANGE); GSI message-group-sk-index: message_group_uuid + sk, projection ALL`,
          `  stream: NEW_AND_OLD_IMAGES; billing: ${r.billing}`,
        ].join('\n'),
});

function capacity(value: string): { readCapacityUnits: number; writeCapacityUnits: number } {
  const match = /^(\d+),(\d+)$/.exec(value.trim());
  const [read, write] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (read < 1 || write < 1)
    throw new InvalidArgumentError('expected two whole numbers of at least 1, like 5,5');
  return { readCapacityUnits: read, writeCapacityUnits: write };
}
