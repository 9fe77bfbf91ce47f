import { describe, expect, it } from 'vitest';
import { ORDER_ACTIONS } from '../../src/orders/order-actions.schemas.js';
import { TRANSITIONS, checkTransition } from '../../src/orders/order-transitions.js';
import { citizenActor, rateAppeal } from '../../src/portal/portal.service.js';
import { act, newOrder, toVisiting } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';

const { w } = useWorld();

describe("the portal's citizen actor", () => {
  it('may take only the return visit in the whole table: visit_close, or visit_check when dissatisfied (ADR 0135)', () => {
    const citizen = citizenActor(w.centreId);
    const allowed = ORDER_ACTIONS.filter(
      (action) =>
        checkTransition({ state: TRANSITIONS[action].from[0], leadUnitPath: '/x/', clockPaused: false }, action, citizen).ok,
    );
    expect(allowed).toEqual(['visit_close', 'visit_check']);
    expect(citizen.roles).toEqual([]);
  });

  it('is refused (403) for any other move, e.g. sending the order back for re-handling', async () => {
    const o = await toVisiting(w);
    await expect(
      act(w, citizenActor(w.centreId), o, 'visit_rehandle', { resolved: false, reason: '不满意' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const fresh = await newOrder(w);
    await expect(act(w, citizenActor(w.centreId), fresh, 'dispatch', { leadUnitId: w.units.deptA1.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('closes a visiting order through transitionOrder, with a timeline event in its own name', async () => {
    const o = await toVisiting(w);
    const closed = await act(w, citizenActor(w.centreId), o, 'visit_close', {
      reached: true,
      satisfaction: 'satisfied',
      resolved: true,
      method: 'web',
    });
    expect(closed).toMatchObject({ state: 'closed', satisfaction: 'satisfied', resolved: true, version: o.version + 1 });
    const event = await w.deps.db
      .selectFrom('order_events')
      .selectAll()
      .where('order_id', '=', o.id)
      .where('action', '=', 'visit_close')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_user_id: null, actor_label: '市民（网上）', from_state: 'visiting', to_state: 'closed' });
  });

  it('two ratings at once: exactly one becomes the return visit, the other answers 409', async () => {
    const o = await toVisiting(w);
    const rating = (satisfaction: 'satisfied' | 'dissatisfied') =>
      rateAppeal(w.deps, { orderNo: o.order_no, code: o.query_code, satisfaction, resolved: true });
    const results = await Promise.allSettled([rating('satisfied'), rating('dissatisfied')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'INVALID_TRANSITION' });
    const visits = await w.deps.db.selectFrom('return_visits').selectAll().where('order_id', '=', o.id).execute();
    expect(visits).toHaveLength(1);
    expect(visits[0].method).toBe('web');
  });
});
