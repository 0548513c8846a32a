export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds, by this device's clock (sign-in time + Cognito's `ExpiresIn`). */
  expiresAt: number;
}

const KEY = 'cruddur.session';

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
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? 'null');
    return isSession(value) ? value : null;
  } catch {
    return null;
  }
}

export function saveSession(storage: Storage, session: Session): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage): void {
  storage.removeItem(KEY);
}
