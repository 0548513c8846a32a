import { type UserRef } from '@cruddur/ddb';

/** The public part of a users row: what messages and groups record about a person. */
export function toUserRef(user: UserRef): UserRef {
  return { uuid: user.uuid, handle: user.handle, displayName: user.displayName };
}
