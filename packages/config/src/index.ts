export { ConfigError, loadConfig, loadConfigOrExit } from './load-config';
export { NETWORK_ERROR_CODES } from './network-errors';
export {
  awsCredentials,
  cognitoEnv,
  cognitoIssuer,
  dynamoEnv,
  port,
  postgresEnv,
  type AwsCredentialsEnv,
  type CognitoEnv,
  type DynamoEnv,
  type PostgresEnv,
} from './schemas';
