// Test helpers for suites that use this package against the suite's PostgreSQL (`@cruddur/db/testing`).
export { openTestDatabase, type TestDatabase } from './test-database';
