import { InvalidInputError } from './errors';
import { isTimestamp } from './timestamp';
import { type UserRef } from './types';

/** Counted in characters (code points), like the API's own limit. */
export const MESSAGE_MAX_CHARACTERS = 1024;
export const PAGE_LIMIT_MAX = 100;
export const DEFAULT_PAGE_LIMIT = 20;

// Any 8-4-4-4-12 hex id: the original data holds uuids that are not all RFC 4122 v4.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The API validates its input first; these checks make the library safe on its own (the CLI,
 * scripts, other callers): bad input is a typed error raised before anything is written.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function checkUuid(field: string, value: unknown): string {
  if (!isUuid(value)) throw new InvalidInputError(field, 'must be a uuid');
  return value;
}

export function checkMessageText(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidInputError('message', 'must be text');
  if (value.trim() === '') throw new InvalidInputError('message', 'must not be blank');
  if ([...value].length > MESSAGE_MAX_CHARACTERS)
    throw new InvalidInputError('message', `must be at most ${MESSAGE_MAX_CHARACTERS} characters`);
  return value;
}

export function checkLimit(value: unknown = DEFAULT_PAGE_LIMIT): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 1 ||
    value > PAGE_LIMIT_MAX
  ) {
    throw new InvalidInputError('limit', `must be a whole number from 1 to ${PAGE_LIMIT_MAX}`);
  }
  return value;
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
