export { ConfigError, loadConfig, loadConfigOrExit } from './load-config';
export { EXIT_CODES, type ExitCode } from './exit-codes';
export {
  awsCredentials,
  bounded,
  cognitoEnv,
  cognitoIssuer,
  databaseUrlSecretEnv,
  dynamoEnv,
  logLevel,
  LOG_LEVELS,
  port,
  postgresEnv,
  type AwsCredentialsEnv,
  type CognitoEnv,
  type DatabaseUrlSecretEnv,
  type DynamoEnv,
  type PostgresEnv,
} from './schemas';
