import { linkCallToOrder, recordCallEvent } from '../../calls/call.service.js';
import type { Order } from '../../db/schema.js';
import type { ActionPayload, OrderAction } from '../../orders/order-actions.schemas.js';
import { acceptOrder } from '../../orders/order-intake.service.js';
import { transitionOrder } from '../../orders/order-transition.service.js';
import { ManualClock } from '../../shared/clock.js';
import type { OrderDeps as Deps } from '../../orders/order-hooks.js';
import type { Actor, Role } from '../../users/roles.js';
import { appealText, callerName, callerPhone } from '../demo-text.js';
import { Rng } from '../rng.js';
import { scenarioPlan, type ScenarioPlan } from './scenario-plan.js';
import { createScenarioOrg, type ScenarioOrg } from './scenario-org.service.js';
import { buildSchedule, type OrderFate } from './xilingol-2021.schedule.js';

const HOUR = 3600_000;
export const XILINGOL_2021 = {
  code: 'xilingol-2021',
  name: '锡林郭勒盟12345热线（2021年5—7月情景）',
  from: '2021-05-01',
  to: '2021-07-31',
  usernamePrefix: 'x2021',
} as const;

export interface ScenarioResult {
  centreId: string;
  plan: ScenarioPlan;
  orders: number;
  calls: number;
}

const centreActor = (org: ScenarioOrg, role: Role, label: string): Actor => ({
  kind: 'user',
  userId: null,
  centreId: org.centreId,
  unitId: org.centreUnit.id,
  unitPath: org.centreUnit.path,
  roles: [role],
  label,
});

/**
 * Loads the xilingol-2021 scenario into a centre of its own, through the normal domain functions
 * (acceptOrder, transitionOrder, the calls service) on a ManualClock that walks through May–July
 * 2021. Deterministic for a seed; `scale` < 1 loads proportionally fewer of everything; `lanes`
 * plays that many orders at a time (PostgreSQL; PGlite has one connection).
 */
export async function loadXilingol2021(
  deps: Deps,
  opts: { scale?: number; seed?: number; log?: (line: string) => void; centreCode?: string; lanes?: number } = {},
): Promise<ScenarioResult> {
  const plan = scenarioPlan(opts.scale ?? 1);
  const rng = new Rng(opts.seed ?? 2021);
  const org = await deps.db
    .transaction()
    .execute((tx) =>
      createScenarioOrg(
        tx,
        { code: opts.centreCode ?? XILINGOL_2021.code, name: XILINGOL_2021.name },
        XILINGOL_2021.usernamePrefix,
      ),
    );
  const cti = { centreId: org.centreId, actor: null };
  const operator = centreActor(org, 'operator', '话务员');
  const dispatcher = centreActor(org, 'dispatcher', '派单员');
  const supervisor = centreActor(org, 'supervisor', '督办员');
  const schedule = buildSchedule(plan, rng, XILINGOL_2021.from, 92);
  const mainOrders: string[] = [];
  let calls = 0;

  const recordCall = async (d: Deps, id: string, answeredAt: Date, endedAt: Date, waitSeconds: number, hotline: string) => {
    calls++;
    return recordCallEvent(d, cti, {
      callId: id,
      event: 'ended',
      offeredAt: new Date(answeredAt.getTime() - waitSeconds * 1000).toISOString(),
      answeredAt: answeredAt.toISOString(),
      at: endedAt.toISOString(),
      hotlineNumber: hotline,
    });
  };

  // Each order on its own clock and random stream, so lanes can run side by side on PostgreSQL
  // and the result does not depend on their interleaving.
  const playOrder = async (i: number, fate: OrderFate) => {
    const clock = new ManualClock(fate.at);
    const d: Deps = { ...deps, clock };
    const orng = new Rng((opts.seed ?? 2021) * 100_003 + i);
    const county = orng.pick(org.counties);
    const leaf = orng.pick(org.leaves);
    const text = appealText(leaf.name, county.unit.name, orng);
    let order = await acceptOrder(d, operator, {
      channel: fate.channel,
      ...(fate.channel === 'phone' ? { sourceNumber: fate.hotline } : {}),
      appealType: fate.kind === 'direct' ? 'consult' : orng.pick(['complaint', 'help', 'help', 'suggestion', 'report'] as const),
      categoryId: leaf.id,
      priority: orng.chance(0.05) ? 2 : 3,
      title: text.title,
      content: text.content,
      callerName: callerName(orng),
      callerPhone: callerPhone(orng),
      regionId: county.regionId,
      address: text.address ?? undefined,
    });
    if (fate.channel === 'phone') {
      const talk = 120 + orng.int(0, 480);
      const call = await recordCall(d, `X21-O${i}`, new Date(fate.at.getTime() - talk * 1000), fate.at, fate.wait, fate.hotline);
      await linkCallToOrder(d, cti, call.id, order.id);
    }
    const act = async <A extends OrderAction>(actor: Actor, action: A, payload: ActionPayload<A>, afterHours: number) => {
      clock.advance(afterHours * HOUR);
      order = await transitionOrder(d, { orderId: order.id, action, version: order.version, payload, actor });
    };
    await playFate(fate, { act, rng: orng, org, county, dispatcher, supervisor, operator, mainOrders, order: () => order });
    if (fate.kind !== 'invalid' && fate.kind !== 'merged') mainOrders.push(order.id);
    if (mainOrders.length > 50) mainOrders.shift();
  };

  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < schedule.orders.length) {
      const i = next++;
      await playOrder(i, schedule.orders[i]!);
      if (++done % 500 === 0) opts.log?.(`scenario: ${done}/${plan.accepted} orders`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.lanes ?? 1) }, lane));
  const clock = new ManualClock(`${XILINGOL_2021.from}T00:00:00+08:00`);
  const d: Deps = { ...deps, clock };
  for (const [j, extra] of schedule.extraCalls.entries()) {
    clock.set(extra.at);
    if (extra.answered) {
      await recordCall(d, `X21-C${j}`, extra.at, new Date(extra.at.getTime() + 90_000), extra.wait, extra.hotline);
    } else {
      calls++;
      await recordCallEvent(d, cti, {
        callId: `X21-A${j}`,
        event: 'abandoned',
        offeredAt: new Date(extra.at.getTime() - extra.wait * 1000).toISOString(),
        at: extra.at.toISOString(),
        hotlineNumber: extra.hotline,
      });
    }
  }
  return { centreId: org.centreId, plan, orders: schedule.orders.length, calls };
}

interface FateContext {
  act: <A extends OrderAction>(actor: Actor, action: A, payload: ActionPayload<A>, afterHours: number) => Promise<void>;
  rng: Rng;
  org: ScenarioOrg;
  county: ScenarioOrg['counties'][number];
  dispatcher: Actor;
  supervisor: Actor;
  operator: Actor;
  mainOrders: string[];
  order: () => Order;
}

const unitActor = (centreId: string, unit: ScenarioOrg['handlers'][number]): Actor => ({
  kind: 'user',
  userId: null,
  centreId,
  unitId: unit.id,
  unitPath: unit.path,
  roles: ['unit_handler'],
  label: `${unit.name}承办人`,
});

/** Takes one order through the steps its fate calls for. */
async function playFate(fate: OrderFate, c: FateContext): Promise<void> {
  const { act, rng } = c;
  if (fate.kind === 'direct') return act(c.operator, 'answer_directly', { answer: '已根据知识库政策口径答复来电人。' }, 0.05);
  if (fate.kind === 'invalid') {
    const reason = rng.pick(['not_accepted', 'emergency_transfer', 'lawful_channel'] as const);
    return act(c.operator, 'reject', { reason, explanation: '已向来电人说明处理途径。' }, 0.05);
  }
  if (fate.kind === 'merged') {
    const into = c.mainOrders.length > 0 ? rng.pick(c.mainOrders) : undefined;
    if (!into) throw new Error('scenario: a duplicate before any main order');
    return act(c.operator, 'merge', { intoOrderId: into }, 0.05);
  }
  const pickUnit = () => (rng.chance(0.8) ? rng.pick(c.county.handlers) : rng.pick(c.org.handlers));
  let unit = pickUnit();
  if (fate.returned) {
    await act(c.dispatcher, 'dispatch', { leadUnitId: unit.id }, 0.3);
    await act(unitActor(c.org.centreId, unit), 'request_return', { reason: '不属于本单位职责范围。' }, 1 + rng.next() * 4);
    await act(c.dispatcher, 'approve_return', {}, 0.5 + rng.next());
    let next = pickUnit();
    while (next.id === unit.id) next = pickUnit();
    unit = next;
  }
  const handler = unitActor(c.org.centreId, unit);
  await act(c.dispatcher, 'dispatch', { leadUnitId: unit.id }, 0.3);
  if (fate.stopAt === 'dispatched') return;
  await act(handler, 'sign', {}, 0.5 + rng.next() * 6);
  await act(handler, 'record_contact', { method: 'phone', summary: '已电话联系诉求人，了解具体情况。' }, 0.5 + rng.next() * 4);
  if (fate.stopAt === 'handling') return;
  await act(handler, 'reply', { result: 'resolved', text: '经现场核实，已协调处理完毕并向诉求人反馈。' }, 8 + rng.next() * 60);
  if (fate.stopAt === 'replied') return;
  await act(c.supervisor, 'review_accept', {}, 1 + rng.next() * 6);
  if (fate.stopAt === 'visiting') return;
  if (fate.rehandled) {
    await act(c.supervisor, 'visit_rehandle', { resolved: false, reason: '诉求人表示问题未解决。' }, 4 + rng.next() * 20);
    await act(handler, 'reply', { result: 'resolved', text: '重新办理后问题已解决。' }, 8 + rng.next() * 40);
    await act(c.supervisor, 'review_accept', {}, 1 + rng.next() * 4);
  }
  const v = fate.visit!;
  await act(
    c.supervisor,
    'visit_close',
    v === 'unreachable'
      ? { reached: false }
      : { reached: true, satisfaction: v, resolved: v === 'satisfied' || (v === 'basically_satisfied' && rng.chance(0.8)) },
    4 + rng.next() * 30,
  );
}
