import { z } from 'zod';
import { LIVE_EVENT_TYPES, type Delivery } from '../events';

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7_999;

/**
 * A delivery as one NOTIFY payload. A message is at most 1,024 characters, so a delivery fits
 * with room to spare; should one not (a later event type, a very long name), its recipients are
 * told to catch up from DynamoDB rather than the publish failing.
 */
export function encodeDelivery(delivery: Delivery): string {
  const payload = JSON.stringify(delivery);
  if (Buffer.byteLength(payload, 'utf8') <= MAX_PAYLOAD_BYTES) return payload;
  return JSON.stringify({
    to: delivery.to,
    event: { type: 'resync', reason: `a ${delivery.event.type} event too large to publish` },
  } satisfies Delivery);
}

const DeliveryShape = z.object({
  to: z.array(z.string()),
  event: z.looseObject({ type: z.enum(LIVE_EVENT_TYPES) }),
});

/**
 * A payload read back, or null when it is not one (another program on the channel, a newer
 * producer's event type during a deploy): streams only ever see deliveries they understand.
 */
export function decodeDelivery(payload: string): Delivery | null {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return null;
  }
  const parsed = DeliveryShape.safeParse(json);
  return parsed.success ? (parsed.data as unknown as Delivery) : null;
}
