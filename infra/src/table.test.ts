import {
  type DdbContext,
  markNoLegacyPairs,
  MESSAGE_GROUP_INDEX,
  tableDefinition,
} from '@cruddur/ddb';
import { describe, expect, it } from 'vitest';
import { GROUP_INDEX_NAME, NEW_TABLE_MARKER } from './table';
import { logicalIdOf, resourcesOf, synth } from './testing/synth';

const tableOf = (stage: 'dev' | 'prod') => {
  const [table] = Object.values(resourcesOf(synth({ stage }).template, 'AWS::DynamoDB::Table'));
  if (!table) throw new Error('no table');
  return table;
};

describe('the messages table', () => {
  it('has the keys, GSI, stream and billing of the spec (and of @cruddur/ddb)', () => {
    const { Properties } = tableOf('dev');
    const spec = tableDefinition('cruddur-messages-dev');
    expect(Properties).toMatchObject({
      TableName: 'cruddur-messages-dev',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      GlobalSecondaryIndexes: [
        {
          IndexName: 'message-group-sk-index',
          KeySchema: [
            { AttributeName: 'message_group_uuid', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
    // The same definition the local stack and `pnpm ddb schema-load` create.
    expect(GROUP_INDEX_NAME).toBe(MESSAGE_GROUP_INDEX);
    expect(Properties.KeySchema).toEqual(spec.KeySchema);
    expect(new Set(Properties.AttributeDefinitions as unknown[])).toEqual(
      new Set(spec.AttributeDefinitions),
    );
    expect(Properties.GlobalSecondaryIndexes).toEqual(
      spec.GlobalSecondaryIndexes?.map(({ IndexName, KeySchema, Projection }) => ({
        IndexName,
        KeySchema,
        Projection,
      })),
    );
    expect(Properties.StreamSpecification).toEqual({
      StreamViewType: spec.StreamSpecification?.StreamViewType,
    });
  });

  it('can be deleted in dev, and is protected and retained in prod', () => {
    const dev = tableOf('dev');
    expect(dev.Properties.DeletionProtectionEnabled).toBe(false);
    expect(dev.DeletionPolicy).toBe('Delete');

    const prod = tableOf('prod');
    expect(prod.Properties).toMatchObject({
      TableName: 'cruddur-messages-prod',
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    expect(prod.DeletionPolicy).toBe('Retain');
    expect(prod.UpdateReplacePolicy).toBe('Retain');
  });

  it('receives, once, the marker item createTable writes, so the app treats it as its own', async () => {
    let written: Record<string, unknown> | undefined;
    const capture = {
      tableName: 't',
      doc: {
        send: async (command: { input: { Item: Record<string, unknown> } }) =>
          (written = command.input.Item),
      },
    } as unknown as DdbContext;
    await markNoLegacyPairs(capture);
    const plain = Object.fromEntries(
      Object.entries(NEW_TABLE_MARKER).map(([name, value]) => [
        name,
        'S' in value ? value.S : 'N' in value ? Number(value.N) : value.BOOL,
      ]),
    );
    expect(plain).toEqual(written);

    const { stack, template } = synth();
    const [marker] = Object.values(resourcesOf(template, 'Custom::AWS'));
    // The call is JSON with the table's name spliced in by CloudFormation (Fn::Join of a Ref).
    const [, parts] = (marker?.Properties.Create as { 'Fn::Join': [string, unknown[]] })[
      'Fn::Join'
    ];
    const refs = parts.filter((part) => typeof part !== 'string');
    expect(refs).toEqual([{ Ref: logicalIdOf(stack, stack.table.table) }]);
    const call: unknown = JSON.parse(
      parts.map((part) => (typeof part === 'string' ? part : 'TABLE')).join(''),
    );
    expect(call).toMatchObject({
      service: 'DynamoDB',
      action: 'putItem',
      parameters: {
        TableName: 'TABLE',
        Item: NEW_TABLE_MARKER,
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
    expect(marker?.Properties).not.toHaveProperty('Update');
    expect(marker?.Properties).not.toHaveProperty('Delete');
  });
});
