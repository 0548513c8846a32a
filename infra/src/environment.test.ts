import { type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
// The programs' own schemas. The API exports apiEnv, but importing the app config modules
// directly keeps the router and its dependencies out of this test.
import { apiEnv } from '../../apps/api/src/config';
import { triggerEnv } from '../../apps/api/src/triggers/config';
import { handlerEnv } from '../../apps/stream-worker/src/config';
import { logicalIdOf, resourcesOf, synth } from './testing/synth';

interface EnvSchema {
  shape: Record<string, { safeParse(value: unknown): { success: boolean } }>;
}

/**
 * What a program cannot start without: the keys of its schema that accept no `undefined` (no
 * default, not optional), minus AWS_REGION (set by Lambda and ECS), minus DATABASE_URL when the
 * program is given the secret it reads DATABASE_URL from.
 */
function requiredVariables(schema: EnvSchema, given: Record<string, unknown>): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([name]) => name)
    .filter((name) => name !== 'AWS_REGION')
    .filter((name) => !(name === 'DATABASE_URL' && 'DATABASE_URL_SECRET_ARN' in given));
}

type Variables = Record<string, unknown>;

function functionEnvironment(template: Template, handler: string): Variables {
  const found = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).find(
    ({ Properties }) => Properties.Handler === handler,
  );
  return (found?.Properties.Environment as { Variables: Variables }).Variables;
}

interface ContainerDefinition {
  Environment: { Name: string; Value: unknown }[];
  Secrets: { Name: string; ValueFrom: unknown }[];
}

describe('the environment each program starts with', () => {
  const { stack, template } = synth();
  const ref = (construct: Parameters<typeof logicalIdOf>[1]) => ({
    Ref: logicalIdOf(stack, construct),
  });
  const stores = {
    DDB_TABLE_NAME: ref(stack.table.table),
    DATABASE_URL_SECRET_ARN: ref(stack.database.urlSecret),
    LOG_LEVEL: 'info',
  };
  const identity = {
    COGNITO_USER_POOL_ID: ref(stack.identity.userPool),
    COGNITO_CLIENT_ID: ref(stack.identity.client),
  };
  const lambdaRuntime = {
    NODE_OPTIONS: '--enable-source-maps',
    NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
  };

  const [taskDefinition] = Object.values(resourcesOf(template, 'AWS::ECS::TaskDefinition'));
  const [container] = taskDefinition?.Properties.ContainerDefinitions as ContainerDefinition[];
  const containerEnvironment = Object.fromEntries(
    container!.Environment.map(({ Name, Value }) => [Name, Value]),
  );

  const programs = {
    'the API function': {
      variables: functionEnvironment(template, 'lambda.handler'),
      schema: apiEnv,
      expected: { ...stores, ...identity, ...lambdaRuntime },
    },
    'the stream worker': {
      variables: functionEnvironment(template, 'handler.handler'),
      schema: handlerEnv,
      expected: { ...stores, ...lambdaRuntime },
    },
    'the PostConfirmation trigger': {
      variables: functionEnvironment(template, 'post-confirmation.handler'),
      schema: triggerEnv,
      expected: { DATABASE_URL_SECRET_ARN: stores.DATABASE_URL_SECRET_ARN, ...lambdaRuntime },
    },
    'the PreSignUp trigger': {
      variables: functionEnvironment(template, 'pre-sign-up.handler'),
      schema: triggerEnv,
      expected: { DATABASE_URL_SECRET_ARN: stores.DATABASE_URL_SECRET_ARN, ...lambdaRuntime },
    },
    'the live API container': {
      variables: { ...containerEnvironment, DATABASE_URL: '(an ECS secret)' },
      schema: apiEnv,
      expected: {
        ...stores,
        ...identity,
        PORT: '4000',
        BIND_HOST: '0.0.0.0',
        NODE_OPTIONS: '--enable-source-maps',
        DATABASE_URL: '(an ECS secret)',
      },
    },
  };

  it.each(Object.entries(programs))('%s gets every variable its schema requires', (_, program) => {
    const required = requiredVariables(program.schema, program.variables);
    expect(Object.keys(program.variables)).toEqual(expect.arrayContaining(required));
  });

  it.each(Object.entries(programs))('%s gets exactly the variables it should', (_, program) => {
    expect(program.variables).toEqual(program.expected);
  });

  it('the schemas really do require something (the rule is not vacuous)', () => {
    expect(requiredVariables(apiEnv, {})).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'COGNITO_USER_POOL_ID', 'COGNITO_CLIENT_ID']),
    );
  });

  it('the container reads DATABASE_URL itself from the secret, through ECS', () => {
    expect(container!.Secrets).toEqual([
      { Name: 'DATABASE_URL', ValueFrom: ref(stack.database.urlSecret) },
    ]);
  });

  it('no program is given AWS_REGION (Lambda reserves it) or an endpoint variable', () => {
    for (const { variables } of Object.values(programs)) {
      expect(Object.keys(variables).filter((name) => /^AWS_/.test(name))).toEqual([]);
    }
  });
});
