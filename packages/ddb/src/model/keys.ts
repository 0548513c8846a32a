/**
 * Key layout of the single table. The first two item types are the original Cruddur's and must
 * stay byte-compatible; everything else has a prefix of its own so it never shows up in the
 * original's queries (which read `GRP#…` and `MSG#…` partitions and the GSI).
 */
export const MESSAGE_GROUP_INDEX = 'message-group-sk-index';

export const GROUP_ROW_PREFIX = 'GRP#';
export const MESSAGE_PREFIX = 'MSG#';

export const groupRowPk = (userUuid: string) => `${GROUP_ROW_PREFIX}${userUuid}`;
export const messagePk = (messageGroupUuid: string) => `${MESSAGE_PREFIX}${messageGroupUuid}`;

/** At most one group per pair: both orders of the two users name the same guard. */
export function pairGuardKey(a: string, b: string) {
  const [low, high] = a < b ? [a, b] : [b, a];
  return { pk: `PAIR#${low}#${high}`, sk: 'PAIR' as const };
}

/**
 * Who is in a group. Membership never changes once a group exists (a conversation is between
 * exactly two people), so it is read with strong consistency once and can be cached forever.
 * Version 1 of this project wrote one item per member in the same partition (`USER#{uuid}`); both
 * forms are read.
 */
export const MEMBERS_PREFIX = 'MEMBERS#';
export const membersPk = (messageGroupUuid: string) => `${MEMBERS_PREFIX}${messageGroupUuid}`;
export const groupMembersKey = (messageGroupUuid: string) => ({
  pk: membersPk(messageGroupUuid),
  sk: 'MEMBERS' as const,
});

/**
 * Version 1 made client-chosen message ids usable once with this guard. It is still written for
 * ids that carry no time (not version 7), whose sort key cannot be derived from the id.
 */
export const messageIdGuardKey = (messageUuid: string) => ({
  pk: `MSGID#${messageUuid}`,
  sk: 'MSGID' as const,
});

/** What this table is: which version of the model wrote it, and whether legacy data remains. */
export const META_KEY = { pk: 'META#cruddur', sk: 'SCHEMA' } as const;
