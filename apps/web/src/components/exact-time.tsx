import { useId } from 'react';
import { formatClockTime, formatExactTime } from '../lib/message-time';
import './exact-time.css';

/**
 * A message's time of day ("7:03 PM": the day is in the separator above it) that shows the exact
 * instant in a tooltip on hover and on keyboard focus (it is focusable for that). Screen readers
 * get the exact time as the time's description.
 */
export function ExactTime({ iso }: { iso: string }) {
  const tipId = useId();
  return (
    <span className="exact-time">
      <time dateTime={iso} tabIndex={0} aria-describedby={tipId} data-testid="message-time">
        {formatClockTime(iso)}
      </time>
      <span role="tooltip" id={tipId} className="exact-time__tip">
        {formatExactTime(iso)}
      </span>
    </span>
  );
}
