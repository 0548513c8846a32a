import { type MessageGroup, type Page } from '@cruddur/ddb';
import { type Delivery } from '@cruddur/live';
import { type ApiServices } from '../services';
import { FreshCache } from './fresh-cache';

/** The first page of someone's conversation list, as `messageGroups.list` returns it. */
export type InboxPage = Page<MessageGroup> & { totalUnread: number | null };

/** Each member's read position in a group (canonical keys; null when unknown). */
export type ReadPositions = Map<string, string | null>;

export interface FreshCaches {
  /** First pages of lists, by owner (and page size). */
  inbox: FreshCache<InboxPage>;
  /** Read positions, by group. */
  readPositions: FreshCache<ReadPositions>;
  /** Drops what a delivery says has changed. */
  observe(delivery: Delivery): void;
  clear(): void;
}

/**
 * The instance's event-fresh caches. A `group` event is the announcement of a row change (its
 * owner's list, the group's read positions); `read` of a read position; `resync` of anything.
 */
export function createFreshCaches(): FreshCaches {
  const inbox = new FreshCache<InboxPage>();
  const readPositions = new FreshCache<ReadPositions>();
  return {
    inbox,
    readPositions,
    observe: ({ to, event }) => {
      if (event.type === 'group') {
        for (const uuid of to) inbox.forget(uuid);
        readPositions.forget(event.group.messageGroupUuid);
      } else if (event.type === 'read') readPositions.forget(event.messageGroupUuid);
      else if (event.type === 'resync') for (const uuid of to) inbox.forget(uuid);
    },
    clear: () => {
      inbox.clear();
      readPositions.clear();
    },
  };
}

/**
 * `load()` through one of the instance's fresh caches — only while live events reach this
 * instance, since only they keep a cached answer fresh; straight to the stores otherwise.
 */
export function freshOr<V extends NonNullable<unknown>>(
  { fresh, hub }: Pick<ApiServices, 'fresh' | 'hub'>,
  pick: (caches: FreshCaches) => FreshCache<V>,
  key: string,
  variant: string | number,
  load: () => Promise<V>,
): Promise<V> {
  return fresh && hub?.listening ? pick(fresh).get(key, variant, load) : load();
}
