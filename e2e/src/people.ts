import { bootstrapCognito, listAllUsers, type CognitoClient } from '@cruddur/cognito';
import { type Pool } from '@cruddur/db';
import { randomBytes } from 'node:crypto';

export interface Person {
  uuid: string;
  handle: string;
  displayName: string;
  email: string;
  password: string;
}

const PASSWORD = 'E2e-password-1!';

/**
 * Someone nobody else has talked to yet: a Cognito user with a permanent password and the users
 * row that points at it, as sign-up plus `update-cognito-user-ids` would leave them. Every
 * scenario makes its own people, so none depends on what another one wrote.
 */
export async function createPerson(
  cognito: CognitoClient,
  pool: Pool,
  userPoolId: string,
  name: string,
): Promise<Person> {
  const handle = `${name.toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const person = { handle, displayName: name, email: `${handle}@e2e.cruddur.dev` };
  await bootstrapCognito({ client: cognito, users: [person], password: PASSWORD });
  const [cognitoUser] = await listAllUsers(cognito, userPoolId, `email = "${person.email}"`);
  if (!cognitoUser)
    throw new Error(`Cognito did not list the user it just created: ${person.email}`);
  const { rows } = await pool.query<{ uuid: string }>(
    `INSERT INTO users (display_name, handle, email, cognito_user_id)
     VALUES ($1, $2, $3, $4) RETURNING uuid`,
    [person.displayName, handle, person.email, cognitoUser.sub],
  );
  return { ...person, uuid: rows[0]!.uuid, password: PASSWORD };
}
