import { isTimestamp, nowMicros, timestampFromMicros, timestampToMicros } from '@cruddur/ddb';
import { z } from 'zod';

/**
 * A live event's id is the instant this server handed it to the stream, as a canonical timestamp
 * (`YYYY-MM-DDTHH:MM:SS.ffffff+00:00`), increasing along a stream. Every message stored before
 * that instant — minus the catch-up window, for writes that land late — has been delivered, so a
 * reconnect with it replays from DynamoDB what came after (see replay.ts).
 */
export const lastEventId = z
  .string()
  .max(64)
  .refine(isTimestamp, 'must be the id of an event this API sent (a real UTC timestamp)');

export const eventIdMicros = timestampToMicros;

/** Increasing ids for one stream: the clock, or one microsecond past the last id when it has not moved. */
export class EventIds {
  #last = 0;

  constructor(after?: string) {
    if (after) this.#last = timestampToMicros(after);
  }

  next(): string {
    this.#last = Math.max(this.#last + 1, nowMicros());
    return timestampFromMicros(this.#last);
  }
}
