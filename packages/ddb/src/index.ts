/**
 * @cruddur/ddb — the messages table of Cruddur Messages. Start with the access patterns; the
 * item model and the table definition follow; `internal/` is how the patterns do their work.
 */

// The access patterns (see README "The patterns").
export { listMessages } from './patterns/a-list-messages';
export { listMessageGroups, totalUnread } from './patterns/b-list-message-groups';
export { createMessage, type CreateOptions, type NewMessage } from './patterns/c-create-message';
export {
  createMessageGroup,
  type ConversationStart,
  type NewConversation,
  type StartOptions,
} from './patterns/d-create-message-group';
export {
  applyStreamRecord,
  applyStreamRecords,
  type GroupChange,
  type RecordOutcome,
  type RecordResult,
  type StreamBatchResult,
  type StreamRecordResult,
} from './patterns/e-apply-stream-record';

// Changing a sent message in place: edit, delete (a tombstone), reactions.
export {
  deleteMessage,
  editMessage,
  reactToMessage,
  type MessageRef,
} from './patterns/message-changes';
export { refreshGroupRows } from './patterns/refresh-group-rows';

// What the patterns share: membership, pairs, the message write, the rows of a group.
export {
  adoptLegacyGroup,
  groupMembers,
  isMember,
  membersOf,
  readMembers,
  recordMembers,
  type Members,
} from './patterns/membership';
export { canonicalGroup, claimPairGroup, findPairGroup, resolvePairGroup } from './patterns/pair';
export {
  messageItem,
  putMessage,
  storeMessageAt,
  type MessageToStore,
} from './patterns/message-write';
export {
  findGroupRows,
  readRow,
  rowOf,
  type FoundRow,
  type RowChange,
} from './patterns/group-rows';
export { UNREAD_CAP, updateGroupRows, type GroupRowsUpdate } from './patterns/update-group-rows';
// Unread and read receipts: a member's read position, moved forward only.
export { markRead, readPositions } from './patterns/read-position';
export { findMessage } from './patterns/find-message';
export { listMessageGroupsAfter, listMessagesAfter } from './patterns/changes-after';
// Writing a conversation at a chosen time, for seed data and fixtures: the same write as D.
export { startConversation } from './patterns/d-create-message-group';

// Bringing a table the original wrote forward (`pnpm ddb migrate`).
export { needsCanonicalKey, rewriteToCanonicalKey, type Rewrite } from './migration/canonical-keys';

// The item model.
export {
  InvalidCursorError,
  InvalidInputError,
  MessageIdConflictError,
  MessageDeletedError,
  MessageNotFoundError,
  NotSenderError,
  NotMemberError,
  SelfMessageError,
  StaleMessageIdError,
  TransactionCancelledError,
} from './model/errors';
export {
  GroupMembersItem,
  GroupRowItem,
  itemKey,
  MemberItem,
  MessageIdGuardItem,
  MessageItem,
  PairGuardItem,
  reactionAttribute,
  toMessage,
  toMessageGroup,
  UnreadableItemError,
} from './model/items';
export {
  GROUP_ROW_PREFIX,
  groupMembersKey,
  groupRowPk,
  MEMBERS_PREFIX,
  MESSAGE_GROUP_INDEX,
  MESSAGE_PREFIX,
  messagePk,
  META_KEY,
  pairGuardKey,
} from './model/keys';
export { type Message, type MessageGroup, type Page, type UserRef } from './model/types';
export { type PageOptions } from './internal/newest-first-page';
export {
  canonicalSortKey,
  formatTimestamp,
  isTimestamp,
  nextMicrosecond,
  nowMicros,
  nowTimestamp,
  parseSortKey,
  TIMESTAMP_PATTERN,
  timestampFromMicros,
  timestampToMicros,
} from './internal/timestamp';

// The table and the client.
export { createDdbContext, type DataProblem, type DdbContext, type DdbEnv } from './context';
export {
  createTable,
  dropTable,
  enableStream,
  markNoLegacyPairs,
  tableDefinition,
  tableExists,
  type StreamChange,
  type TableOptions,
} from './table/table';
