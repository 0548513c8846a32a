import { createCognitoClient, type CognitoClient } from '@cruddur/cognito';
import { cognitoEnv, dynamoEnv, loadConfig, postgresEnv } from '@cruddur/config';
import { createPool, type Pool } from '@cruddur/db';
import { seedConversation } from '@cruddur/admin';
import { createDdbContext, type DdbContext } from '@cruddur/ddb';
import { readFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { expectOpenPagesAccessible } from './a11y';
import { createPerson, type Person } from './people';

interface Backend {
  cognito: CognitoClient;
  pool: Pool;
  ddb: DdbContext;
  userPoolId: string;
}

interface Fixtures {
  /** A new person with a Cognito user and a users row, unknown to every other test. */
  person: (name: string) => Promise<Person>;
  /** The sample conversation between two people, its last line `endAt` (now by default). */
  conversation: (from: Person, to: Person, endAt?: Date) => Promise<string>;
  /** Automatic: axe checks every page of the test's own context once the test has passed. */
  accessibleAtEnd: void;
}

/** The services the global setup started, reached through the variables it exported. */
export const test = base.extend<Fixtures, { backend: Backend }>({
  baseURL: async ({}, use) => use(process.env.E2E_BASE_URL),
  backend: [
    async ({}, use) => {
      const env = process.env;
      const cognitoConfig = loadConfig('e2e', cognitoEnv, env);
      const cognito = createCognitoClient(cognitoConfig);
      const userPoolId = cognitoConfig.COGNITO_USER_POOL_ID;
      const pool = createPool(loadConfig('e2e', postgresEnv, env).DATABASE_URL);
      const ddb = createDdbContext(loadConfig('e2e', dynamoEnv, env));
      await use({ cognito, pool, ddb, userPoolId });
      cognito.destroy();
      ddb.client.destroy();
      await pool.end();
    },
    { scope: 'worker' },
  ],
  person: async ({ backend }, use) => {
    await use((name) => createPerson(backend.cognito, backend.pool, backend.userPoolId, name));
  },
  accessibleAtEnd: [
    async ({ context }, use, testInfo) => {
      await use();
      await expectOpenPagesAccessible([context], testInfo);
    },
    { auto: true },
  ],
  conversation: async ({ backend }, use) => {
    await use(async (from, to, endAt) => {
      const seeded = await seedConversation(backend.ddb, backend.pool, {
        from: from.handle,
        to: to.handle,
        endAt,
      });
      return seeded.messageGroupUuid;
    });
  },
});

export { expect };

/** Signs in through the sign-in page and waits for the conversation list. */
export async function signIn(page: Page, person: Person): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email or handle').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/messages$/);
}

/** Types into the message box (once the conversation is ready) and sends with the button. */
export async function send(page: Page, text: string): Promise<void> {
  await page.getByLabel('Message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

/**
 * The newest code cognito-local logged for `email` (`SignUp`: confirm an account,
 * `ForgotPassword`: reset a password), waiting for it as a person waits for the mail.
 */
export async function codeFor(email: string, purpose = 'SignUp'): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      () => {
        const deliveries = readFileSync(process.env.E2E_CODES_FILE!, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map(
            (line) => JSON.parse(line) as { purpose: string; destination: string; code: string },
          );
        code = deliveries.findLast((d) => d.destination === email && d.purpose === purpose)?.code;
        return code;
      },
      { message: `a ${purpose} code for ${email}`, timeout: 15_000 },
    )
    .toBeTruthy();
  return code!;
}
