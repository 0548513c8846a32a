import { defineCommand } from '../../framework/command';
import { wholeNumber } from '../../shared/arguments';
import { tableConfig } from '../../shared/config';
import { excerpt, renderTable } from '../../shared/render';

type Item = Record<string, unknown>;

interface ScanResult {
  table: string;
  items: Item[];
}

export const scanCommand = defineCommand<{ limit?: number }, ScanResult>({
  name: 'scan',
  description: 'every item of the table (DDB_TABLE_NAME), by partition',
  options: [
    { flags: '--limit <n>', description: 'show at most this many items', parse: wholeNumber(1) },
  ],
  run: async ({ options, io }) => {
    const [{ ScanCommand }, { requireTable, withDdb }] = await Promise.all([
      import('@aws-sdk/lib-dynamodb'),
      import('../../shared/environment'),
    ]);
    return withDdb(io.config(tableConfig), async (ddb) => {
      await requireTable(ddb);
      const items: Item[] = [];
      let start: Item | undefined;
      do {
        const page = await ddb.doc.send(
          new ScanCommand({ TableName: ddb.tableName, ExclusiveStartKey: start }),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
        if (start) io.progress(`scanned ${items.length} items…`);
      } while (start && (options.limit === undefined || items.length < options.limit));
      const shown = options.limit === undefined ? items : items.slice(0, options.limit);
      shown.sort((a, b) => compare(a.pk, b.pk) || compare(a.sk, b.sk));
      return { table: ddb.tableName, items: shown };
    });
  },
  json: ({ items }) => items,
  render: ({ table, items }) =>
    items.length === 0
      ? `Table ${table} is empty.`
      : `${renderTable(['KIND', 'PK', 'SK', 'DETAILS'], items.map(row))}\n\n${items.length} items in ${table}`,
});

const compare = (a: unknown, b: unknown) => String(a).localeCompare(String(b));

/** One line per item, in words a person reads: what the item is and what it says. */
function row(item: Item): string[] {
  const pk = String(item.pk);
  const sk = String(item.sk);
  const str = (name: string) => show(item[name] ?? '');
  const kind = pk.split('#')[0]!;
  switch (kind) {
    case 'MSG':
      return ['message', pk, sk, `@${str('user_handle')}: ${excerpt(str('message'))}`];
    case 'GRP':
      return [
        'group row',
        pk,
        sk,
        `with @${str('user_handle')} (${str('message_group_uuid')}): ${excerpt(str('message'))}`,
      ];
    default: {
      const rest = Object.entries(item).filter(([name]) => name !== 'pk' && name !== 'sk');
      return [
        kind.toLowerCase(),
        pk,
        sk,
        rest.map(([name, value]) => `${name}=${show(value)}`).join(' '),
      ];
    }
  }
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
