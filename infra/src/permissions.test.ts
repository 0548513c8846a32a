import { type IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import {
  FUNCTION_LOG_ACTIONS,
  FUNCTION_VPC_ACTIONS,
  type Program,
  programActions,
  PROGRAM_PERMISSIONS,
} from './permissions';
import { type CruddurStack } from './stack';
import { logicalIdOf, roleActions, roleStatements, synth } from './testing/synth';

const ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
];

describe('the permissions module', () => {
  it('gives each program exactly the actions it uses', () => {
    expect(PROGRAM_PERMISSIONS).toEqual({
      api: {
        tableAndIndex: ITEM_ACTIONS,
        table: ['dynamodb:DescribeTable'],
        databaseSecret: ['secretsmanager:GetSecretValue'],
        userPool: ['cognito-idp:AdminGetUser'],
      },
      streamWorker: {
        tableAndIndex: ITEM_ACTIONS,
        stream: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        anyStream: ['dynamodb:ListStreams'],
        failureQueue: ['sqs:SendMessage'],
        databaseSecret: ['secretsmanager:GetSecretValue'],
      },
      postConfirmation: { databaseSecret: ['secretsmanager:GetSecretValue'] },
      preSignUp: { databaseSecret: ['secretsmanager:GetSecretValue'] },
    });
  });
});

/** The roles the app's programs run with, and what they are allowed besides their program's. */
function roles(stack: CruddurStack, inVpc: boolean) {
  const functionExtras = [...FUNCTION_LOG_ACTIONS, ...(inVpc ? FUNCTION_VPC_ACTIONS : [])];
  return {
    'API function': { role: stack.api.function.role, program: 'api', extras: functionExtras },
    'live API task': { role: stack.live.taskRole, program: 'api', extras: [] },
    'stream worker': {
      role: stack.worker.function.role,
      program: 'streamWorker',
      extras: functionExtras,
    },
    'PostConfirmation trigger': {
      role: stack.identity.postConfirmation.role,
      program: 'postConfirmation',
      extras: functionExtras,
    },
    'PreSignUp trigger': {
      role: stack.identity.preSignUp.role,
      program: 'preSignUp',
      extras: functionExtras,
    },
  } satisfies Record<string, { role: IConstruct; program: Program; extras: readonly string[] }>;
}

describe.each([
  ['external', false],
  ['rds', true],
] as const)('the synthesised roles (database: %s)', (database, inVpc) => {
  const { stack, template } = synth({ database });
  const table = logicalIdOf(stack, stack.table.table);
  const resources = (role: IConstruct) => {
    const byAction: Record<string, unknown[]> = {};
    for (const statement of roleStatements(template, logicalIdOf(stack, role))) {
      expect(statement.Effect).toBe('Allow');
      for (const action of [statement.Action].flat()) {
        byAction[action] = [...(byAction[action] ?? []), ...[statement.Resource].flat()];
      }
    }
    return byAction;
  };

  it.each(Object.entries(roles(stack, inVpc)))(
    'the %s role allows exactly its program actions, and its logs',
    (_, { role, program, extras }) => {
      expect(roleActions(template, logicalIdOf(stack, role))).toEqual(
        [...programActions(program), ...extras].sort(),
      );
    },
  );

  it('names the resources: the table and its index, the stream, the queue, the secret, the pool', () => {
    const tableArn = { 'Fn::GetAtt': [table, 'Arn'] };
    const indexArn = {
      'Fn::Join': ['', [tableArn, '/index/message-group-sk-index']],
    };
    const secret = { Ref: logicalIdOf(stack, stack.database.urlSecret) };
    const api = resources(stack.api.function.role);
    for (const action of ITEM_ACTIONS) expect(api[action]).toEqual([tableArn, indexArn]);
    expect(api['dynamodb:DescribeTable']).toEqual([tableArn]);
    expect(api['secretsmanager:GetSecretValue']).toEqual([secret]);
    expect(api['cognito-idp:AdminGetUser']).toEqual([
      { 'Fn::GetAtt': [logicalIdOf(stack, stack.identity.userPool), 'Arn'] },
    ]);
    const apiProgram = Object.fromEntries(
      programActions('api').map((action) => [action, api[action]]),
    );
    expect(resources(stack.live.taskRole)).toEqual(apiProgram);

    const worker = resources(stack.worker.function.role);
    for (const action of [
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
    ]) {
      expect(worker[action]).toEqual([{ 'Fn::GetAtt': [table, 'StreamArn'] }]);
    }
    expect(worker['dynamodb:ListStreams']).toEqual(['*']);
    expect(worker['sqs:SendMessage']).toEqual([
      { 'Fn::GetAtt': [logicalIdOf(stack, stack.worker.failures), 'Arn'] },
    ]);
    expect(worker['secretsmanager:GetSecretValue']).toEqual([secret]);
  });

  it('lets ECS, and nothing else of the live task, read the secret to inject DATABASE_URL', () => {
    const executionRole = stack.live.service.taskDefinition.executionRole!;
    expect(resources(executionRole)['secretsmanager:GetSecretValue']).toEqual([
      { Ref: logicalIdOf(stack, stack.database.urlSecret) },
    ]);
  });
});
