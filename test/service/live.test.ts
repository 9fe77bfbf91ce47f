import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { createLivePoller, type LivePoller } from '../../src/live/live-poller.js';
import { isChangeVisibleTo, type OrderChange } from '../../src/live/live-visibility.js';
import { buildWorld, type World } from '../helpers/fixtures.js';
import { act, newOrder } from '../helpers/orders.js';
import { createTestDatabase } from '../helpers/test-db.js';

/** The live stream's source: one poller reading order_events from the database, filtered per user. */
describe('live order changes', () => {
  let database: Database;
  let world: World;
  let poller: LivePoller;
  const received: OrderChange[] = [];
  let unsubscribe: () => void;

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await buildWorld(database);
    await newOrder(world); // history before anyone listens
    poller = createLivePoller(database.db, { intervalMs: 60_000 });
    unsubscribe = poller.subscribe((changes) => received.push(...changes));
    await poller.poll();
  });
  afterAll(async () => {
    unsubscribe?.();
    await database?.close();
  });

  it('delivers new events once each, not the history before the first subscriber', async () => {
    expect(received).toEqual([]);
    let order = await newOrder(world, { title: '路灯不亮' });
    order = await act(world, world.actors.dispatcher, order, 'dispatch', { leadUnitId: world.units.deptA1.id });
    await poller.poll();
    expect(received.map((c) => [c.orderId, c.action, c.toState])).toEqual([
      [order.id, 'accept', 'accepted'],
      [order.id, 'dispatch', 'dispatched'],
    ]);
    await poller.poll();
    expect(received).toHaveLength(2);
  });

  it('lets centre users see every change and unit users only their subtree', () => {
    const dispatched = received.find((c) => c.action === 'dispatch')!;
    expect(dispatched.unitPaths).toEqual([world.units.deptA1.path]);
    expect(isChangeVisibleTo(world.actors.supervisor, dispatched)).toBe(true);
    expect(isChangeVisibleTo(world.actors.unit_handler, dispatched)).toBe(true);
    expect(isChangeVisibleTo(world.actors.unit_admin, dispatched)).toBe(true); // county above the department
    expect(isChangeVisibleTo(world.actors.handlerB, dispatched)).toBe(false);
    expect(isChangeVisibleTo(world.actors.handlerA1a, dispatched)).toBe(false); // a team below does not see it
    expect(isChangeVisibleTo({ ...world.actors.supervisor, centreId: crypto.randomUUID() }, dispatched)).toBe(false);
  });

  it('stops polling when the last subscriber leaves and starts fresh on the next', async () => {
    unsubscribe();
    expect(poller.listenerCount).toBe(0);
    await newOrder(world, { title: '无人收听时的工单' });
    const later: OrderChange[] = [];
    unsubscribe = poller.subscribe((changes) => later.push(...changes));
    await poller.poll();
    await poller.poll();
    expect(later).toEqual([]);
  });
});
