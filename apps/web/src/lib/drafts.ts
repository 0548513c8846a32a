import { userStorageKey } from './user-storage';

/**
 * A draft per conversation, kept in localStorage under its owner's key so that it survives
 * switching conversations and reloading; an empty draft is removed rather than stored.
 */
export function readDraft(storage: Storage, owner: string, name: string): string {
  try {
    return storage.getItem(userStorageKey('draft', owner, name)) ?? '';
  } catch {
    return '';
  }
}

export function writeDraft(storage: Storage, owner: string, name: string, text: string): void {
  const key = userStorageKey('draft', owner, name);
  try {
    if (text.trim() === '') storage.removeItem(key);
    else storage.setItem(key, text);
  } catch {
    // Storage full or refused (private mode): the draft lives as long as the page.
  }
}
