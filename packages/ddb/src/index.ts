export { applyStreamRecord, type StreamRecordResult } from './apply-stream-record';
export { createDdbContext, type DdbContext, type DdbEnv } from './context';
export { createMessage, type NewMessage } from './create-message';
export {
  createMessageGroup,
  type ConversationStart,
  type NewConversation,
} from './create-message-group';
export {
  InvalidCursorError,
  InvalidInputError,
  MessageIdConflictError,
  NotMemberError,
  SelfMessageError,
  TransactionCancelledError,
} from './errors';
export { GroupRowItem, MemberItem, MessageIdGuardItem, MessageItem, PairGuardItem } from './items';
export { MESSAGE_GROUP_INDEX } from './keys';
export { listMessageGroups } from './list-message-groups';
export { listMessages } from './list-messages';
export { listMessagesAfter } from './list-messages-after';
export { isMember } from './membership';
export { type PageOptions } from './newest-first-page';
export { createTable, dropTable, tableDefinition, tableExists, type TableOptions } from './table';
export { formatTimestamp, nextMicrosecond, nowTimestamp, TIMESTAMP_PATTERN } from './timestamp';
export { type Message, type MessageGroup, type Page, type UserRef } from './types';
export { MESSAGE_MAX_CHARACTERS, PAGE_LIMIT_MAX } from './validate';
export {
  seedConversation,
  UnknownHandleError,
  type SeedOptions,
  type SeedResult,
} from './seed-conversation';
