import { isUuid } from '@cruddur/validators';
import { keysWith, userStorageKey } from '../lib/user-storage';
import type { OutboxEntry } from './outbox-queue';

/**
 * One person's outbox in localStorage, one key per message: tabs adding and removing messages at
 * the same time never overwrite each other's (as rewriting one shared list would).
 */
export class OutboxStore {
  readonly #storage: Storage;
  readonly #prefix: string;

  constructor(storage: Storage, owner: string) {
    this.#storage = storage;
    this.#prefix = userStorageKey('outbox', owner, '');
  }

  /** Every stored entry; anything unreadable (another version's, hand-edited) is left out. */
  load(): OutboxEntry[] {
    return keysWith(this.#storage, this.#prefix).flatMap((key) => {
      const entry = parseEntry(this.#storage.getItem(key));
      return entry && this.#prefix + entry.key === key ? [entry] : [];
    });
  }

  /** Written before the request goes out, so a reload in between resumes with the same id. */
  put(entry: OutboxEntry): void {
    try {
      this.#storage.setItem(this.#prefix + entry.key, JSON.stringify(entry));
    } catch {
      // Storage full or refused (private mode): the message still goes out from this tab.
    }
  }

  remove(key: string): void {
    this.#storage.removeItem(this.#prefix + key);
  }

  /** Calls `onChange` when another tab changes this outbox (the `storage` event fires there only). */
  watch(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, onChange: () => void) {
    const onStorage = (event: StorageEvent) => {
      if (event.storageArea !== this.#storage) return;
      if (event.key === null || event.key.startsWith(this.#prefix)) onChange();
    };
    target.addEventListener('storage', onStorage);
    return () => target.removeEventListener('storage', onStorage);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';

function isUserRef(v: unknown): boolean {
  return isRecord(v) && isUuid(v.uuid) && isString(v.handle) && isString(v.displayName);
}

function isTarget(v: unknown): boolean {
  if (!isRecord(v)) return false;
  if ('messageGroupUuid' in v) return isUuid(v.messageGroupUuid);
  return isString(v.handle) && (v.other === undefined || isUserRef(v.other));
}

function parseEntry(raw: string | null): OutboxEntry | null {
  let v: unknown;
  try {
    v = JSON.parse(raw ?? 'null');
  } catch {
    return null;
  }
  const ok =
    isRecord(v) &&
    isString(v.key) &&
    isUuid(v.messageUuid) &&
    isTarget(v.to) &&
    isString(v.text) &&
    isUserRef(v.sender) &&
    typeof v.writtenAt === 'number' &&
    typeof v.since === 'number' &&
    typeof v.tried === 'boolean' &&
    (v.refused === null || isString(v.refused));
  return ok ? (v as OutboxEntry) : null;
}
