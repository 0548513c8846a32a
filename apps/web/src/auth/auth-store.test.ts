// @vitest-environment node
// Node's own fetch, as in a browser page: a DOM emulation's fetch would apply CORS rules to these
// calls to cognito-local that the real page (same origin, through the proxy) never meets.
import { freePort } from '@cruddur/devstack';
import { decodeJwt } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthStore, type CognitoSettings } from './auth-store';
import { CognitoError } from './cognito-client';
import { loadSession } from './session-storage';
import { createTestPool, MemoryStorage, PASSWORD } from '../testing/test-cognito';

let cognito: CognitoSettings;
let email: string;
beforeAll(async () => ({ cognito, email } = await createTestPool()));

const stores: AuthStore[] = [];
function createStore(
  options: {
    storage?: Storage;
    now?: () => number;
    settings?: CognitoSettings;
    watch?: (listener: () => void) => () => void;
  } = {},
) {
  const store = new AuthStore({
    storage: options.storage ?? new MemoryStorage(),
    cognito: async () => options.settings ?? cognito,
    now: options.now,
    watch: options.watch,
  });
  stores.push(store);
  return store;
}
afterEach(() => stores.splice(0).forEach((store) => store.dispose()));

describe('AuthStore', () => {
  it('signs in, keeps the session in storage for the next page load, and signs out', async () => {
    const storage = new MemoryStorage();
    const store = createStore({ storage });
    let changes = 0;
    store.subscribe(() => changes++);

    await store.signIn(email, PASSWORD);
    const session = store.getSession();
    expect(session).not.toBeNull();
    expect(loadSession(storage)).toEqual(session);
    expect(await store.getAccessToken()).toBe(session!.accessToken);
    expect(createStore({ storage }).getSession()).toEqual(session);

    store.signOut();
    expect(store.getSession()).toBeNull();
    expect(loadSession(storage)).toBeNull();
    expect(await store.getAccessToken()).toBeNull();
    expect(store.endedBecause).toBeNull();
    expect(store.signedOutByUser).toBe(true);
    expect(changes).toBe(2);
  });

  it('keeps no session after a refused sign-in', async () => {
    const storage = new MemoryStorage();
    const store = createStore({ storage });
    await expect(store.signIn(email, 'Wrong-password-1!')).rejects.toBeInstanceOf(CognitoError);
    expect(store.getSession()).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('refreshes the access token when it is within a minute of expiring', async () => {
    let clock = Date.now();
    const storage = new MemoryStorage();
    const store = createStore({ storage, now: () => clock });
    await store.signIn(email, PASSWORD);
    const first = store.getSession()!;
    const lifetime = first.expiresAt - clock;

    clock = first.expiresAt - 30_000;
    const token = await store.getAccessToken();
    const refreshed = store.getSession()!;
    expect(token).toBe(refreshed.accessToken);
    expect(decodeJwt(token!)).toMatchObject({ token_use: 'access', client_id: cognito.clientId });
    // A new lifetime counted from the refresh, and the same refresh token kept.
    expect(refreshed.expiresAt).toBe(clock + lifetime);
    expect(refreshed.refreshToken).toBe(first.refreshToken);
    expect(loadSession(storage)).toEqual(refreshed);
  });

  it('asks Cognito once when several requests need a fresh token at the same time', async () => {
    let clock = Date.now();
    const store = createStore({ now: () => clock });
    await store.signIn(email, PASSWORD);
    clock = store.getSession()!.expiresAt - 1_000;
    let changes = 0;
    store.subscribe(() => changes++);
    const tokens = await Promise.all([
      store.getAccessToken(),
      store.getAccessToken(),
      store.getAccessToken(),
    ]);
    expect(new Set(tokens).size).toBe(1);
    expect(changes).toBe(1);
  });

  it('ends the session, saying why, when Cognito refuses the refresh token', async () => {
    let clock = Date.now();
    const storage = new MemoryStorage();
    const store = createStore({ storage, now: () => clock });
    await store.signIn(email, PASSWORD);
    const session = store.getSession()!;
    storage.setItem(
      'cruddur.session',
      JSON.stringify({ ...session, refreshToken: 'not-a-refresh-token' }),
    );
    const reloaded = createStore({ storage, now: () => clock });

    clock = session.expiresAt - 30_000;
    expect(await reloaded.getAccessToken()).toBeNull();
    expect(reloaded.getSession()).toBeNull();
    expect(reloaded.endedBecause).toEqual({ detail: 'The sign-in service would not renew it.' });
    expect(reloaded.signedOutByUser).toBe(false);
    expect(loadSession(storage)).toBeNull();
  });

  it('keeps a still-valid session while Cognito is unreachable', async () => {
    let clock = Date.now();
    const storage = new MemoryStorage();
    await createStore({ storage, now: () => clock }).signIn(email, PASSWORD);
    const session = loadSession(storage)!;
    const offline = createStore({
      storage,
      now: () => clock,
      settings: { endpoint: `http://localhost:${await freePort()}/`, clientId: cognito.clientId },
    });

    clock = session.expiresAt - 30_000;
    expect(await offline.getAccessToken()).toBe(session.accessToken);
    expect(offline.getSession()).toEqual(session);
    clock = session.expiresAt + 1;
    expect(await offline.getAccessToken()).toBeNull();
    expect(loadSession(storage)).toEqual(session);
  });

  it('does not let a refresh that was under way revive a session signed out meanwhile', async () => {
    let clock = Date.now();
    const storage = new MemoryStorage();
    const store = createStore({ storage, now: () => clock });
    await store.signIn(email, PASSWORD);
    clock = store.getSession()!.expiresAt - 30_000;

    const token = store.getAccessToken();
    store.signOut();
    expect(await token).toBeNull();
    expect(store.getSession()).toBeNull();
    expect(loadSession(storage)).toBeNull();
  });
});

/**
 * Tabs of one browser: one localStorage, and the `storage` event that tells every other tab when
 * one of them writes it (never the tab that wrote).
 */
class Browser {
  readonly storage = new MemoryStorage();
  readonly #tabs: { listener: () => void }[] = [];
  tab(now?: () => number) {
    const tab = { listener: () => {} };
    this.#tabs.push(tab);
    const storage = this.storage;
    const others = () => this.#tabs.filter((t) => t !== tab);
    const shared: Storage = Object.assign(Object.create(storage) as Storage, {
      setItem: (key: string, value: string) => {
        storage.setItem(key, value);
        others().forEach((t) => t.listener());
      },
      removeItem: (key: string) => {
        storage.removeItem(key);
        others().forEach((t) => t.listener());
      },
      getItem: (key: string) => storage.getItem(key),
    });
    return createStore({
      storage: shared,
      now,
      watch: (listener) => {
        tab.listener = listener;
        return () => (tab.listener = () => {});
      },
    });
  }
}

describe('AuthStore across tabs', () => {
  it('opens a new tab signed in, and signing out in any tab signs out every tab', async () => {
    const browser = new Browser();
    const first = browser.tab();
    await first.signIn(email, PASSWORD);
    const second = browser.tab();
    expect(second.getSession()).toEqual(first.getSession());
    let told = 0;
    first.subscribe(() => told++);
    second.signOut();
    expect(first.getSession()).toBeNull();
    expect(first.signedOutByUser).toBe(true);
    expect(await first.getAccessToken()).toBeNull();
    expect(told).toBe(1);
  });

  it('adopts the tokens another tab refreshed or signed in with, without asking Cognito', async () => {
    const browser = new Browser();
    const first = browser.tab();
    const second = browser.tab();
    expect(second.getSession()).toBeNull();
    await first.signIn(email, PASSWORD);
    expect(second.getSession()).toEqual(first.getSession());
    expect(await second.getAccessToken()).toBe(first.getSession()!.accessToken);
  });

  it('lets no refresh under way in one tab revive a session another tab signed out', async () => {
    let clock = Date.now();
    const browser = new Browser();
    const first = browser.tab(() => clock);
    const second = browser.tab(() => clock);
    await first.signIn(email, PASSWORD);
    clock = first.getSession()!.expiresAt - 30_000;
    const refreshing = first.getAccessToken();
    second.signOut();
    expect(await refreshing).toBeNull();
    expect(first.getSession()).toBeNull();
    expect(loadSession(browser.storage)).toBeNull();
  });
});
