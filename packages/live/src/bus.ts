import { type Delivery } from './events';

/**
 * The pub/sub engine behind live delivery, as the rest of the system sees it: producers (API
 * instances after a write, the stream worker after pattern E) publish deliveries; every API
 * instance subscribes and hands each delivery to the streams open on it for its recipients.
 * PostgreSQL LISTEN/NOTIFY is the implementation here (see pg/); the README says what would take
 * its place at a larger scale.
 */
export interface LivePublisher {
  /** Publishes in order; resolves once the engine has accepted them. */
  publish(deliveries: readonly Delivery[]): Promise<void>;
  close(): Promise<void>;
}

export interface LiveSubscriber {
  /** Connects and starts listening; resolves when listening. */
  start(): Promise<void>;
  /** Every delivery any producer publishes. */
  onDelivery(listener: (delivery: Delivery) => void): () => void;
  /** A users row changed or went (its uuid): caches forget it, its streams end. */
  onUserChanged(listener: (userUuid: string) => void): () => void;
  /** A block between two people was made or lifted. */
  onBlockChanged(listener: (blockerUuid: string, blockedUuid: string) => void): () => void;
  /**
   * The connection to the engine was lost and is back: what was published meanwhile is gone, so
   * streams must catch up from DynamoDB.
   */
  onGap(listener: () => void): () => void;
  close(): Promise<void>;
}
