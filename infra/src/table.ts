import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { type DeploymentConfig, removalPolicy } from './config';

/** The GSI of the original's data model: a group's two rows, by `message_group_uuid`. */
export const GROUP_INDEX_NAME = 'message-group-sk-index';

/**
 * The item `createTable` of @cruddur/ddb writes into every table it creates (`markNoLegacyPairs`):
 * this table was made by this project, so no pair of users can have a conversation from the
 * original code without a pair guard, and starting a conversation skips the search for one.
 * Without it the app treats the table as an original's and pays for that search every time.
 * (A test compares this with what @cruddur/ddb writes.)
 */
export const NEW_TABLE_MARKER = {
  pk: { S: 'META#cruddur' },
  sk: { S: 'SCHEMA' },
  schema_version: { N: '2' },
  legacy_pairs: { BOOL: false },
} as const;

/**
 * The single messages table exactly as the spec (and `tableDefinition` of @cruddur/ddb) defines
 * it: `pk`/`sk` strings, the GSI, a NEW_AND_OLD_IMAGES stream for pattern E, on-demand billing.
 */
export class MessagesTable extends Construct {
  readonly table: dynamodb.Table;
  readonly indexArn: string;
  readonly streamArn: string;

  constructor(scope: Construct, id: string, props: { config: DeploymentConfig }) {
    super(scope, id);
    const { config } = props;
    this.table = new dynamodb.Table(this, 'Table', {
      tableName: config.tableName,
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: config.protectData,
      removalPolicy: removalPolicy(config),
    });
    this.table.addGlobalSecondaryIndex({
      indexName: GROUP_INDEX_NAME,
      partitionKey: { name: 'message_group_uuid', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
    this.indexArn = `${this.table.tableArn}/index/${GROUP_INDEX_NAME}`;
    const streamArn = this.table.tableStreamArn;
    if (!streamArn) throw new Error('table: the stream is not enabled');
    this.streamArn = streamArn;

    // Written once, when the table is created; never again (an update or delete does nothing), and
    // never over an existing item.
    new cr.AwsCustomResource(this, 'NewTableMarker', {
      onCreate: {
        service: 'DynamoDB',
        action: 'putItem',
        parameters: {
          TableName: this.table.tableName,
          Item: NEW_TABLE_MARKER,
          ConditionExpression: 'attribute_not_exists(pk)',
        },
        physicalResourceId: cr.PhysicalResourceId.of(`${config.tableName}-new-table-marker`),
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: [this.table.tableArn] }),
      installLatestAwsSdk: false,
    });
  }
}
