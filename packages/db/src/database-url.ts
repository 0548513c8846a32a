import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { awsCredentials, databaseUrlSecretEnv, loadConfig, postgresEnv } from '@cruddur/config';

/**
 * Makes `env.DATABASE_URL` hold the database URL before a program loads its configuration. On
 * AWS the Lambda functions are given `DATABASE_URL_SECRET_ARN` instead (see infra/README.md):
 * when only that is set, the URL is read from Secrets Manager and written into `env`, so the
 * program's own schema then finds it like any other variable. An explicit DATABASE_URL wins and
 * nothing is fetched; with neither, the program's schema reports DATABASE_URL as missing.
 *
 * Call it once at cold start and await it: a secret that cannot be read, or that holds no
 * postgres:// URL, throws (the function fails to start, loudly) rather than running without a
 * database. The error names the secret, never its value.
 */
export async function resolveDatabaseUrl(
  env: Record<string, string | undefined> = process.env,
): Promise<'given' | 'from-secret' | 'unset'> {
  if (env.DATABASE_URL?.trim()) return 'given';
  const config = loadConfig('database-url', databaseUrlSecretEnv, env);
  const arn = config.DATABASE_URL_SECRET_ARN;
  if (!arn) return 'unset';
  const client = new SecretsManagerClient({
    region: config.AWS_REGION,
    endpoint: config.AWS_ENDPOINT_URL_SECRETS_MANAGER,
    ...awsCredentials(config),
  });
  let secret: string | undefined;
  try {
    secret = (await client.send(new GetSecretValueCommand({ SecretId: arn }))).SecretString;
  } catch (error) {
    throw new Error(
      `cannot read DATABASE_URL from the secret ${arn} (DATABASE_URL_SECRET_ARN): ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    client.destroy();
  }
  const url = secret?.trim() ?? '';
  if (!postgresEnv.shape.DATABASE_URL.safeParse(url).success)
    throw new Error(
      `the secret ${arn} (DATABASE_URL_SECRET_ARN) holds no postgres:// URL: put the database URL in it as plain text`,
    );
  env.DATABASE_URL = url;
  return 'from-secret';
}
