import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type DeploymentConfig } from './config';
import { type Database } from './database';
import { workerEnvironment } from './environment';
import { BundledFunction, type FunctionPlacement } from './functions';
import { acknowledge } from './nag';
import { programStatements } from './permissions';
import { type MessagesTable } from './table';

/**
 * The event-source mapping, as the README explains setting by setting. The worker coalesces the
 * messages of one conversation within a batch into one update, and a shard only ever has one batch
 * in flight: while a batch runs, the next one fills, so under load batches grow by themselves
 * (up to 100) and cost less per message, while a quiet table gets each message at once.
 */
const STREAM_MAPPING = {
  startingPosition: lambda.StartingPosition.TRIM_HORIZON,
  batchSize: 100,
  maxBatchingWindow: Duration.seconds(0),
  reportBatchItemFailures: true,
  bisectBatchOnError: true,
  retryAttempts: 5,
  maxRecordAge: Duration.hours(6),
  parallelizationFactor: 1,
} as const;

export interface StreamWorkerProps {
  readonly config: DeploymentConfig;
  readonly distDir: string;
  readonly table: MessagesTable;
  readonly database: Database;
  readonly placement?: FunctionPlacement;
}

/** Pattern E on AWS: apps/stream-worker's Lambda handler behind the table's stream. */
export class StreamWorker extends Construct {
  readonly function: BundledFunction;
  /** What the mapping set aside: shard, sequence-number range and reason, to replay by hand. */
  readonly failures: sqs.Queue;

  constructor(scope: Construct, id: string, props: StreamWorkerProps) {
    super(scope, id);
    const { config, table, database } = props;

    // The failure records are small JSON documents read by people: 14 days (SQS's maximum) to look
    // at them, though a replay must happen within the stream's own 24 hours. A message that
    // whatever reads this queue fails on five times moves to the queue's own dead-letter queue.
    const failuresDeadLetters = new sqs.Queue(this, 'FailuresDeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.failures = new sqs.Queue(this, 'Failures', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      deadLetterQueue: { queue: failuresDeadLetters, maxReceiveCount: 5 },
    });

    this.function = new BundledFunction(this, 'Worker', {
      config,
      description: 'Cruddur Messages stream worker (pattern E)',
      distDir: props.distDir,
      bundle: 'handler.mjs',
      // I/O bound (DynamoDB transactions, PostgreSQL NOTIFY), and a batch of 100 small records
      // adds little to Node's own ~70 MB; 256 MB rather than 128 for the CPU share (Lambda gives
      // CPU in proportion to memory) that keeps a cold start, parsing the 1 MB bundle, short.
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: workerEnvironment({ config, table, database }),
      statements: programStatements('streamWorker', {
        tableArn: table.table.tableArn,
        indexArn: table.indexArn,
        streamArn: table.streamArn,
        failureQueueArn: this.failures.queueArn,
        databaseSecretArn: database.urlSecret.secretArn,
      }),
      placement: props.placement,
    });
    const worker = this.function;
    acknowledge(worker.role, {
      'IAM5[Resource::*]':
        'dynamodb:ListStreams (for the event-source mapping) supports no resource-level ' +
        'permissions; it lists stream ARNs, no data. Every other action names its resource.',
    });
    database.allowConnectionsFrom(worker.function);

    // Not `DynamoEventSource` + `SqsDlq`: those grant permissions of their own (more SQS actions
    // than sending) beside the ones permissions.ts defines.
    const onFailure: lambda.IEventSourceDlq = {
      bind: () => ({ destination: this.failures.queueArn }),
    };
    new lambda.EventSourceMapping(this, 'Stream', {
      target: worker.function,
      eventSourceArn: table.streamArn,
      ...STREAM_MAPPING,
      onFailure,
    });

    // Anything in the queue is a conversation list that may be stale: worth a look within the day.
    new cloudwatch.Alarm(this, 'RecordsSetAside', {
      alarmDescription:
        'Stream records were set aside in the failures queue: see "Records set aside" in infra/README.md',
      metric: this.failures.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
      }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
