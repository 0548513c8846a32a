import { z } from 'zod';

const url = (what: string) => z.url({ message: `must be a URL (${what})` });

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
});
export type DynamoEnv = z.infer<typeof dynamoEnv>;

export const postgresEnv = z.object({
  DATABASE_URL: z
    .string({ message: 'is required (postgres://user:password@host:port/database)' })
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://'),
});
export type PostgresEnv = z.infer<typeof postgresEnv>;

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

export const port = (fallback: number) =>
  z.coerce.number().int().min(1).max(65535).default(fallback);
