import { createTestPool as createPool, TEST_PASSWORD } from '@cruddur/cognito/testing';
import type { CognitoSettings } from '../auth/auth-store';

export const PASSWORD = TEST_PASSWORD;

/**
 * A user in a fresh pool of the suite's cognito-local (its endpoint is in process.env), and the
 * settings the web app would sign in with.
 */
export async function createTestPool(): Promise<{ cognito: CognitoSettings; email: string }> {
  const user = {
    handle: 'web_tester',
    displayName: 'Web Tester',
    email: 'web.tester@example.test',
  };
  const pool = await createPool([user], { prefix: 'web' });
  pool.client.destroy();
  return { cognito: { endpoint: pool.endpoint, clientId: pool.clientId }, email: user.email };
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
