import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { dynamoEnv, loadConfig } from '@cruddur/config';
import { uniqueName } from '@cruddur/devstack';
import { afterAll, describe, expect, it } from 'vitest';
import { createDdbContext } from '../context';
import { createTable, dropTable, tableDefinition, tableExists } from './table';

describe('tableDefinition', () => {
  it('is the original table: pk/sk strings, the GSI with projection ALL, streams, on-demand', () => {
    const def = tableDefinition('cruddur-messages');
    expect(def.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(def.AttributeDefinitions).toContainEqual({
      AttributeName: 'message_group_uuid',
      AttributeType: 'S',
    });
    expect(def.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: 'message-group-sk-index',
        KeySchema: [
          { AttributeName: 'message_group_uuid', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
    expect(def.StreamSpecification?.StreamEnabled).toBe(true);
    expect(def.BillingMode).toBe('PAY_PER_REQUEST');
    expect(def.ProvisionedThroughput).toBeUndefined();
  });

  it('gives the table and the GSI the same provisioned capacity when asked', () => {
    const def = tableDefinition('t', {
      provisioned: { readCapacityUnits: 5, writeCapacityUnits: 3 },
    });
    expect(def.BillingMode).toBe('PROVISIONED');
    expect(def.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 5, WriteCapacityUnits: 3 });
    expect(def.GlobalSecondaryIndexes?.[0]?.ProvisionedThroughput).toEqual({
      ReadCapacityUnits: 5,
      WriteCapacityUnits: 3,
    });
  });
});

describe('createTable / tableExists / dropTable', () => {
  const ctx = createDdbContext(
    loadConfig('ddb-test', dynamoEnv, { ...process.env, DDB_TABLE_NAME: uniqueName('table') }),
  );
  afterAll(() => ctx.client.destroy());

  it('creates an ACTIVE table with its index and stream, then drops it', async () => {
    expect(await tableExists(ctx)).toBe(false);
    await createTable(ctx, { provisioned: { readCapacityUnits: 2, writeCapacityUnits: 2 } });
    expect(await tableExists(ctx)).toBe(true);
    const { Table } = await ctx.client.send(new DescribeTableCommand({ TableName: ctx.tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.GlobalSecondaryIndexes?.[0]?.IndexName).toBe('message-group-sk-index');
    expect(Table?.GlobalSecondaryIndexes?.[0]?.Projection?.ProjectionType).toBe('ALL');
    expect(Table?.StreamSpecification?.StreamEnabled).toBe(true);
    expect(Table?.LatestStreamArn).toBeTruthy();
    expect(Table?.ProvisionedThroughput?.ReadCapacityUnits).toBe(2);

    await dropTable(ctx);
    expect(await tableExists(ctx)).toBe(false);
  });
});
