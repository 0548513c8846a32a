export { createDatabase, dropDatabase, type DatabaseChange } from './database';
export { createPool, type Pool } from './pool';
export { SCHEMA_SQL, schemaLoad } from './schema';
export { seed, type SeedReport } from './seed';
export { DEV_PASSWORD, placeholderCognitoUserId, SEED_USERS, type SeedUser } from './seed-users';
export { setup } from './setup';
export {
  CognitoIdConflictError,
  updateCognitoUserIds,
  type CognitoIdChange,
  type CognitoIdReport,
  type UpdateCognitoUserIdsOptions,
} from './update-cognito-user-ids';
export {
  findUserByCognitoUserId,
  findUserByHandle,
  findUserByUuid,
  listUsers,
  type Queryable,
  type User,
} from './user';
