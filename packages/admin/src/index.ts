/**
 * @cruddur/admin — what operators and developers run, never the app itself: the seed data, the
 * Cognito id sync, and the `pnpm db` / `pnpm ddb` CLIs (src/cli).
 */
export {
  CognitoIdConflictError,
  updateCognitoUserIds,
  type CognitoIdChange,
  type CognitoIdReport,
  type UpdateCognitoUserIdsOptions,
} from './cognito-sync/update-cognito-user-ids';
export {
  MigrationInterrupted,
  migrateTable,
  type MigrateOptions,
  type MigrationReport,
} from './migrate/migrate-table';
export { CONVERSATION } from './seed/conversation';
export {
  seedConversation,
  UnknownHandleError,
  type SeedOptions,
  type SeedResult,
} from './seed/seed-conversation';
export {
  DEV_PASSWORD,
  placeholderCognitoUserId,
  SEED_USERS,
  type SeedUser,
} from './seed/seed-users';
export { seedUsers, type SeedReport } from './seed/seed-users-table';
export { setupUsersDatabase } from './seed/setup-users-database';
export { createPerson, type Person, type PersonOptions } from './seed/person';
