import { PolicyStatement } from 'aws-cdk-lib/aws-iam';

/**
 * Every permission a program of the app holds, in one place, as exact action lists: what each
 * program does with each resource, and nothing it does not do. The construct files only say which
 * resources these are; the tests compare the synthesised roles with these lists.
 *
 * The table actions are item-level on purpose: `TransactWriteItems` is authorised per item action
 * (Put, Update, Delete, ConditionCheck), so no `Transact*`, `Batch*` or `Scan` is needed.
 */
const TABLE_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
] as const;

const READ_DATABASE_URL = ['secretsmanager:GetSecretValue'] as const;

/** Which resource a group of actions applies to; `ProtectedResources` supplies the ARNs. */
type ResourceKind =
  | 'tableAndIndex'
  | 'table'
  | 'stream'
  | 'anyStream'
  | 'failureQueue'
  | 'databaseSecret'
  | 'userPool';

export const PROGRAM_PERMISSIONS = {
  /** The tRPC API, as a Lambda function and as the live-stream container alike. */
  api: {
    tableAndIndex: TABLE_ITEM_ACTIONS,
    // The health check's proof that the table exists.
    table: ['dynamodb:DescribeTable'],
    databaseSecret: READ_DATABASE_URL,
    // To refuse users disabled or deleted in Cognito while their access token is still valid.
    userPool: ['cognito-idp:AdminGetUser'],
  },
  /** Pattern E over the table's stream. */
  streamWorker: {
    tableAndIndex: TABLE_ITEM_ACTIONS,
    // What the event-source mapping reads the stream with, on the function's behalf.
    stream: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
    anyStream: ['dynamodb:ListStreams'],
    // Where the mapping sets aside what it gave up on; it sends with the function's role.
    failureQueue: ['sqs:SendMessage'],
    databaseSecret: READ_DATABASE_URL,
  },
  /** The Cognito PostConfirmation trigger: inserts the users row, nothing else. */
  postConfirmation: {
    databaseSecret: READ_DATABASE_URL,
  },
  /** The Cognito PreSignUp trigger: checks and holds the handle in PostgreSQL, nothing else. */
  preSignUp: {
    databaseSecret: READ_DATABASE_URL,
  },
} as const satisfies Record<string, Partial<Record<ResourceKind, readonly string[]>>>;

export type Program = keyof typeof PROGRAM_PERMISSIONS;

const permissionsOf = (program: Program) =>
  Object.entries(PROGRAM_PERMISSIONS[program]) as [ResourceKind, readonly string[]][];

/** Every action `program` is allowed, on whatever resource. */
export function programActions(program: Program): string[] {
  return permissionsOf(program).flatMap(([, actions]) => [...actions]);
}

/** The ARNs behind each resource kind; a program may only name the ones it was given. */
export interface ProtectedResources {
  readonly tableArn?: string;
  readonly indexArn?: string;
  readonly streamArn?: string;
  readonly failureQueueArn?: string;
  readonly databaseSecretArn?: string;
  readonly userPoolArn?: string;
}

function arnsOf(kind: ResourceKind, resources: ProtectedResources): string[] {
  const arns: Record<ResourceKind, (string | undefined)[]> = {
    tableAndIndex: [resources.tableArn, resources.indexArn],
    table: [resources.tableArn],
    stream: [resources.streamArn],
    // ListStreams has no resource-level permissions: it takes `*` or nothing.
    anyStream: ['*'],
    failureQueue: [resources.failureQueueArn],
    databaseSecret: [resources.databaseSecretArn],
    userPool: [resources.userPoolArn],
  };
  const found = arns[kind];
  if (found.some((arn) => arn === undefined)) {
    throw new Error(`permissions: no ARN was given for the ${kind} a program needs`);
  }
  return found as string[];
}

/** The policy statements of one program's role, one per resource kind it uses. */
export function programStatements(
  program: Program,
  resources: ProtectedResources,
): PolicyStatement[] {
  return permissionsOf(program).map(
    ([kind, actions]) =>
      new PolicyStatement({ actions: [...actions], resources: arnsOf(kind, resources) }),
  );
}

/**
 * What every Lambda function of the app needs besides its program's permissions: to write its
 * logs, into its own log group only (created by the stack, so no `logs:CreateLogGroup`).
 */
export const FUNCTION_LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'] as const;

/**
 * And, for a function attached to the VPC, what Lambda needs to manage its network interfaces.
 * These EC2 actions support no resource-level restriction, hence `*` (as in the AWS managed
 * AWSLambdaVPCAccessExecutionRole policy, which lists the same actions).
 */
export const FUNCTION_VPC_ACTIONS = [
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
] as const;

export function functionPlatformStatements(logGroupArn: string, inVpc: boolean): PolicyStatement[] {
  return [
    new PolicyStatement({ actions: [...FUNCTION_LOG_ACTIONS], resources: [logGroupArn] }),
    ...(inVpc
      ? [new PolicyStatement({ actions: [...FUNCTION_VPC_ACTIONS], resources: ['*'] })]
      : []),
  ];
}
