/**
 * Key layout of the single table. The first two item types are the original Cruddur's and must
 * stay byte-compatible; the guards have prefixes of their own so they never show up in its queries.
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

/** Makes a client-chosen message id usable once: the second create with it finds the first. */
export const messageIdGuardKey = (messageUuid: string) => ({
  pk: `MSGID#${messageUuid}`,
  sk: 'MSGID' as const,
});

/**
 * One per participant of a group, pointing at the participant's group row (`row_sk`). Membership
 * and pattern E read these with strongly consistent reads: the GSI lags behind writes, so a group
 * just created or a row being moved could otherwise look absent.
 */
export const MEMBERS_PREFIX = 'MEMBERS#';
export const membersPk = (messageGroupUuid: string) => `${MEMBERS_PREFIX}${messageGroupUuid}`;
export const memberKey = (messageGroupUuid: string, userUuid: string) => ({
  pk: membersPk(messageGroupUuid),
  sk: `USER#${userUuid}`,
});
