export { ConfigError, loadConfig, loadConfigOrExit } from './load-config';
export {
  cognitoEnv,
  cognitoIssuer,
  dynamoEnv,
  port,
  postgresEnv,
  type CognitoEnv,
  type DynamoEnv,
  type PostgresEnv,
} from './schemas';
