import { type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Capacity in AWS's units: read and write capacity units (the same as on-demand request units). */
export interface Capacity {
  read: number;
  write: number;
}

type Item = Record<string, AttributeValue>;

/** An item's size as DynamoDB bills it: names and values in bytes (see the developer guide). */
export function billedSize(item: Item): number {
  let size = 0;
  for (const [name, value] of Object.entries(item))
    size += Buffer.byteLength(name) + valueSize(value);
  return size;
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/[-.]/g, '').length / 2) + 1;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS) return value.SS.reduce((n, s) => n + Buffer.byteLength(s), 0);
  if (value.L) return 3 + value.L.reduce((n, v) => n + 1 + valueSize(v), 0);
  if (value.M) return 3 + billedSize(value.M) + Object.keys(value.M).length;
  return 1;
}

const READ_UNIT = 4096;

/** A read: the bytes returned rounded up to 4 KB (at least one unit), half for eventual consistency. */
function readUnits(bytes: number, consistent: boolean, transactional = false): number {
  const units = Math.max(1, Math.ceil(bytes / READ_UNIT));
  return units * (transactional ? 2 : consistent ? 1 : 0.5);
}

interface Consumed {
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

const tableAndIndexes = (c: Consumed | Consumed[] | undefined) => {
  let table = 0;
  let indexes = 0;
  for (const entry of [c ?? []].flat()) {
    table += entry.Table?.CapacityUnits ?? entry.CapacityUnits ?? 0;
    for (const index of Object.values(entry.GlobalSecondaryIndexes ?? {}))
      indexes += index.CapacityUnits ?? 0;
  }
  return { table, indexes };
};

const WRITE_UNIT = 1024;
const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / WRITE_UNIT));
// Only group rows are in the GSI (they alone carry message_group_uuid).
const inIndex = (key: Item | undefined) => key?.pk?.S?.startsWith('GRP#') === true;

/**
 * A transaction on AWS's rules: every item twice (prepare and commit), per started kilobyte; a
 * write to a group row once more for the GSI. DynamoDB Local's own figure for transactions is
 * too low. The size of what a Delete removes is not in the request: the rows this project deletes
 * stay within one kilobyte (it shortens their preview), so a delete counts one unit.
 */
function transactionWrites(input: Record<string, unknown>): number {
  let units = 0;
  for (const action of (input.TransactItems as Record<string, { Item?: Item; Key?: Item }>[]) ??
    []) {
    const [kind, body] = Object.entries(action)[0] ?? [];
    const size = body?.Item ? writeUnits(billedSize(body.Item)) : 1;
    units += 2 * size;
    const key = body?.Item ?? body?.Key;
    if (kind !== 'ConditionCheck' && inIndex(key)) units += size;
  }
  return units;
}

/**
 * What one command cost, on AWS's published rules. DynamoDB Local reports single-item writes
 * correctly, with their GSI writes (`INDEXES`), and those are taken from its report; transactions
 * are computed (above); reads are computed from the bytes returned (a COUNT query, which returns
 * none, from its report).
 */
function commandCost(
  name: string,
  input: Record<string, unknown>,
  output: Record<string, unknown>,
): Capacity {
  const consumed = tableAndIndexes(output.ConsumedCapacity as Consumed | Consumed[] | undefined);
  switch (name) {
    case 'PutItem':
    case 'DeleteItem':
    case 'UpdateItem':
    case 'BatchWriteItem':
      return { read: 0, write: consumed.table + consumed.indexes };
    case 'TransactWriteItems':
      return { read: 0, write: transactionWrites(input) };
    case 'GetItem': {
      const item = output.Item as Item | undefined;
      return {
        read: readUnits(item ? billedSize(item) : 0, Boolean(input.ConsistentRead)),
        write: 0,
      };
    }
    case 'Query':
    case 'Scan': {
      const items = (output.Items as Item[] | undefined) ?? [];
      const bytes =
        input.Select === 'COUNT'
          ? consumed.table * READ_UNIT
          : items.reduce((n, item) => n + billedSize(item), 0);
      return { read: readUnits(bytes, Boolean(input.ConsistentRead)), write: 0 };
    }
    default:
      return { read: 0, write: 0 };
  }
}

const METERED = new Set([
  'PutItem',
  'DeleteItem',
  'UpdateItem',
  'BatchWriteItem',
  'TransactWriteItems',
  'GetItem',
  'Query',
  'Scan',
]);

export interface CapacityMeter {
  /** What the commands sent while `work` ran cost. */
  during(work: () => Promise<unknown>): Promise<Capacity>;
}

/**
 * Meters every command sent through `client`, so that the benchmark measures what the library
 * does without changing its API: the consumed capacity is asked for when the command starts, and
 * the cost computed from the raw response (the document client unmarshalls it only afterwards).
 */
export function meterCapacity(client: DynamoDBClient): CapacityMeter {
  let current: Capacity | undefined;
  client.middlewareStack.add(
    (next) => async (args) => {
      if (current) (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'INDEXES';
      return next(args);
    },
    { step: 'initialize', name: 'benchAskForCapacity' },
  );
  client.middlewareStack.add(
    (next) => async (args) => {
      const counting = current;
      const headers = (args.request as { headers?: Record<string, string> }).headers ?? {};
      const name = headers['x-amz-target']?.split('.').at(-1) ?? '';
      if (!counting || !METERED.has(name)) return next(args);
      try {
        const result = await next(args);
        const cost = commandCost(
          name,
          args.input as Record<string, unknown>,
          result.output as unknown as Record<string, unknown>,
        );
        counting.read += cost.read;
        counting.write += cost.write;
        return result;
      } catch (error) {
        // A refused conditional write is billed like the write it would have been.
        if ((error as Error).name === 'ConditionalCheckFailedException') counting.write += 1;
        throw error;
      }
    },
    // Outside the deserializer (high priority runs first), to see the parsed response.
    { step: 'deserialize', priority: 'high', name: 'benchCapacityMeter' },
  );
  return {
    during: async (work) => {
      if (current) throw new Error('one metered run at a time');
      const capacity = { read: 0, write: 0 };
      current = capacity;
      try {
        await work();
        return capacity;
      } finally {
        current = undefined;
      }
    },
  };
}
