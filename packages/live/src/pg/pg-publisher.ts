import { createPool, type Pool } from '@cruddur/db';
import { type LivePublisher } from '../bus';
import { type Delivery } from '../events';
import { DELIVERIES_CHANNEL } from './channels';
import { encodeDelivery } from './payload';

/**
 * Publishes with `pg_notify`, every delivery of a call in one statement (one round trip, in
 * order). Pass the program's pool to share it; with a URL the publisher owns a pool of its own.
 */
export function createPgPublisher(database: Pool | string): LivePublisher {
  const pool = typeof database === 'string' ? createPool(database) : database;
  return {
    async publish(deliveries: readonly Delivery[]) {
      if (deliveries.length === 0) return;
      await pool.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
        DELIVERIES_CHANNEL,
        deliveries.map(encodeDelivery),
      ]);
    },
    close: async () => {
      if (typeof database === 'string') await pool.end();
    },
  };
}
