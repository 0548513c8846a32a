import type { Message } from '../lib/api-types';

/** Remembered per browser (every tab of this origin), as the person's own choice. */
export const NOTIFICATIONS_KEY = 'cruddur.notifications';

/**
 * - `unsupported`: this browser has no Notification API (or not outside a service worker);
 * - `blocked`: the person (or the browser) refused permission: only the browser can undo that;
 * - `on` / `off`: what the person chose here, `on` only while permission is granted.
 */
export type NotificationChoice = 'unsupported' | 'blocked' | 'on' | 'off';

const listeners = new Set<() => void>();

function stored(): string | null {
  try {
    return localStorage.getItem(NOTIFICATIONS_KEY);
  } catch {
    return null;
  }
}

function store(value: 'on' | 'off'): void {
  try {
    localStorage.setItem(NOTIFICATIONS_KEY, value);
  } catch {
    // Storage refused (a private window): the choice lasts as long as the page.
  }
  for (const listener of listeners) listener();
}

export function notificationChoice(): NotificationChoice {
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  return Notification.permission === 'granted' && stored() === 'on' ? 'on' : 'off';
}

/** For useSyncExternalStore; other tabs' choices arrive as storage events. */
export function subscribeNotificationChoice(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === NOTIFICATIONS_KEY) listener();
  };
  listeners.add(listener);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Asks the browser for permission — call it from a click, never on load — and turns them on. */
export async function turnNotificationsOn(): Promise<NotificationChoice> {
  const permission =
    Notification.permission === 'default'
      ? await Notification.requestPermission()
      : Notification.permission;
  store(permission === 'granted' ? 'on' : 'off');
  return notificationChoice();
}

export function turnNotificationsOff(): void {
  store('off');
}

/**
 * A desktop notification for someone else's new message, when notifications are on and this tab
 * is hidden (a visible tab shows the message itself). One per conversation: a newer message
 * replaces the older one's notification. Clicking it brings the tab back at the conversation.
 */
export function notifyMessage(message: Message, open: () => void): void {
  if (notificationChoice() !== 'on' || document.visibilityState !== 'hidden') return;
  try {
    const notification = new Notification(message.sender.displayName, {
      body: message.message,
      tag: message.messageGroupUuid,
    });
    notification.onclick = () => {
      window.focus();
      open();
      notification.close();
    };
  } catch {
    // Some mobile browsers only notify through a service worker; the title count still shows.
  }
}
