import {
  CognitoError,
  refreshTokens,
  signInWithPassword,
  type CognitoTokens,
} from './cognito-client';
import { decodeJwt } from 'jose';
import { clearSession, loadSession, saveSession, type Session } from './session-storage';

/** Refresh this long before the access token expires, so no request goes out with a dying token. */
const REFRESH_MARGIN_MS = 60_000;
/** After a refresh that failed for want of a network, try again this soon. */
const RETRY_MS = 15_000;

export interface CognitoSettings {
  endpoint: string;
  clientId: string;
}

export interface AuthStoreOptions {
  storage: Storage;
  /** Where to sign in; asked when first needed, and again if asking failed. */
  cognito: () => Promise<CognitoSettings>;
  now?: () => number;
  /**
   * Tells the store when another tab changed the stored session (`watchSession`): every tab of a
   * browser shares one session, as with Amplify's default storage.
   */
  watch?: (onExternalChange: () => void) => () => void;
}

/**
 * The signed-in session, outside React so that the tRPC links can ask it for a token. It refreshes
 * the access token a minute before expiry (on a timer, and on demand if a timer was throttled in a
 * background tab), and signs out when Cognito refuses the refresh token. With `watch`, what
 * another tab does is followed here: its sign-in or refreshed tokens are adopted (so one refresh
 * serves every tab), its sign-out signs this tab out too.
 */
export class AuthStore {
  readonly #options: AuthStoreOptions;
  readonly #now: () => number;
  readonly #listeners = new Set<() => void>();
  #session: Session | null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #refreshing: Promise<Session | null> | null = null;
  #settings: Promise<CognitoSettings> | null = null;
  /** Bumped by sign-in and sign-out, so that a refresh that was in flight cannot revive an old session. */
  #generation = 0;
  readonly #unwatch: () => void;
  /**
   * Why the last session ended, for the sign-in page to explain: null after a deliberate sign-out,
   * else what the server or Cognito said.
   */
  endedBecause: { detail: string } | null = null;
  /** The last session was ended by its user, so whoever signs in next starts afresh. */
  signedOutByUser = false;

  constructor(options: AuthStoreOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#session = loadSession(options.storage);
    this.#scheduleRefresh();
    this.#unwatch = options.watch?.(() => this.#adoptStored()) ?? (() => {});
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSession = (): Session | null => this.#session;

  async signIn(username: string, password: string): Promise<void> {
    const { endpoint, clientId } = await this.#cognito();
    const generation = ++this.#generation;
    const tokens = await signInWithPassword(endpoint, clientId, username, password);
    if (generation !== this.#generation) return;
    if (!tokens.refreshToken)
      throw new CognitoError('UnknownError', 'Sign-in returned no refresh token.');
    this.endedBecause = null;
    this.signedOutByUser = false;
    this.#set(this.#sessionFrom(tokens, tokens.refreshToken));
  }

  /** Ends the session; `endedBecause` explains an involuntary end (an expired or refused token). */
  signOut(endedBecause: { detail: string } | null = null): void {
    this.#generation++;
    this.endedBecause = endedBecause;
    this.signedOutByUser = endedBecause === null;
    this.#set(null);
  }

  /** A valid access token (refreshed first if it is about to expire), or null when signed out. */
  async getAccessToken(): Promise<string | null> {
    const session = this.#session;
    if (!session) return null;
    if (session.expiresAt - this.#now() > REFRESH_MARGIN_MS) return session.accessToken;
    return (await this.#refresh())?.accessToken ?? null;
  }

  /** Where to reach Cognito, for the account screens (sign-up, confirmation, reset). */
  cognitoSettings(): Promise<CognitoSettings> {
    return this.#cognito();
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#unwatch();
    this.#listeners.clear();
  }

  /** Another tab wrote the stored session: follow it, without writing it back. */
  #adoptStored(): void {
    const stored = loadSession(this.#options.storage);
    const current = this.#session;
    if (stored?.accessToken === current?.accessToken) return;
    // Whatever was under way here belongs to the session being replaced.
    this.#generation++;
    // Someone else signed in elsewhere: this tab's data (the query cache) must go first.
    if (stored && current && subjectOf(current) !== subjectOf(stored)) this.#apply(null);
    this.endedBecause = null;
    this.signedOutByUser = !stored;
    this.#apply(stored);
  }

  #refresh(): Promise<Session | null> {
    this.#refreshing ??= this.#runRefresh().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #runRefresh(): Promise<Session | null> {
    const session = this.#session;
    if (!session) return null;
    const generation = this.#generation;
    try {
      const { endpoint, clientId } = await this.#cognito();
      const tokens = await refreshTokens(endpoint, clientId, session.refreshToken);
      if (generation !== this.#generation) return this.#session;
      this.#set(this.#sessionFrom(tokens, tokens.refreshToken ?? session.refreshToken));
      return this.#session;
    } catch (error) {
      if (generation !== this.#generation) return this.#session;
      if (error instanceof CognitoError && error.code !== 'NetworkError') {
        this.signOut({ detail: 'The sign-in service would not renew it.' });
        return null;
      }
      // Offline for now: keep the session while its token still works and try again shortly.
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#refresh(), RETRY_MS);
      return session.expiresAt > this.#now() ? session : null;
    }
  }

  #sessionFrom(tokens: CognitoTokens, refreshToken: string): Session {
    return {
      accessToken: tokens.accessToken,
      refreshToken,
      expiresAt: this.#now() + tokens.expiresInSeconds * 1000,
    };
  }

  #set(session: Session | null): void {
    if (session) saveSession(this.#options.storage, session);
    else clearSession(this.#options.storage);
    this.#apply(session);
  }

  #apply(session: Session | null): void {
    this.#session = session;
    this.#scheduleRefresh();
    for (const listener of this.#listeners) listener();
  }

  #scheduleRefresh(): void {
    clearTimeout(this.#timer);
    const session = this.#session;
    if (!session) return;
    const delay = Math.max(0, session.expiresAt - REFRESH_MARGIN_MS - this.#now());
    this.#timer = setTimeout(() => void this.#refresh(), delay);
  }

  #cognito(): Promise<CognitoSettings> {
    this.#settings ??= this.#options.cognito().catch((error: unknown) => {
      // Let the next attempt ask again (the API may have been down).
      this.#settings = null;
      throw error;
    });
    return this.#settings;
  }
}

/** Whose session it is (the token's `sub`), read without verifying: the API verifies. */
export function subjectOf(session: Session): string | undefined {
  try {
    return decodeJwt(session.accessToken).sub;
  } catch {
    return undefined;
  }
}
