import { createDatabase, dropDatabase, schemaLoad } from '@cruddur/db';
import { openTestDatabase, type TestDatabase } from '@cruddur/db/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Delivery } from '../events';
import { DELIVERIES_CHANNEL } from './channels';
import { createPgPublisher } from './pg-publisher';
import { createPgSubscriber } from './pg-subscriber';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
  await schemaLoad(db.pool);
});
afterAll(() => db?.close());

const typing = (to: string): Delivery => ({
  to: [to],
  event: { type: 'typing', messageGroupUuid: randomUUID(), userUuid: randomUUID() },
});

async function listening(options: { checkIntervalMs?: number } = {}) {
  const subscriber = createPgSubscriber(db.url, options);
  const received: Delivery[] = [];
  const gaps: number[] = [];
  subscriber.onDelivery((d) => received.push(d));
  subscriber.onGap(() => gaps.push(Date.now()));
  await subscriber.start();
  return { subscriber, received, gaps };
}

describe('PostgreSQL LISTEN/NOTIFY bus', () => {
  it('hands every subscriber what any publisher publishes, in order', async () => {
    const [one, two] = [await listening(), await listening()];
    const publisher = createPgPublisher(db.url);
    const sent = Array.from({ length: 20 }, () => typing(randomUUID()));
    await publisher.publish(sent.slice(0, 10));
    await createPgPublisher(db.pool).publish(sent.slice(10));
    for (const { received } of [one, two]) await expect.poll(() => received).toEqual(sent);
    await Promise.all([one.subscriber.close(), two.subscriber.close(), publisher.close()]);
  });

  it('turns a delivery too large for NOTIFY into a resync for its recipients', async () => {
    const { subscriber, received } = await listening();
    const to = randomUUID();
    const huge: Delivery = {
      to: [to],
      event: { type: 'resync', reason: 'x'.repeat(10_000) },
    };
    await createPgPublisher(db.pool).publish([huge]);
    await expect
      .poll(() => received)
      .toEqual([
        { to: [to], event: { type: 'resync', reason: 'a resync event too large to publish' } },
      ]);
    await subscriber.close();
  });

  it('ignores payloads on the channel that are not deliveries', async () => {
    const { subscriber, received } = await listening();
    const after = typing(randomUUID());
    for (const payload of ['not json', '{"to":"x"}', '{"to":[],"event":{"type":"nope"}}'])
      await db.pool.query('SELECT pg_notify($1, $2)', [DELIVERIES_CHANNEL, payload]);
    await createPgPublisher(db.pool).publish([after]);
    await expect.poll(() => received).toEqual([after]);
    await subscriber.close();
  });

  it('announces users rows that change', async () => {
    const subscriber = createPgSubscriber(db.url);
    const changed: string[] = [];
    subscriber.onUserChanged((uuid) => changed.push(uuid));
    await subscriber.start();
    const { rows } = await db.pool.query<{ uuid: string }>(
      "INSERT INTO users (handle, display_name, email) VALUES ('lena', 'Lena', 'lena@example.test') RETURNING uuid",
    );
    await db.pool.query("DELETE FROM users WHERE handle = 'lena'");
    await expect.poll(() => changed).toEqual([rows[0]!.uuid]);
    await subscriber.close();
  });

  it('announces blocks made and lifted', async () => {
    const subscriber = createPgSubscriber(db.url);
    const changed: string[][] = [];
    subscriber.onBlockChanged((blocker, blocked) => changed.push([blocker, blocked]));
    await subscriber.start();
    const { rows } = await db.pool.query<{ uuid: string }>(
      "INSERT INTO users (handle, display_name, email) VALUES ('ada', 'Ada', 'ada@example.test'), ('bo', 'Bo', 'bo@example.test') RETURNING uuid",
    );
    const [ada, bo] = rows.map((r) => r.uuid) as [string, string];
    await db.pool.query('INSERT INTO blocks (blocker_uuid, blocked_uuid) VALUES ($1, $2)', [
      ada,
      bo,
    ]);
    await db.pool.query('DELETE FROM blocks WHERE blocker_uuid = $1', [ada]);
    await expect
      .poll(() => changed)
      .toEqual([
        [ada, bo],
        [ada, bo],
      ]);
    await subscriber.close();
  });

  it('reconnects after losing its connection, and reports the gap', async () => {
    const { subscriber, received, gaps } = await listening({ checkIntervalMs: 200 });
    await db.pool.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()",
    );
    await expect.poll(() => gaps.length, { timeout: 10_000 }).toBe(1);
    const after = typing(randomUUID());
    await createPgPublisher(db.pool).publish([after]);
    await expect.poll(() => received).toContainEqual(after);
    await subscriber.close();
  });

  it('can start again after a first connection failed', async () => {
    const url = new URL(db.url);
    url.pathname = `/${url.pathname.slice(1)}_later`;
    const subscriber = createPgSubscriber(url.toString());
    const received: Delivery[] = [];
    subscriber.onDelivery((d) => received.push(d));
    await expect(subscriber.start()).rejects.toThrow(/does not exist/);
    await createDatabase(url.toString());
    try {
      await subscriber.start();
      const delivery = typing(randomUUID());
      const publisher = createPgPublisher(url.toString());
      await publisher.publish([delivery]);
      await publisher.close();
      await expect.poll(() => received).toEqual([delivery]);
    } finally {
      await subscriber.close();
      await dropDatabase(url.toString());
    }
  });
});
