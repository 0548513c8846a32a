/**
 * Any 8-4-4-4-12 hex id: the original Cruddur's data holds uuids that are not all RFC 4122
 * version 4, and this project's message ids are version 7.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
