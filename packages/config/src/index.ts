export { ConfigError, loadConfig, loadConfigOrExit } from './load-config';
export { EXIT_CODES, type ExitCode } from './exit-codes';
export {
  awsCredentials,
  cognitoEnv,
  cognitoIssuer,
  dynamoEnv,
  logLevel,
  LOG_LEVELS,
  port,
  postgresEnv,
  type AwsCredentialsEnv,
  type CognitoEnv,
  type DynamoEnv,
  type PostgresEnv,
} from './schemas';
