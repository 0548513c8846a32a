import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  awsCredentials,
  dynamoEnv,
  loadConfig,
  type AwsCredentialsEnv,
  type DynamoEnv,
} from '@cruddur/config';

/** Something in the table this package could not use as it is (an unreadable item, a missing row). */
export interface DataProblem {
  key: string;
  problem: string;
}

/** What every operation of this package needs; the API, worker, CLI and benchmarks share one per process. */
export interface DdbContext {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** Where data problems are reported (the API and the worker log them with the item's key). */
  report: (problem: DataProblem) => void;
}

export type DdbEnv = Pick<DynamoEnv, 'AWS_REGION' | 'DDB_TABLE_NAME'> &
  Partial<Pick<DynamoEnv, 'AWS_ENDPOINT_URL_DYNAMODB'>> &
  AwsCredentialsEnv;

export interface DdbOptions {
  report?: (problem: DataProblem) => void;
}

const warnOnStderr = ({ key, problem }: DataProblem) =>
  process.stderr.write(`ddb: ${key}: ${problem}\n`);

/**
 * Throttling and transient server errors are retried by the SDK's standard retry strategy (jittered
 * exponential backoff); a few more attempts than its default of 3 ride out a burst on an
 * on-demand table that is still scaling. Without `env`, the process environment is validated.
 */
export function createDdbContext(
  env: DdbEnv = loadConfig('ddb', dynamoEnv),
  options: DdbOptions = {},
): DdbContext {
  const client = new DynamoDBClient({
    region: env.AWS_REGION,
    endpoint: env.AWS_ENDPOINT_URL_DYNAMODB,
    ...awsCredentials(env),
    retryMode: 'standard',
    maxAttempts: 6,
  });
  return {
    client,
    doc: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
    tableName: env.DDB_TABLE_NAME,
    report: options.report ?? warnOnStderr,
  };
}
