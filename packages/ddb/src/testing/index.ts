// Test helpers for suites that use this package against DynamoDB Local (`@cruddur/ddb/testing`).
export {
  originalConversation,
  originalCreateMessage,
  originalCreateMessageGroup,
  originalSchemaLoad,
  originalStreamHandler,
  pythonIsoformat,
  type OriginalWrite,
} from './original-cruddur';
export { streamReader } from './stream';
export { openStreamTable, type StreamTable } from './stream-table';
export {
  conversationAt,
  createTestTable,
  minutesFrom,
  snapshot,
  someone,
  type TestTable,
} from './test-table';
