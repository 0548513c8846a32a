import { defineCommand } from '../../framework/command';
import { CliError } from '../../framework/cli-error';
import { tableConfig } from '../../shared/config';

export const dropCommand = defineCommand<object, { table: string; dropped: true }>({
  name: 'drop',
  description: 'delete a table and all its items (the name is required, as a confirmation)',
  arguments: [{ name: 'table', description: 'the table to delete' }],
  run: async ({ args: [table], io }) => {
    const [{ dropTable, tableExists }, { withDdb }] = await Promise.all([
      import('@cruddur/ddb'),
      import('../../shared/environment'),
    ]);
    return withDdb(io.config(tableConfig), async (ddb) => {
      if (!(await tableExists(ddb, table)))
        throw new CliError(`table ${table} does not exist; nothing dropped`);
      await dropTable(ddb, table);
      return { table: table!, dropped: true };
    });
  },
  render: (r) => `Dropped table ${r.table}`,
});
