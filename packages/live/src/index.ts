/**
 * @cruddur/live — live delivery: the events a person's stream carries, the pub/sub interface
 * producers and API instances share, and its PostgreSQL LISTEN/NOTIFY implementation.
 */
export { type LivePublisher, type LiveSubscriber } from './bus';
export {
  eventKey,
  LIVE_EVENT_TYPES,
  type Delivery,
  type LiveEvent,
  type LiveEventType,
} from './events';
export { changeDeliveries, rowDeliveries } from './group-deliveries';
export { BLOCKS_CHANGED_CHANNEL, DELIVERIES_CHANNEL, USERS_CHANGED_CHANNEL } from './pg/channels';
export { createPgPublisher } from './pg/pg-publisher';
export { createPgSubscriber, type PgSubscriberOptions } from './pg/pg-subscriber';
