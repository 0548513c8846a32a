export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds, by this device's clock (sign-in time + Cognito's `ExpiresIn`). */
  expiresAt: number;
}

const SESSION_KEY = 'cruddur.session';

function isSession(value: unknown): value is Session {
  const v = value as Partial<Session> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.accessToken === 'string' &&
    typeof v.refreshToken === 'string' &&
    typeof v.expiresAt === 'number'
  );
}

/** The stored session, or null when there is none or it is not one we wrote. */
export function loadSession(storage: Storage): Session | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(SESSION_KEY) ?? 'null');
    return isSession(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveSession(storage: Storage, session: Session): void {
  storage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage): void {
  storage.removeItem(SESSION_KEY);
}

/**
 * Calls `listener` when another tab of this origin changes the stored session (signs in,
 * refreshes, signs out): the browser's `storage` event fires in every other tab sharing
 * `localStorage`, never in the tab that wrote.
 */
export function watchSession(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  storage: Storage,
  listener: () => void,
): () => void {
  const onStorage = (event: StorageEvent) => {
    // `key` is null when the whole storage was cleared.
    if (event.storageArea === storage && (event.key === SESSION_KEY || event.key === null))
      listener();
  };
  target.addEventListener('storage', onStorage);
  return () => target.removeEventListener('storage', onStorage);
}
