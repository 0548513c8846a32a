// Plain functions and constants, no dependencies: the web app bundles them too.
export {
  DISPLAY_NAME_MAX_CHARACTERS,
  displayNameProblem,
  normalizeDisplayName,
} from './display-name';
export { EMAIL_MAX_CHARACTERS, emailProblem, normalizeEmail } from './email';
export { HANDLE_MAX_CHARACTERS, HANDLE_PATTERN, handleProblem, normalizeHandle } from './handle';
export {
  characterCount,
  MESSAGE_MAX_CHARACTERS,
  messageTextProblem,
  normalizeMessageText,
} from './message-text';
export { messageIdAt, messageIdClock, microsOfMessageId } from './message-id';
export { PAGE_LIMIT, pageLimitProblem } from './page';
export { PASSWORD_POLICY, PASSWORD_RULES, passwordProblems, type PasswordRule } from './password';
export {
  normalizePeopleQuery,
  PEOPLE_QUERY_MAX_CHARACTERS,
  PEOPLE_SEARCH_LIMIT,
  peopleQueryProblem,
  peopleSearchLimitProblem,
} from './people-search';
export {
  parseSignUpRefusal,
  SIGN_UP_REFUSALS,
  signUpRefusalMessage,
  type SignUpRefusal,
} from './sign-up-refusal';
export { hasControlCharacters } from './text';
export { isUuid, UUID_PATTERN } from './uuid';
export { isReactionName, REACTION_NAMES, REACTIONS, type ReactionName } from './reactions';
export { profileAttributes } from './cognito-attributes';
