import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type DdbContext } from '../../context';
import { ddbFromEnv, requireTable, withDdb } from '../environment';
import { createOutput, excerpt, renderTable, type Output } from '../output';

type Item = Record<string, unknown>;

export async function scan(opts: { limit?: number; json?: boolean }): Promise<void> {
  const out = createOutput(Boolean(opts.json));
  await withDdb(ddbFromEnv(), async (ddb) => {
    await requireTable(ddb);
    const items = await scanAll(ddb, opts.limit, out);
    items.sort((a, b) => compare(a.pk, b.pk) || compare(a.sk, b.sk));
    out.result(items, () =>
      items.length === 0
        ? `Table ${ddb.tableName} is empty.`
        : `${renderTable(['KIND', 'PK', 'SK', 'DETAILS'], items.map(row))}\n\n${items.length} items in ${ddb.tableName}`,
    );
  });
}

async function scanAll(ddb: DdbContext, limit: number | undefined, out: Output): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await ddb.doc.send(
      new ScanCommand({ TableName: ddb.tableName, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
    if (start) out.progress(`scanned ${items.length} items…`);
  } while (start && (limit === undefined || items.length < limit));
  return limit === undefined ? items : items.slice(0, limit);
}

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
