// Plain functions and constants, no dependencies: the web app bundles them too.
export { HANDLE_MAX_CHARACTERS, HANDLE_PATTERN, handleProblem, normalizeHandle } from './handle';
export {
  characterCount,
  MESSAGE_MAX_CHARACTERS,
  messageTextProblem,
  normalizeMessageText,
} from './message-text';
export { messageIdAt, messageIdClock, microsOfMessageId } from './message-id';
export { PAGE_LIMIT, pageLimitProblem } from './page';
export { isUuid, UUID_PATTERN } from './uuid';
