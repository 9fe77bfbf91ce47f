import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLivePoller, type LivePoller } from '../../src/live/live-poller.js';
import { openLiveStream, type LiveStream } from '../../src/live/live-stream.js';
import { isChangeVisibleTo, presentCallChange, type OrderChange } from '../../src/live/live-visibility.js';
import { recordCallEvent } from '../../src/calls/call.service.js';
import type { LiveCallView } from '../../src/contract/calls.js';
import { SESSION_CACHE_MS, actorFromSession, login, logout } from '../../src/users/auth.service.js';
import { updateUserRow } from '../../src/users/user.repository.js';
import { updateUser } from '../../src/users/user.service.js';
import { TEST_PASSWORD, type World } from '../helpers/fixtures.js';
import { act, newOrder } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';

/** The live stream's source: one poller reading order_events from the database, filtered per user. */
describe('live order changes', () => {
  const { database, w: world } = useWorld();
  let poller: LivePoller;
  const received: OrderChange[] = [];
  let unsubscribe: () => void;

  beforeAll(async () => {
    await newOrder(world); // history before anyone listens
    poller = createLivePoller(database.db, { intervalMs: 60_000 });
    unsubscribe = poller.subscribe((changes) => received.push(...changes));
    await poller.poll();
  });
  afterAll(async () => {
    unsubscribe?.();
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

/**
 * One connection's stream: filtered for the actor its session had when it opened, closed when the
 * session is gone or the user's unit or roles changed (the browser reconnects with a fresh filter).
 * The heartbeat is driven by calling it; time by the world's clock.
 */
describe('a live stream re-checks its session', () => {
  const { database, w: world } = useWorld();
  let poller: LivePoller;

  beforeAll(async () => {
    poller = createLivePoller(database.db, { intervalMs: 60_000 });
  });
  afterAll(async () => {
    poller?.stop();
  });

  /** Signs in as a world user and opens a stream collecting what it would send. */
  async function connect(who: keyof World['usernames']) {
    const { token } = await login(world.deps, world.usernames[who], TEST_PASSWORD);
    const actor = (await actorFromSession(world.deps, token))!;
    const orders: string[] = [];
    let pings = 0;
    let ended!: () => void;
    const closed = new Promise<void>((resolve) => (ended = resolve));
    const stream: LiveStream = openLiveStream(
      world.deps,
      poller,
      { token, actor },
      {
        write: (chunk) => {
          if (chunk.startsWith(': ping')) pings += 1;
          const data = chunk.split('\n').find((l) => l.startsWith('data: '));
          if (data) orders.push((JSON.parse(data.slice(6)) as { orderId: string }).orderId);
        },
        end: () => ended(),
      },
    );
    await poller.poll(); // the first subscriber sets the starting point
    return { token, stream, orders, closed, pings: () => pings };
  }

  /** A new order dispatched to a unit, then one poll. */
  async function dispatchedTo(unitId: string) {
    const order = await newOrder(world, { title: '实时过滤测试' });
    const dispatched = await act(world, world.actors.dispatcher, order, 'dispatch', { leadUnitId: unitId });
    await poller.poll();
    return dispatched.id;
  }

  it('ends at the heartbeat after the session cache bound when another process moves the user', async () => {
    const handler = await connect('unit_handler');
    const before = await dispatchedTo(world.units.deptA1.id);
    expect(handler.orders).toContain(before);

    // Another process moves the user to county B's department: no in-process notice reaches this one.
    await updateUserRow(database.db, world.actors.unit_handler.userId!, { unit_id: world.units.deptB1.id });
    await handler.stream.heartbeat();
    expect(handler.stream.isOpen).toBe(true); // the session is still cached here (ADR 0013 bound)
    expect(handler.pings()).toBe(1);

    world.clock.advance(SESSION_CACHE_MS);
    await handler.stream.heartbeat();
    expect(handler.stream.isOpen).toBe(false);
    await handler.closed;
    expect(handler.pings()).toBe(1);
    const seen = handler.orders.length;
    await dispatchedTo(world.units.deptA1.id);
    expect(handler.orders).toHaveLength(seen); // the old unit's orders no longer reach it

    // The browser reconnects and its new stream is filtered for the new unit.
    const again = await connect('unit_handler');
    const oldUnit = await dispatchedTo(world.units.deptA1.id);
    const newUnit = await dispatchedTo(world.units.deptB1.id);
    expect(new Set(again.orders)).toEqual(new Set([newUnit])); // its accept and dispatch events
    expect(again.orders).not.toContain(oldUnit);
    again.stream.close();
  });

  it('ends at once when an admin of this process changes the unit or the roles; a name change keeps it', async () => {
    const handler = await connect('handlerB');
    const admin = world.actors.security_admin;
    await updateUser(world.deps, admin, world.actors.handlerB.userId!, { displayName: '改名不影响订阅' });
    expect(await handler.stream.check()).toBe(true);

    await updateUser(world.deps, admin, world.actors.handlerB.userId!, { unitId: world.units.company.id });
    await handler.closed; // the notice re-checked the session without waiting for a heartbeat
    expect(handler.stream.isOpen).toBe(false);
    const seen = handler.orders.length;
    await dispatchedTo(world.units.deptB1.id);
    expect(handler.orders).toHaveLength(seen);

    const teamHandler = await connect('handlerA1a');
    await updateUser(world.deps, admin, world.actors.handlerA1a.userId!, { roles: ['unit_handler', 'analyst'] });
    await teamHandler.closed;
    expect(teamHandler.stream.isOpen).toBe(false);
  });

  it("ends the stream of the session signed out, not the same user's other session", async () => {
    const first = await connect('unit_admin');
    const second = await connect('unit_admin');
    await logout(world.deps, first.token);
    await first.closed;
    expect(first.stream.isOpen).toBe(false);
    expect(await second.stream.check()).toBe(true);
    const order = await dispatchedTo(world.units.townA2.id);
    expect(second.orders).toContain(order);
    expect(first.orders).not.toContain(order);
    second.stream.close();
    await second.closed;
  });
});

/**
 * Screen-pop on the live stream (ADR 0140): a call the CTI offers to an operator reaches that
 * operator's stream as `event: call` within one poll — nobody else's — and the number is masked for a
 * reader without pii.read.
 */
describe('calls on the live stream', () => {
  const { database, w: world } = useWorld();
  let poller: LivePoller;

  beforeAll(async () => {
    poller = createLivePoller(database.db, { intervalMs: 60_000 });
  });
  afterAll(async () => {
    poller?.stop();
  });

  async function listen(who: keyof World['usernames']) {
    const { token } = await login(world.deps, world.usernames[who], TEST_PASSWORD);
    const actor = (await actorFromSession(world.deps, token))!;
    const calls: LiveCallView[] = [];
    const stream = openLiveStream(
      world.deps,
      poller,
      { token, actor },
      {
        write: (chunk) => {
          if (!chunk.startsWith('event: call\n')) return;
          calls.push(
            JSON.parse(
              chunk
                .split('\n')
                .find((l) => l.startsWith('data: '))!
                .slice(6),
            ) as LiveCallView,
          );
        },
        end: () => {},
      },
    );
    await poller.poll();
    return { stream, calls };
  }

  it('sends the operator their own ringing call with the number, and nothing to the others', async () => {
    const operator = await listen('operator');
    const dispatcher = await listen('dispatcher');
    const reporter = { centreId: world.centreId, actor: null };
    const at = world.clock.now().toISOString();
    const event = { callId: 'LIVE-1', at, callerNumber: '13800001234', operator: world.usernames.operator };
    await recordCallEvent(world.deps, reporter, { ...event, event: 'offered' });
    await recordCallEvent(world.deps, reporter, { callId: 'LIVE-unassigned', event: 'offered', at, callerNumber: '13800009999' });
    await poller.poll();
    const call = await database.db.selectFrom('calls').select('id').where('external_id', '=', 'LIVE-1').executeTakeFirstOrThrow();
    expect(operator.calls).toEqual([{ callId: Number(call.id), status: 'offered', callerNumber: '13800001234', masked: false }]);
    expect(dispatcher.calls).toEqual([]);

    await recordCallEvent(world.deps, reporter, { ...event, event: 'answered' });
    await poller.poll();
    // Two events between polls: the stream sends the call's state at the poll (a row, not a log).
    await recordCallEvent(world.deps, reporter, { ...event, event: 'ended', talkSeconds: 30 });
    await recordCallEvent(world.deps, reporter, { ...event, event: 'ended', talkSeconds: 30 });
    await poller.poll();
    expect(operator.calls.map((c) => c.status)).toEqual(['offered', 'answered', 'ended']);
    operator.stream.close();
    dispatcher.stream.close();
  });

  it('masks the number for a reader who may not see phones', () => {
    const change = {
      revision: 1,
      callId: 7,
      centreId: world.centreId,
      operatorUserId: 'u',
      status: 'offered',
      callerNumber: '138-0000-1234',
    };
    expect(presentCallChange(change, false)).toEqual({ callId: 7, status: 'offered', callerNumber: '138****1234', masked: true });
    expect(presentCallChange(change, true).callerNumber).toBe('13800001234');
  });
});
