export {
  HANDLE_RESERVATION_HOURS,
  HandleTakenError,
  insertSignedUpUser,
  reserveHandle,
} from './accounts';
export {
  blocksBetween,
  blockUser,
  listBlocked,
  unblockUser,
  type BlockedCursor,
  type BlockedPerson,
  type BlocksBetween,
} from './blocks';
export { createDatabase, dropDatabase, splitDatabaseUrl, type DatabaseChange } from './database';
export { resolveDatabaseUrl } from './database-url';
export { BLOCKS_CHANGED_CHANNEL, PEOPLE_SCHEMA_SQL } from './people-schema';
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
export { searchUsers, type PeopleSearch, type PersonFound } from './search';
