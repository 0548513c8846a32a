import { createPerson as createSomeone, type Person } from '@cruddur/admin';
import { type CognitoClient } from '@cruddur/cognito';
import { type Pool } from '@cruddur/db';

export type { Person };

/** A new person of this suite (see @cruddur/admin's createPerson): e2e addresses, one password. */
export function createPerson(
  cognito: CognitoClient,
  pool: Pool,
  userPoolId: string,
  name: string,
): Promise<Person> {
  return createSomeone(cognito, pool, userPoolId, name, {
    password: 'E2e-password-1!',
    emailDomain: 'e2e.cruddur.dev',
  });
}
