import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { message, tomas } from '../testing/fixtures';
import {
  notificationChoice,
  notifyMessage,
  NOTIFICATIONS_KEY,
  subscribeNotificationChoice,
  turnNotificationsOff,
  turnNotificationsOn,
} from './notifications';

/** The browser's Notification API as far as this module uses it (happy-dom has none). */
class FakeNotification {
  static permission: NotificationPermission = 'default';
  static requests = 0;
  static shown: FakeNotification[] = [];
  static requestPermission = vi.fn<() => Promise<NotificationPermission>>();
  static answer: NotificationPermission = 'granted';
  onclick: (() => void) | null = null;
  closed = false;
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    FakeNotification.shown.push(this);
  }
  close() {
    this.closed = true;
  }
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
}

beforeEach(() => {
  localStorage.clear();
  FakeNotification.permission = 'default';
  FakeNotification.answer = 'granted';
  FakeNotification.requests = 0;
  FakeNotification.shown = [];
  FakeNotification.requestPermission.mockImplementation(async () => {
    FakeNotification.requests++;
    FakeNotification.permission = FakeNotification.answer;
    return FakeNotification.answer;
  });
  vi.stubGlobal('Notification', FakeNotification);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setVisibility('visible');
});

describe('notification choice', () => {
  it('is off until turned on, without asking the browser anything', () => {
    expect(notificationChoice()).toBe('off');
    expect(FakeNotification.requests).toBe(0);
  });

  it('asks for permission when turned on, remembers the choice, and can be turned off', async () => {
    const changes = vi.fn();
    const stop = subscribeNotificationChoice(changes);
    expect(await turnNotificationsOn()).toBe('on');
    expect(FakeNotification.requests).toBe(1);
    expect(localStorage.getItem(NOTIFICATIONS_KEY)).toBe('on');
    turnNotificationsOff();
    expect(notificationChoice()).toBe('off');
    expect(changes).toHaveBeenCalledTimes(2);
    stop();
  });

  it('says blocked when the browser refused, and unsupported without the API', async () => {
    FakeNotification.answer = 'denied';
    expect(await turnNotificationsOn()).toBe('blocked');
    vi.stubGlobal('Notification', undefined);
    expect(notificationChoice()).toBe('unsupported');
  });
});

describe('notifyMessage', () => {
  const theirs = message(4, tomas, 'are you there?');

  it('notifies only while turned on and the tab is hidden', async () => {
    const open = vi.fn();
    notifyMessage(theirs, open);
    await turnNotificationsOn();
    notifyMessage(theirs, open);
    expect(FakeNotification.shown).toHaveLength(0);

    setVisibility('hidden');
    notifyMessage(theirs, open);
    expect(FakeNotification.shown).toHaveLength(1);
    const [shown] = FakeNotification.shown;
    expect(shown).toMatchObject({
      title: tomas.displayName,
      options: { body: 'are you there?', tag: theirs.messageGroupUuid },
    });
    shown!.onclick!();
    expect(open).toHaveBeenCalledOnce();
    expect(shown!.closed).toBe(true);
  });
});
