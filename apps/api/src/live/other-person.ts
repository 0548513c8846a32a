import { type LiveEvent } from '@cruddur/live';

/**
 * Whose doing an event shows its recipient: the sender of a message, the reader or typist. Blocks
 * keep the events of one person away from the other. Rows and control events are one's own.
 */
export function otherPerson(event: LiveEvent): string | null {
  switch (event.type) {
    case 'message':
    case 'message-changed':
      return event.message.sender.uuid;
    case 'read':
    case 'typing':
      return event.userUuid;
    default:
      return null;
  }
}
