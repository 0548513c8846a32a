import {
  isUuid,
  messageTextProblem,
  normalizeMessageText,
  PAGE_LIMIT,
  pageLimitProblem,
} from '@cruddur/validators';
import { InvalidInputError } from '../model/errors';
import { type UserRef } from '../model/types';
import { isTimestamp } from './timestamp';

/**
 * The API validates its input first, with the same rules (@cruddur/validators); these checks make
 * the library safe on its own (the CLIs, scripts, other callers): bad input is a typed error
 * raised before anything is written.
 */
export function checkUuid(field: string, value: unknown): string {
  if (!isUuid(value)) throw new InvalidInputError(field, 'must be a uuid');
  return value;
}

export function checkMessageText(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidInputError('message', 'must be text');
  const text = normalizeMessageText(value);
  const problem = messageTextProblem(text);
  if (problem) throw new InvalidInputError('message', problem);
  return text;
}

export function checkLimit(value: unknown = PAGE_LIMIT.default): number {
  const problem = pageLimitProblem(value);
  if (problem) throw new InvalidInputError('limit', problem);
  return value as number;
}

export function checkTimestamp(field: string, value: unknown): string {
  if (typeof value !== 'string' || !isTimestamp(value))
    throw new InvalidInputError(field, 'must be a YYYY-MM-DDTHH:MM:SS.ffffff+00:00 timestamp');
  return value;
}

export function checkUserRef(field: string, value: UserRef): UserRef {
  checkUuid(`${field}.uuid`, value?.uuid);
  if (typeof value.handle !== 'string' || value.handle.trim() === '')
    throw new InvalidInputError(`${field}.handle`, 'must not be blank');
  if (typeof value.displayName !== 'string')
    throw new InvalidInputError(`${field}.displayName`, 'must be text');
  return { uuid: value.uuid, handle: value.handle, displayName: value.displayName };
}
