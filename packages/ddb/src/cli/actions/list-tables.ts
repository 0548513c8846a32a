import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ddbFromEnv, withDdb } from '../environment';
import { createOutput } from '../output';

export async function listTables(opts: { json?: boolean }): Promise<void> {
  const out = createOutput(Boolean(opts.json));
  await withDdb(ddbFromEnv(), async (ddb) => {
    const tables: string[] = [];
    let start: string | undefined;
    do {
      const page = await ddb.client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
      tables.push(...(page.TableNames ?? []));
      start = page.LastEvaluatedTableName;
    } while (start);
    out.result({ tables }, () =>
      tables.length === 0
        ? 'No tables.'
        : tables.map((t) => (t === ddb.tableName ? `${t}  (DDB_TABLE_NAME)` : t)).join('\n'),
    );
  });
}
