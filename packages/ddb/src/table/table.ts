import {
  UpdateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  waitUntilTableExists,
  waitUntilTableNotExists,
  CreateTableCommand,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type DdbContext } from '../context';
import { MESSAGE_GROUP_INDEX, META_KEY } from '../model/keys';

export interface TableOptions {
  /** Provisioned capacity instead of on-demand billing; the GSI gets the same figures. */
  provisioned?: { readCapacityUnits: number; writeCapacityUnits: number };
}

// A new table is usually ACTIVE within seconds: poll often rather than the waiters' default 20 s.
const WAITER = { maxWaitTime: 300, minDelay: 1, maxDelay: 5 };

/** The table exactly as the original defined it, plus streams for pattern E. */
export function tableDefinition(
  tableName: string,
  options: TableOptions = {},
): CreateTableCommandInput {
  const throughput = options.provisioned && {
    ReadCapacityUnits: options.provisioned.readCapacityUnits,
    WriteCapacityUnits: options.provisioned.writeCapacityUnits,
  };
  return {
    TableName: tableName,
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'message_group_uuid', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: MESSAGE_GROUP_INDEX,
        KeySchema: [
          { AttributeName: 'message_group_uuid', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
        ...(throughput && { ProvisionedThroughput: throughput }),
      },
    ],
    // The worker needs the inserted item; the old image lets a consumer see what a REMOVE removed.
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    ...(throughput
      ? { BillingMode: 'PROVISIONED', ProvisionedThroughput: throughput }
      : { BillingMode: 'PAY_PER_REQUEST' }),
  };
}

/** Creates the context's table, waits until it is ACTIVE, and marks it as this project's own. */
export async function createTable(ctx: DdbContext, options: TableOptions = {}): Promise<void> {
  await ctx.client.send(new CreateTableCommand(tableDefinition(ctx.tableName, options)));
  await waitUntilTableExists({ client: ctx.client, ...WAITER }, { TableName: ctx.tableName });
  await markNoLegacyPairs(ctx);
}

/**
 * Records that every pair of users with a conversation has its pair guard: true of a table this
 * project created, and of one `pnpm ddb migrate` has finished. New conversations then skip the
 * search for a legacy one.
 */
export async function markNoLegacyPairs(ctx: DdbContext): Promise<void> {
  await ctx.doc.send(
    new PutCommand({
      TableName: ctx.tableName,
      Item: { ...META_KEY, schema_version: 2, legacy_pairs: false },
    }),
  );
}

/** What pattern E needs of a table's stream: the inserted item (NEW_IMAGE or NEW_AND_OLD_IMAGES). */
const USABLE_STREAMS = new Set(['NEW_IMAGE', 'NEW_AND_OLD_IMAGES']);

export type StreamChange = 'already-enabled' | 'enabled' | 'view-type-changed';

/**
 * Turns on the table's stream with the view pattern E needs, for a table created without one
 * (the original's `schema-load` made none). A stream of another view type is replaced, which
 * DynamoDB only allows by turning it off first.
 */
export async function enableStream(ctx: DdbContext): Promise<StreamChange> {
  const { Table } = await ctx.client.send(new DescribeTableCommand({ TableName: ctx.tableName }));
  const spec = Table?.StreamSpecification;
  if (spec?.StreamEnabled && USABLE_STREAMS.has(spec.StreamViewType ?? ''))
    return 'already-enabled';
  const update = async (StreamSpecification: {
    StreamEnabled: boolean;
    StreamViewType?: 'NEW_AND_OLD_IMAGES';
  }) => {
    await ctx.client.send(
      new UpdateTableCommand({ TableName: ctx.tableName, StreamSpecification }),
    );
    await waitUntilTableExists({ client: ctx.client, ...WAITER }, { TableName: ctx.tableName });
  };
  if (spec?.StreamEnabled) await update({ StreamEnabled: false });
  await update({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  return spec?.StreamEnabled ? 'view-type-changed' : 'enabled';
}

export async function tableExists(ctx: DdbContext, tableName = ctx.tableName): Promise<boolean> {
  try {
    await ctx.client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}

/** Deletes a table (the context's unless named) and waits until it is gone. */
export async function dropTable(ctx: DdbContext, tableName = ctx.tableName): Promise<void> {
  await ctx.client.send(new DeleteTableCommand({ TableName: tableName }));
  await waitUntilTableNotExists({ client: ctx.client, ...WAITER }, { TableName: tableName });
}
