import { dynamoEnv, LOG_LEVELS } from '@cruddur/config';
import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type Node } from 'constructs';

export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Where PostgreSQL lives: `external` is any server the operator already has (its DATABASE_URL goes
 * into the secret the stack creates); `rds` makes the stack create an RDS instance in its VPC.
 */
export const DATABASE_MODES = ['external', 'rds'] as const;
export type DatabaseMode = (typeof DATABASE_MODES)[number];

type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything one deployment of the app varies on, read from CDK context (`-c key=value`). */
export interface DeploymentConfig {
  readonly stage: Stage;
  readonly tableName: string;
  readonly database: DatabaseMode;
  /** Fargate tasks serving the live streams; 0 parks the service (see the deploy checklist). */
  readonly liveTasks: number;
  readonly logLevel: LogLevel;
  /** prod keeps its data when a resource leaves the stack and refuses accidental deletes. */
  readonly protectData: boolean;
}

type ContextKey = 'stage' | 'tableName' | 'database' | 'liveTasks' | 'logLevel';

function oneOf<T extends string>(key: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new Error(`-c ${key}=${String(value)}: must be one of ${allowed.join(', ')}`);
}

function wholeNumber(key: string, value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (Number.isInteger(n) && n >= 0 && n <= 20) return n;
  throw new Error(`-c ${key}=${String(value)}: must be a whole number from 0 to 20`);
}

/** Reads and checks the context; a bad value stops synth with a message naming the key. */
export function readDeploymentConfig(node: Node): DeploymentConfig {
  const context = (key: ContextKey): unknown => node.tryGetContext(key);
  const stage = oneOf('stage', context('stage') ?? 'dev', STAGES);
  const tableName = context('tableName') ?? `cruddur-messages-${stage}`;
  if (typeof tableName !== 'string') throw new Error('-c tableName: must be a name');
  // The rule the programs apply to DDB_TABLE_NAME, so a bad name fails at synth, not at run time.
  const nameCheck = dynamoEnv.shape.DDB_TABLE_NAME.safeParse(tableName);
  if (!nameCheck.success) {
    throw new Error(`-c tableName=${tableName}: ${nameCheck.error.issues[0]?.message}`);
  }
  return {
    stage,
    tableName,
    database: oneOf('database', context('database') ?? 'external', DATABASE_MODES),
    liveTasks: wholeNumber('liveTasks', context('liveTasks') ?? (stage === 'prod' ? 2 : 1)),
    logLevel: oneOf('logLevel', context('logLevel') ?? 'info', LOG_LEVELS),
    protectData: stage === 'prod',
  };
}

export function removalPolicy(config: DeploymentConfig): RemovalPolicy {
  return config.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
}

export function logRetention(config: DeploymentConfig): RetentionDays {
  return config.protectData ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_WEEK;
}
