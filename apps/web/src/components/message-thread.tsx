import { useMemo, useRef, type ReactNode } from 'react';
import { layoutThread } from '../lib/thread-layout';
import type { ThreadItem } from '../lib/thread-messages';
import { useNow } from '../lib/use-now';
import { useThreadScroll } from '../lib/use-thread-scroll';
import { LoadMoreButton } from './load-more-button';
import { MessageBubble } from './message-bubble';

export interface MessageThreadProps {
  label: string;
  items: readonly ThreadItem[];
  meUuid: string | undefined;
  /** My latest message the other person has read ("Seen" under it). */
  seenUuid?: string | null;
  /** Earlier pages, when there may be any. */
  older?: { available: boolean; loading: boolean; load: () => void };
  onRetry: (messageUuid: string) => void;
  onDiscard?: (messageUuid: string) => void;
  /** What a message on its way says, by its uuid, when not just "Sending…". */
  pendingLabels?: ReadonlyMap<string, string>;
  /** Shown when there are no messages at all. */
  empty: ReactNode;
  /** Text for the polite live region: the latest message from the other person, a read receipt. */
  announcement?: string;
}

/** Said once a message turns to "Not sent" (the bubble's change alone would go unheard). */
function notSentNotice(items: readonly ThreadItem[]): string {
  const failed = items.filter((item) => item.status === 'failed').length;
  if (failed === 0) return '';
  return failed === 1 ? 'A message was not sent.' : `${failed} messages were not sent.`;
}

/**
 * The scrolling message list, oldest at the top. Reaching the top (or pressing the button there)
 * loads the previous page without moving what is on screen.
 */
export function MessageThread(props: MessageThreadProps) {
  const { label, items, meUuid, seenUuid = null, older, onRetry, empty, announcement = '' } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const now = useNow();
  // Day separators ("Today", "Yesterday"…) follow the clock: recomputed as `now` moves on.
  const rows = useMemo(() => layoutThread(items, { now }), [items, now]);
  const last = items.at(-1);

  useThreadScroll(
    containerRef,
    items[0]?.messageUuid,
    last?.messageUuid,
    last !== undefined && last.sender.uuid === meUuid,
  );

  return (
    <div
      ref={containerRef}
      className="thread"
      data-testid="message-thread"
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {older?.available ? (
        <LoadMoreButton
          className="thread__older"
          label="Load older messages"
          loadingLabel="Loading older messages…"
          loading={older.loading}
          onLoad={older.load}
          root={containerRef}
          rootMargin="400px 0px 0px 0px"
          rearm={items[0]?.messageUuid}
        />
      ) : (
        items.length > 0 && (
          <p className="thread__start">This is the beginning of the conversation.</p>
        )
      )}
      {items.length === 0 ? (
        <div className="thread__empty">{empty}</div>
      ) : (
        <ol className="thread__messages">
          {rows.map((row) =>
            row.kind === 'day' ? (
              <li key={row.key} className="thread__day" data-testid="day-separator">
                <span>{row.label}</span>
              </li>
            ) : (
              <MessageBubble
                key={row.key}
                item={row.item}
                mine={row.item.sender.uuid === meUuid}
                meUuid={meUuid}
                seen={row.item.messageUuid === seenUuid}
                startsRun={row.startsRun}
                endsRun={row.endsRun}
                pendingLabel={props.pendingLabels?.get(row.item.messageUuid)}
                onRetry={onRetry}
                onDiscard={props.onDiscard}
              />
            ),
          )}
        </ol>
      )}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <p className="sr-only" aria-live="polite">
        {notSentNotice(items)}
      </p>
    </div>
  );
}
