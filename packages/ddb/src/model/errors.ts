import { type CancellationReason } from '@aws-sdk/client-dynamodb';

/** A cursor that this package did not hand out for this very list (tampered, truncated, or another list's). */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor(reason: string) {
    super(`invalid cursor: ${reason}`);
  }
}

/** An argument a caller should have validated: blank or oversized text, a malformed id, a bad limit. */
export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

export class NotMemberError extends Error {
  override readonly name = 'NotMemberError';
  constructor(
    readonly messageGroupUuid: string,
    readonly userUuid: string,
  ) {
    super(`user ${userUuid} is not a participant of message group ${messageGroupUuid}`);
  }
}

/** A messageUuid that already belongs to a different message (other group, sender or text). */
export class MessageIdConflictError extends Error {
  override readonly name = 'MessageIdConflictError';
  constructor(readonly messageUuid: string) {
    super(`message id ${messageUuid} already belongs to another message`);
  }
}

/**
 * A version-7 message id whose time is too far in the past for a new message, and that no stored
 * message carries: the send it belonged to never landed. Make a new id and send again.
 */
export class StaleMessageIdError extends Error {
  override readonly name = 'StaleMessageIdError';
  constructor(readonly messageUuid: string) {
    super(`message id ${messageUuid} is too old for a new message; make a new id and send again`);
  }
}

export class SelfMessageError extends Error {
  override readonly name = 'SelfMessageError';
  constructor(readonly userUuid: string) {
    super('a conversation needs two different people: you cannot message yourself');
  }
}

/** A transaction DynamoDB refused for a reason this package does not resolve by itself. */
export class TransactionCancelledError extends Error {
  override readonly name = 'TransactionCancelledError';
  constructor(
    readonly operation: string,
    /** One entry per item of the transaction, in order; `Code` is `None` for the items that were fine. */
    readonly reasons: CancellationReason[],
    options?: ErrorOptions,
  ) {
    const codes = reasons
      .map((r, i) => `#${i} ${r.Code ?? 'None'}${r.Message ? ` (${r.Message})` : ''}`)
      .join(', ');
    super(`${operation}: transaction cancelled: ${codes || 'no reasons given'}`, options);
  }
}

/** A message id that names no message of the group (never sent there, or not yet stored). */
export class MessageNotFoundError extends Error {
  override readonly name = 'MessageNotFoundError';
  constructor(
    readonly messageGroupUuid: string,
    readonly messageUuid: string,
  ) {
    super(`message group ${messageGroupUuid} has no message ${messageUuid}`);
  }
}

/** Only the person who sent a message may edit or delete it. */
export class NotSenderError extends Error {
  override readonly name = 'NotSenderError';
  constructor(readonly messageUuid: string) {
    super(`message ${messageUuid} was sent by someone else: only its sender may change it`);
  }
}

/** A deleted message stays a tombstone: it cannot be edited or reacted to. */
export class MessageDeletedError extends Error {
  override readonly name = 'MessageDeletedError';
  constructor(readonly messageUuid: string) {
    super(`message ${messageUuid} was deleted`);
  }
}
