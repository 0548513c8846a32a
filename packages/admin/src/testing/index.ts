// Test helpers for suites that run this package's CLIs or need its seed data (`@cruddur/admin/testing`).
export { hasStackTrace, runCli, tableEnv, type CliResult } from './run-cli';
export { createUsersDatabase, type TestDatabase } from './users-database';
