export { createPool, type Pool } from './pool';
export { findUserByCognitoUserId, findUserByHandle, findUserByUuid, listUsers, type Queryable, type User } from './user';
export { DEV_PASSWORD, SEED_USERS, placeholderCognitoUserId, type SeedUser } from './seed-users';
