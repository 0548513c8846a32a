// Test helpers for suites that use this package against cognito-local (`@cruddur/cognito/testing`).
export { startPagingProxy, type PagingProxy } from './paging-proxy';
export { createTestPool, TEST_PASSWORD, testCognito, testUsers, type TestPool } from './test-pool';
export { accountCalls, type SignUpPerson } from './accounts';
