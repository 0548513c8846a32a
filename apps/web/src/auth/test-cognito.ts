import { bootstrapCognito, createCognitoClient } from '@cruddur/cognito';
import { uniqueName } from '@cruddur/devstack';
import type { CognitoSettings } from './auth-store';

export const PASSWORD = 'Test-password-1!';

/**
 * A user in a fresh pool of the suite's cognito-local (its endpoint is in process.env), and the
 * settings the web app would sign in with.
 */
export async function createTestPool(): Promise<{ cognito: CognitoSettings; email: string }> {
  const endpoint = process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER!;
  const client = createCognitoClient({
    AWS_REGION: process.env.AWS_REGION!,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoint,
  });
  const name = uniqueName('web');
  const user = {
    handle: name.replace(/\W/g, '_'),
    displayName: 'Web Tester',
    email: `${name}@example.test`,
  };
  try {
    const pool = await bootstrapCognito({
      client,
      poolName: name,
      users: [user],
      password: PASSWORD,
    });
    return { cognito: { endpoint, clientId: pool.clientId }, email: user.email };
  } finally {
    client.destroy();
  }
}

/** sessionStorage as the browser has it: Node has none. */
export class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, value);
  }
}
