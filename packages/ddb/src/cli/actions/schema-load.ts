import { MESSAGE_GROUP_INDEX } from '../../keys';
import { createTable, dropTable, tableExists, type TableOptions } from '../../table';
import { ddbFromEnv, withDdb } from '../environment';
import { CliError, createOutput } from '../output';

export interface SchemaLoadOptions {
  force?: boolean;
  provisioned?: TableOptions['provisioned'];
  json?: boolean;
}

export async function schemaLoad(opts: SchemaLoadOptions): Promise<void> {
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
}
