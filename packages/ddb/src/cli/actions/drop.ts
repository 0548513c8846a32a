import { dropTable, tableExists } from '../../table';
import { ddbFromEnv, withDdb } from '../environment';
import { CliError, createOutput } from '../output';

export async function drop(table: string, opts: { json?: boolean }): Promise<void> {
  const out = createOutput(Boolean(opts.json));
  await withDdb(ddbFromEnv(), async (ddb) => {
    if (!(await tableExists(ddb, table)))
      throw new CliError(`table ${table} does not exist; nothing dropped`);
    await dropTable(ddb, table);
    out.result({ table, dropped: true }, () => `Dropped table ${table}`);
  });
}
