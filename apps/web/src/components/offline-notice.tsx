import { useSyncExternalStore } from 'react';
import './offline-notice.css';

function subscribe(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Says so while the browser is offline, and what happens to messages written meanwhile. */
export function OfflineNotice() {
  const online = useSyncExternalStore(subscribe, () => navigator.onLine);
  return (
    <div role="status" className="offline-notice-region">
      {!online && (
        <p className="offline-notice" data-testid="offline-notice">
          You’re offline. Messages you write will be sent when you’re back online.
        </p>
      )}
    </div>
  );
}
