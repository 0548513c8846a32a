import { createPerson, type Person } from '@cruddur/admin';
import { type ApiConfig } from '@cruddur/api';
import { createCognitoClient, signIn } from '@cruddur/cognito';
import { createPool } from '@cruddur/db';

export interface SignedInPerson extends Person {
  accessToken: string;
}

const PASSWORD = 'Bench-password-1!';
const CONCURRENCY = 8;

/** `count` new people with a Cognito user, a users row and an access token each. */
export async function signedInPeople(
  config: ApiConfig,
  clientId: string,
  count: number,
  progress: (message: string) => void,
): Promise<SignedInPerson[]> {
  progress(`creating ${count} people (Cognito users, users rows) and signing them in`);
  const cognito = createCognitoClient(config);
  const pool = createPool(config.DATABASE_URL);
  try {
    const people: SignedInPerson[] = [];
    for (let start = 0; start < count; start += CONCURRENCY) {
      const batch = Array.from({ length: Math.min(CONCURRENCY, count - start) }, async (_, i) => {
        const person = await createPerson(
          cognito,
          pool,
          config.COGNITO_USER_POOL_ID,
          `p${start + i}`,
          { password: PASSWORD, emailDomain: 'bench.cruddur.dev' },
        );
        const { accessToken } = await signIn({
          client: cognito,
          clientId,
          username: person.email,
          password: PASSWORD,
        });
        return { ...person, accessToken };
      });
      people.push(...(await Promise.all(batch)));
    }
    return people;
  } finally {
    cognito.destroy();
    await pool.end();
  }
}
