import {
  matchQuery,
  type InfiniteData,
  type Query,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import type { LiveEvent, LiveEventOf, Message, MessageGroup, MessagePage } from '../lib/api-types';
import { withMessage, withOtherReadAt } from '../lib/thread-messages';
import { trpc } from '../trpc';
import {
  withActivity,
  withChangedMessage,
  withGroup,
  type ConversationPages,
} from './conversation-pages';

type ThreadPages = InfiniteData<MessagePage, unknown>;
type Kept =
  | LiveEventOf<'message'>
  | LiveEventOf<'message-changed'>
  | LiveEventOf<'group'>
  | LiveEventOf<'read'>;

/** The conversation list's query input (one list per signed-in tab). */
export const CONVERSATIONS_INPUT = { limit: 20 };
const conversationsKey = getQueryKey(trpc.messageGroups.list, undefined, 'infinite');
const threadsKey = (messageGroupUuid?: string) =>
  getQueryKey(
    trpc.messages.list,
    messageGroupUuid === undefined ? undefined : { messageGroupUuid },
    'infinite',
  );

/**
 * A fetch may have read the server before an event that arrived while it was on its way, and
 * its result then replaces what the event changed. Events are kept this long and applied again
 * to each list or thread a fetch replaces: every change is idempotent (messages by uuid, rows
 * by rev, read positions only forward), so re-applying one that the fetch saw changes nothing.
 */
export const REPLAY_MS = 30_000;
const REPLAY_MAX = 500;

const activityOf = (message: Message) => ({
  messageGroupUuid: message.messageGroupUuid,
  lastMessage: message.message,
  lastMessageAt: message.createdAt,
});

/**
 * What the live stream changes in the query cache: the conversation list (rows, new
 * conversations, the total unread) and every loaded thread (messages, their edits, deletions
 * and reactions, read receipts).
 */
export class LiveCache {
  readonly #client: QueryClient;
  readonly #now: () => number;
  #kept: { at: number; event: Kept }[] = [];
  /** Between a (re)connection and its `ready`: catch-up events arrive, reloads wait for the end. */
  #catchingUp = false;
  #reloadWhenCaughtUp = false;

  constructor(client: QueryClient, { now = Date.now }: { now?: () => number } = {}) {
    this.#client = client;
    this.#now = now;
  }

  /**
   * Applies one event of the stream (typing is not cached; `ready` is `ready()`). Returns
   * whether it was news to the cache: a message delivered again after a reconnect is not.
   */
  apply(event: LiveEvent): boolean {
    switch (event.type) {
      case 'message':
        return this.applyMessage(event.message);
      case 'message-changed':
        return this.applyChanged(event.message);
      case 'group':
        return this.applyGroup(event.group, event.unreadDelta);
      case 'read':
        return this.#applyRead(event);
      case 'resync':
        this.resync();
        return true;
      default:
        return false;
    }
  }

  /** A new message: in its thread if loaded, and moving its conversation to the top. */
  applyMessage(message: Message): boolean {
    this.#keep({ type: 'message', message });
    const inThread = this.#update<ThreadPages>(threadsKey(message.messageGroupUuid), (data) =>
      withMessage(data, message),
    );
    const inList = this.#update<ConversationPages>(conversationsKey, (data) =>
      withActivity(data, activityOf(message)),
    );
    return inThread || inList;
  }

  /**
   * A message edited, deleted or reacted to (a `message-changed` event, or the answer to my own
   * change): its newer version replaces the one held, by rev; a conversation's newest message
   * changes its row's preview too.
   */
  applyChanged(message: Message): boolean {
    this.#keep({ type: 'message-changed', message });
    const inThread = this.#update<ThreadPages>(threadsKey(message.messageGroupUuid), (data) =>
      withMessage(data, message),
    );
    const inList = this.#update<ConversationPages>(conversationsKey, (data) =>
      withChangedMessage(data, message),
    );
    return inThread || inList;
  }

  /** My row of a conversation as the server has it now (a `group` event, markRead's answer). */
  applyGroup(group: MessageGroup, unreadDelta: number | null): boolean {
    this.#keep({ type: 'group', group, unreadDelta });
    let reload = false;
    const news = this.#update<ConversationPages>(conversationsKey, (data) => {
      const change = withGroup(data, group, unreadDelta);
      reload ||= change.reload;
      return change.data;
    });
    if (reload) this.#reloadConversations();
    return news;
  }

  /** The other person has read up to `readAt` in a conversation (a read receipt). */
  #applyRead(event: LiveEventOf<'read'>): boolean {
    this.#keep(event);
    return this.#update<ThreadPages>(threadsKey(event.messageGroupUuid), (data) =>
      withOtherReadAt(data, event.readAt),
    );
  }

  /** Updates every loaded query under `queryKey`; whether any of them changed. */
  #update<T>(queryKey: QueryKey, update: (data: T) => T | undefined): boolean {
    let news = false;
    this.#client.setQueriesData<T>({ queryKey }, (data) => {
      if (data === undefined) return undefined;
      const next = update(data);
      if (next === data) return undefined;
      news = true;
      return next;
    });
    return news;
  }

  /** The stream cannot tell what was missed: reload the list and the loaded threads. */
  resync(): void {
    void this.#client.invalidateQueries({ queryKey: conversationsKey });
    void this.#client.invalidateQueries({ queryKey: threadsKey() });
  }

  /** A connection opened; what it replays first ends with `ready`. */
  connected(): void {
    this.#catchingUp = true;
  }

  /**
   * The stream is live. A stream opened without a last event id replays nothing, so what was
   * loaded before it started may miss what happened in between: it is loaded again, once.
   */
  ready({ fresh }: { fresh: boolean }): void {
    this.#catchingUp = false;
    const reload = this.#reloadWhenCaughtUp;
    this.#reloadWhenCaughtUp = false;
    if (fresh) this.resync();
    else if (reload) this.#reloadConversations();
  }

  /** Re-applies recent events to each list or thread a fetch replaces; returns the unsubscribe. */
  watch(): () => void {
    return this.#client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success' && !event.action.manual)
        this.#replayInto(event.query as Query);
    });
  }

  #reloadConversations(): void {
    if (this.#catchingUp) this.#reloadWhenCaughtUp = true;
    else void this.#client.invalidateQueries({ queryKey: conversationsKey });
  }

  #keep(event: Kept): void {
    const at = this.#now();
    this.#kept = this.#kept.filter((k) => at - k.at < REPLAY_MS).slice(-REPLAY_MAX + 1);
    this.#kept.push({ at, event });
  }

  #replayInto(query: Query): void {
    const recent = this.#kept.filter((k) => this.#now() - k.at < REPLAY_MS).map((k) => k.event);
    if (recent.length === 0) return;
    if (matchQuery({ queryKey: conversationsKey }, query)) {
      const before = query.state.data as ConversationPages | undefined;
      if (!before) return;
      let data = before;
      for (const event of recent) {
        if (event.type === 'message') data = withActivity(data, activityOf(event.message));
        else if (event.type === 'message-changed') data = withChangedMessage(data, event.message);
        else if (event.type === 'group')
          data = withGroup(data, event.group, event.unreadDelta, { replay: true }).data;
      }
      if (data !== before) this.#client.setQueryData(query.queryKey, data);
    } else if (matchQuery({ queryKey: threadsKey() }, query)) {
      const key = query.queryKey[1] as { input?: { messageGroupUuid?: string } } | undefined;
      const group = key?.input?.messageGroupUuid;
      const before = query.state.data as ThreadPages | undefined;
      let data = before;
      for (const event of recent) {
        if (
          (event.type === 'message' || event.type === 'message-changed') &&
          event.message.messageGroupUuid === group
        )
          data = withMessage(data, event.message);
        else if (event.type === 'read' && event.messageGroupUuid === group)
          data = withOtherReadAt(data, event.readAt);
      }
      if (data !== before) this.#client.setQueryData(query.queryKey, data);
    }
  }
}
