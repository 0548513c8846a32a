import { useState, useSyncExternalStore } from 'react';
import {
  notificationChoice,
  subscribeNotificationChoice,
  turnNotificationsOff,
  turnNotificationsOn,
} from '../live/notifications';

/**
 * "Notify me": desktop notifications for new messages while this tab is hidden. The browser's
 * permission prompt appears only after this button is pressed, never on load.
 */
export function NotifyToggle() {
  const choice = useSyncExternalStore(subscribeNotificationChoice, notificationChoice);
  const [asking, setAsking] = useState(false);
  if (choice === 'unsupported') return null;
  if (choice === 'blocked')
    return (
      <span className="muted small" title="Allow notifications for this site in the browser">
        Notifications blocked
      </span>
    );
  const on = choice === 'on';
  const toggle = async () => {
    if (on) return turnNotificationsOff();
    setAsking(true);
    try {
      await turnNotificationsOn();
    } finally {
      setAsking(false);
    }
  };
  return (
    <button
      type="button"
      className="button button--ghost button--small button--toggle"
      aria-pressed={on}
      aria-disabled={asking}
      onClick={() => {
        if (!asking) void toggle();
      }}
    >
      {on && <span aria-hidden="true">✓</span>}
      Notify me
    </button>
  );
}
