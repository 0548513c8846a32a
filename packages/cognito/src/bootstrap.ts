import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  type ExplicitAuthFlowsType,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { PASSWORD_POLICY, profileAttributes } from '@cruddur/validators';
import { mapBounded } from './bounded';
import { CognitoSetupError } from './errors';
import { listAllUsers } from './users';

export const DEFAULT_POOL_NAME = 'cruddur-messages';
export const DEFAULT_CLIENT_NAME = 'cruddur-web';

/** A person to create in the pool: signs in with `email` (the username) or `handle` (preferred_username). */
export interface BootstrapUser {
  handle: string;
  displayName: string;
  email: string;
}

export interface BootstrapOptions {
  client: CognitoIdentityProviderClient;
  poolName?: string;
  clientName?: string;
  users: readonly BootstrapUser[];
  password: string;
}

export interface BootstrapResult {
  userPoolId: string;
  clientId: string;
  /** Handles of the users created by this run, and of those that were already there. */
  createdUsers: string[];
  existingUsers: string[];
}

const AUTH_FLOWS: ExplicitAuthFlowsType[] = [
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
];
// Creating a user is three calls; a few in flight keep a large pool quick without flooding the service.
const USER_CREATION_CONCURRENCY = 8;

/**
 * Makes sure the pool, its app client and `users` exist, creating only what is missing, so it can
 * run on every start. Existing users are left as they are (their password is not reset).
 */
export async function bootstrapCognito(options: BootstrapOptions): Promise<BootstrapResult> {
  const { client, users, password } = options;
  const userPoolId = await findOrCreatePool(client, options.poolName ?? DEFAULT_POOL_NAME);
  const clientId = await findOrCreateAppClient(
    client,
    userPoolId,
    options.clientName ?? DEFAULT_CLIENT_NAME,
  );

  const present = new Set(
    (await listAllUsers(client, userPoolId)).map((u) => u.email?.toLowerCase()),
  );
  const existingUsers = users
    .filter((u) => present.has(u.email.toLowerCase()))
    .map((u) => u.handle);
  const missing = users.filter((u) => !present.has(u.email.toLowerCase()));
  const created = await mapBounded(missing, USER_CREATION_CONCURRENCY, (user) =>
    createUser(client, userPoolId, user, password),
  );
  return {
    userPoolId,
    clientId,
    createdUsers: missing.filter((_, i) => created[i]).map((u) => u.handle),
    existingUsers: [
      ...existingUsers,
      ...missing.filter((_, i) => !created[i]).map((u) => u.handle),
    ],
  };
}

async function findOrCreatePool(
  client: CognitoIdentityProviderClient,
  poolName: string,
): Promise<string> {
  const matches: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListUserPoolsCommand({ MaxResults: 60, NextToken: nextToken }),
    );
    matches.push(
      ...(page.UserPools ?? []).filter((p) => p.Name === poolName && p.Id).map((p) => p.Id!),
    );
    nextToken = page.NextToken;
  } while (nextToken);
  if (matches.length > 1) {
    throw new CognitoSetupError(
      `${matches.length} user pools are named "${poolName}" (${matches.join(', ')}): delete the extra ones or choose another name`,
    );
  }
  if (matches[0]) return matches[0];

  const created = await client.send(
    new CreateUserPoolCommand({
      PoolName: poolName,
      // The email is the username on Amazon Cognito and on cognito-local alike (cognito-local insists
      // on it); the handle travels as preferred_username. See the README for signing in with a handle.
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AutoVerifiedAttributes: ['email'],
      // People sign themselves up (and confirm by code), as on the deployed pool (infra/).
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      // The policy the deployed pool has and the sign-up form shows (cognito-local does not
      // enforce it; Amazon Cognito does, and the form checks it before sending).
      Policies: {
        PasswordPolicy: {
          MinimumLength: PASSWORD_POLICY.minLength,
          RequireLowercase: PASSWORD_POLICY.requireLowercase,
          RequireUppercase: PASSWORD_POLICY.requireUppercase,
          RequireNumbers: PASSWORD_POLICY.requireDigits,
          RequireSymbols: PASSWORD_POLICY.requireSymbols,
        },
      },
    }),
  );
  const id = created.UserPool?.Id;
  if (!id) throw new CognitoSetupError(`CreateUserPool for "${poolName}" returned no pool id`);
  return id;
}

async function findOrCreateAppClient(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  clientName: string,
): Promise<string> {
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListUserPoolClientsCommand({
        UserPoolId: userPoolId,
        MaxResults: 60,
        NextToken: nextToken,
      }),
    );
    const found = page.UserPoolClients?.find((c) => c.ClientName === clientName && c.ClientId);
    if (found) return checkAppClient(client, userPoolId, found.ClientId!, clientName);
    nextToken = page.NextToken;
  } while (nextToken);

  const created = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: clientName,
      // A browser cannot keep a secret.
      GenerateSecret: false,
      ExplicitAuthFlows: AUTH_FLOWS,
      PreventUserExistenceErrors: 'ENABLED',
    }),
  );
  const id = created.UserPoolClient?.ClientId;
  if (!id)
    throw new CognitoSetupError(`CreateUserPoolClient for "${clientName}" returned no client id`);
  return id;
}

/** An app client found by name is only reused if the web app can sign in through it. */
async function checkAppClient(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  clientId: string,
  clientName: string,
): Promise<string> {
  const { UserPoolClient: found } = await client.send(
    new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }),
  );
  const lacking = AUTH_FLOWS.filter((flow) => !found?.ExplicitAuthFlows?.includes(flow));
  if (found?.ClientSecret)
    throw new CognitoSetupError(
      `app client "${clientName}" (${clientId}) has a secret; the web app needs one without`,
    );
  if (lacking.length > 0)
    throw new CognitoSetupError(
      `app client "${clientName}" (${clientId}) does not allow ${lacking.join(', ')}`,
    );
  return clientId;
}

/**
 * Creates the user in the pool with a permanent password; false when someone else created it
 * meanwhile. Once the pool is known (a test making people), this is all a new person needs.
 */
export async function createUser(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  user: BootstrapUser,
  password: string,
): Promise<boolean> {
  try {
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: user.email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [...profileAttributes(user), { Name: 'email_verified', Value: 'true' }],
      }),
    );
  } catch (error) {
    if (error instanceof UsernameExistsException) return false;
    throw error;
  }
  // Without this the user would be FORCE_CHANGE_PASSWORD and sign-in would answer with a challenge.
  await client.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: user.email,
      Password: password,
      Permanent: true,
    }),
  );
  return true;
}
