export { bindHost, LOOPBACK } from './bind-host';
export { codeDeliveryReader, type CodeDelivery } from './cognito-codes';
export {
  startCognitoLocal,
  type CognitoLocal,
  type CognitoLocalOptions,
  type CognitoTriggers,
} from './cognito-local';
export { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
export { freePort } from './free-port';
export { assertJava, JAVA_HELP } from './java';
export { listeningAddresses, listensOnLoopbackOnly } from './listening-addresses';
export { ManagedProcess } from './managed-process';
export { startPostgres, type LocalPostgres } from './postgres';
export {
  DEV_PORTS,
  startServices,
  type RunningServices,
  type ServiceName,
  type StartServicesOptions,
} from './services';
export { createTestDatabase, uniqueName } from './test-isolation';
export { waitUntil } from './wait-until';
export { withServices } from './vitest/config';
