import { defineCommand } from '../../framework/command';
import { tableConfig } from '../../shared/config';

export const listTablesCommand = defineCommand<object, { tables: string[]; configured: string }>({
  name: 'list-tables',
  description: 'list the tables at the DynamoDB endpoint',
  run: async ({ io }) => {
    const [{ ListTablesCommand }, { withDdb }] = await Promise.all([
      import('@aws-sdk/client-dynamodb'),
      import('../../shared/environment'),
    ]);
    return withDdb(io.config(tableConfig), async (ddb) => {
      const tables: string[] = [];
      let start: string | undefined;
      do {
        const page = await ddb.client.send(
          new ListTablesCommand({ ExclusiveStartTableName: start }),
        );
        tables.push(...(page.TableNames ?? []));
        start = page.LastEvaluatedTableName;
      } while (start);
      return { tables, configured: ddb.tableName };
    });
  },
  render: ({ tables, configured }) =>
    tables.length === 0
      ? 'No tables.'
      : tables.map((t) => (t === configured ? `${t}  (DDB_TABLE_NAME)` : t)).join('\n'),
});
