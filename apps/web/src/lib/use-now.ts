import { useEffect, useState } from 'react';

/** The current time, updated every `intervalMs`, so that relative times ("3m") stay true while a view is open. */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
