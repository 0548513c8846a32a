import { UNREAD_CAP } from '../live/conversation-pages';

/** An unread count as a badge shows it: the API stops counting at the cap, so "99+" from there. */
export function formatUnread(count: number): string {
  return count >= UNREAD_CAP ? `${UNREAD_CAP - 1}+` : String(count);
}

/** The page title with the total unread in front ("(3) Cruddur Messages"), none when 0. */
export function unreadTitle(base: string, total: number | null): string {
  return total ? `(${formatUnread(total)}) ${base}` : base;
}
