export {
  bootstrapCognito,
  createUser,
  DEFAULT_CLIENT_NAME,
  DEFAULT_POOL_NAME,
  type BootstrapOptions,
  type BootstrapResult,
  type BootstrapUser,
} from './bootstrap';
export { createCognitoClient, type CognitoClient, type CognitoClientEnv } from './client';
export { CognitoSetupError, SignInError, type SignInErrorCode } from './errors';
export {
  refreshTokens,
  signIn,
  type RefreshOptions,
  type SignInOptions,
  type Tokens,
} from './sign-in';
export { listAllUsers, type CognitoUser } from './users';
