/**
 * @cruddur/ddb — the messages table of Cruddur Messages. Start with the access patterns; the
 * item model and the table definition follow; `internal/` is how the patterns do their work.
 */

// The access patterns (see README "The patterns").
export { listMessages } from './patterns/a-list-messages';
export { listMessageGroups } from './patterns/b-list-message-groups';
export { createMessage, type NewMessage } from './patterns/c-create-message';
export {
  createMessageGroup,
  type ConversationStart,
  type NewConversation,
} from './patterns/d-create-message-group';
export { applyStreamRecord, type StreamRecordResult } from './patterns/e-apply-stream-record';
export { isMember } from './patterns/membership';
export { listMessagesAfter } from './patterns/list-messages-after';

// Writing at chosen times, for seed data and fixtures: the same writes as C, D and E.
export { findPairGroup, startConversation } from './patterns/d-create-message-group';
export { storeMessage, type MessageToStore } from './patterns/store-message';
export { moveGroupRows } from './patterns/move-group-rows';

// The item model.
export {
  InvalidCursorError,
  InvalidInputError,
  MessageIdConflictError,
  NotMemberError,
  SelfMessageError,
  TransactionCancelledError,
} from './model/errors';
export {
  GroupRowItem,
  MemberItem,
  MessageIdGuardItem,
  MessageItem,
  PairGuardItem,
} from './model/items';
export { MESSAGE_GROUP_INDEX } from './model/keys';
export { type Message, type MessageGroup, type Page, type UserRef } from './model/types';
export { type PageOptions } from './internal/newest-first-page';
export {
  formatTimestamp,
  nextMicrosecond,
  nowTimestamp,
  TIMESTAMP_PATTERN,
  timestampToMicros,
} from './internal/timestamp';

// The table and the client.
export { createDdbContext, type DdbContext, type DdbEnv } from './context';
export {
  createTable,
  dropTable,
  tableDefinition,
  tableExists,
  type TableOptions,
} from './table/table';
