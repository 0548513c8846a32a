import { useEffect, useState } from 'react';
import { unreadTitle } from './unread';

/** Shows the total unread in the page title while mounted ("(3) Cruddur Messages"). */
export function useUnreadTitle(total: number | null): void {
  const [base] = useState(() => document.title);
  useEffect(() => {
    document.title = unreadTitle(base, total);
  }, [base, total]);
  useEffect(
    () => () => {
      document.title = base;
    },
    [base],
  );
}
