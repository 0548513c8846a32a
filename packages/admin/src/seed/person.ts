import { createUser, listAllUsers, type CognitoClient } from '@cruddur/cognito';
import { type Pool } from '@cruddur/db';
import { randomBytes } from 'node:crypto';

export interface Person {
  uuid: string;
  /** The Cognito user's `sub`, which the users row points at. */
  sub: string;
  handle: string;
  displayName: string;
  email: string;
  password: string;
}

export interface PersonOptions {
  password: string;
  /** The e-mail domain, so that people made by different tools are told apart. */
  emailDomain: string;
}

/**
 * Someone nobody else has talked to yet: a Cognito user with a permanent password and the users
 * row that points at it, as sign-up plus `update-cognito-user-ids` would leave them. Test
 * scenarios and benchmarks make their own people, so that none depends on another's data.
 */
export async function createPerson(
  cognito: CognitoClient,
  pool: Pool,
  userPoolId: string,
  name: string,
  { password, emailDomain }: PersonOptions,
): Promise<Person> {
  const handle = `${name.toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const person = { handle, displayName: name, email: `${handle}@${emailDomain}` };
  // Into the pool given, without looking the pool, its client and all its users up again.
  await createUser(cognito, userPoolId, person, password);
  const [cognitoUser] = await listAllUsers(cognito, userPoolId, `email = "${person.email}"`);
  if (!cognitoUser)
    throw new Error(`Cognito did not list the user it just created: ${person.email}`);
  const { rows } = await pool.query<{ uuid: string }>(
    `INSERT INTO users (display_name, handle, email, cognito_user_id)
     VALUES ($1, $2, $3, $4) RETURNING uuid`,
    [person.displayName, handle, person.email, cognitoUser.sub],
  );
  return { ...person, uuid: rows[0]!.uuid, sub: cognitoUser.sub, password };
}
