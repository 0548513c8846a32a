import { formatFullTime, formatRelativeTime } from '../lib/time-format';

/** A compact time ("3m", "Nov 3"); pointer users get the full date as a tooltip, screen readers hear it. */
export function RelativeTime({
  iso,
  now,
  className,
}: {
  iso: string;
  now: Date;
  className?: string;
}) {
  const full = formatFullTime(iso);
  return (
    <time className={className} dateTime={iso} title={full}>
      <span aria-hidden="true">{formatRelativeTime(iso, { now })}</span>
      <span className="sr-only">{full}</span>
    </time>
  );
}
