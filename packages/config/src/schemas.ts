import { z } from 'zod';

const url = (what: string) => z.url({ message: `must be a URL (${what})` });

/**
 * Static credentials, when the environment record carries them. Programs are often handed a
 * record of their own (the local stack, test fixtures) rather than `process.env`, which is all the
 * SDK's provider chain reads; unset means that chain (profile, SSO, instance or Lambda role).
 */
const credentialVars = {
  AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
  AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AWS_SESSION_TOKEN: z.string().min(1).optional(),
};
export type AwsCredentialsEnv = Partial<
  Record<'AWS_ACCESS_KEY_ID' | 'AWS_SECRET_ACCESS_KEY' | 'AWS_SESSION_TOKEN', string>
>;

/** The `credentials` option of an SDK client for `env`: none (the provider chain) unless both keys are set. */
export function awsCredentials(
  env: AwsCredentialsEnv,
):
  | { credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } }
  | object {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (!accessKeyId || !secretAccessKey) return {};
  return { credentials: { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN } };
}

/** The endpoint variables are optional: unset means "the real AWS service for AWS_REGION". */
export const dynamoEnv = z.object({
  AWS_REGION: z
    .string({ message: 'is required (for example us-east-1)' })
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must look like us-east-1'),
  AWS_ENDPOINT_URL_DYNAMODB: url('DynamoDB endpoint, e.g. http://localhost:8000').optional(),
  AWS_ENDPOINT_URL_DYNAMODB_STREAMS: url('DynamoDB Streams endpoint').optional(),
  DDB_TABLE_NAME: z
    .string()
    .regex(/^[a-zA-Z0-9_.-]{3,255}$/, 'must be 3-255 characters of letters, digits, _ . -')
    .default('cruddur-messages'),
  ...credentialVars,
});
export type DynamoEnv = z.infer<typeof dynamoEnv>;

export const postgresEnv = z.object({
  DATABASE_URL: z
    .string({ message: 'is required (postgres://user:password@host:port/database)' })
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://'),
});
export type PostgresEnv = z.infer<typeof postgresEnv>;

/**
 * Where a Lambda function finds DATABASE_URL: the ARN of a Secrets Manager secret holding it (a
 * URL in plain environment variables would show in the console and the template). Read at cold
 * start by `resolveDatabaseUrl` of @cruddur/db; an explicit DATABASE_URL wins.
 */
export const databaseUrlSecretEnv = z.object({
  AWS_REGION: dynamoEnv.shape.AWS_REGION.optional(),
  DATABASE_URL_SECRET_ARN: z
    .string()
    .regex(
      /^arn:aws[\w-]*:secretsmanager:[\w-]+:\d{12}:secret:.+$/,
      'must be the ARN of a Secrets Manager secret (arn:aws:secretsmanager:<region>:<account>:secret:<name>)',
    )
    .optional(),
  AWS_ENDPOINT_URL_SECRETS_MANAGER: url('Secrets Manager endpoint').optional(),
  ...credentialVars,
});
export type DatabaseUrlSecretEnv = z.infer<typeof databaseUrlSecretEnv>;

export const cognitoEnv = z.object({
  AWS_REGION: dynamoEnv.shape.AWS_REGION,
  AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: url(
    'Cognito endpoint, e.g. http://localhost:9229',
  ).optional(),
  COGNITO_USER_POOL_ID: z
    .string({ message: 'is required (the user pool id, e.g. us-east-1_AbC123)' })
    .regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'must look like <region>_<id>'),
  COGNITO_CLIENT_ID: z
    .string({ message: 'is required (the app client id)' })
    .regex(/^[\w+]+$/, 'must be an app client id'),
  ...credentialVars,
});
export type CognitoEnv = z.infer<typeof cognitoEnv>;

/** The same pool id / client id pair names a different issuer locally and on AWS. */
export function cognitoIssuer(
  env: Pick<
    CognitoEnv,
    'AWS_REGION' | 'AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER' | 'COGNITO_USER_POOL_ID'
  >,
): string {
  const base =
    env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ??
    `https://cognito-idp.${env.AWS_REGION}.amazonaws.com`;
  return `${base.replace(/\/+$/, '')}/${env.COGNITO_USER_POOL_ID}`;
}

/** pino's levels; every program takes LOG_LEVEL with the same values and default. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const logLevel = z.enum(LOG_LEVELS).default('info');

export const port = (fallback: number) =>
  z.coerce.number().int().min(1).max(65535).default(fallback);

/** A limit or duration from the environment: a whole number from `min` to `max`, else `fallback`. */
export const bounded = (fallback: number, { min = 1, max = 1_000_000_000 } = {}) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
