import { useLive } from '../live/live-context';

const TEXT = { live: '', connecting: 'Connecting…', paused: 'Live updates paused.' };

/**
 * Says so when live updates are not arriving, with a way to ask for them again. The status region
 * is always there, empty while live, so that a change is announced.
 */
export function LiveStatus() {
  const { status, reconnect } = useLive();
  return (
    <p className="live-status" role="status" data-testid="live-status" data-state={status}>
      {TEXT[status]}
      {status === 'paused' && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={reconnect}>
            Reconnect
          </button>
        </>
      )}
    </p>
  );
}
