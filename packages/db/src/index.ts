export { createDatabase, dropDatabase, splitDatabaseUrl, type DatabaseChange } from './database';
export { createPool, type Pool } from './pool';
export { SCHEMA_SQL, schemaLoad, USERS_CHANGED_CHANNEL } from './schema';
export {
  findUserByCognitoUserId,
  findUserByHandle,
  findUserByUuid,
  insertUsers,
  listUsers,
  type InsertReport,
  type NewUser,
  type Queryable,
  type User,
} from './user';
