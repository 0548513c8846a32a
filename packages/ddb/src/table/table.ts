import {
  DeleteTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  waitUntilTableExists,
  waitUntilTableNotExists,
  CreateTableCommand,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { type DdbContext } from '../context';
import { MESSAGE_GROUP_INDEX } from '../model/keys';

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

/** Creates the context's table and waits until it is ACTIVE. */
export async function createTable(ctx: DdbContext, options: TableOptions = {}): Promise<void> {
  await ctx.client.send(new CreateTableCommand(tableDefinition(ctx.tableName, options)));
  await waitUntilTableExists({ client: ctx.client, ...WAITER }, { TableName: ctx.tableName });
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
