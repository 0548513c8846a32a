import {
  type AttributeType,
  type CognitoIdentityProviderClient,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';

export interface CognitoUser {
  username: string;
  sub: string;
  email: string | undefined;
  preferredUsername: string | undefined;
  name: string | undefined;
}

const LISTED_ATTRIBUTES = ['sub', 'email', 'preferred_username', 'name'];

function attribute(attributes: AttributeType[] | undefined, name: string): string | undefined {
  return attributes?.find((a) => a.Name === name)?.Value;
}

function toCognitoUser(user: UserType): CognitoUser {
  const sub = attribute(user.Attributes, 'sub');
  if (!user.Username || !sub)
    throw new Error(`Cognito returned a user without a username or sub: ${JSON.stringify(user)}`);
  return {
    username: user.Username,
    sub,
    email: attribute(user.Attributes, 'email'),
    preferredUsername: attribute(user.Attributes, 'preferred_username'),
    name: attribute(user.Attributes, 'name'),
  };
}

/** Users of the pool, following PaginationToken (ListUsers returns at most 60 a page); `filter` is a ListUsers filter. */
export async function listAllUsers(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  filter?: string,
): Promise<CognitoUser[]> {
  const users: CognitoUser[] = [];
  let paginationToken: string | undefined;
  do {
    const page = await client.send(
      new ListUsersCommand({
        UserPoolId: userPoolId,
        AttributesToGet: LISTED_ATTRIBUTES,
        Limit: 60,
        PaginationToken: paginationToken,
        Filter: filter,
      }),
    );
    users.push(...(page.Users ?? []).map(toCognitoUser));
    paginationToken = page.PaginationToken;
  } while (paginationToken);
  return users;
}
