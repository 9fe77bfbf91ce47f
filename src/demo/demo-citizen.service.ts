import type { Order, Unit } from '../db/schema.js';
import type { ActionPayload, OrderAction } from '../orders/order-actions.schemas.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import { acceptOrder } from '../orders/order-intake.service.js';
import { findOrderByIdOrNo } from '../orders/order.repository.js';
import type { NewOrderInput } from '../orders/order.schemas.js';
import { transitionOrder } from '../orders/order-transition.service.js';
import { rateAppeal } from '../portal/portal.service.js';
import { ManualClock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import { listCategories } from '../org/catalog.repository.js';
import type { Actor, Role } from '../users/roles.js';
import { findUserByUsername } from '../users/user.repository.js';
import { DEMO_CHECKS, DEMO_ENTERPRISE_APPEALS } from './demo-citizen.data.js';
import { DEMO_HANDLER_UNIT, type DemoCatalog } from './demo-org.service.js';

const HOUR = 3600_000;

/** A demo account as an actor, so the timeline names the person (the history's actors are anonymous). */
async function demoActor(deps: Deps, username: string, role: Role, unit: Unit): Promise<Actor> {
  const user = await findUserByUsername(deps.db, username);
  return {
    kind: 'user',
    userId: user?.id ?? null,
    centreId: unit.centre_id,
    unitId: unit.id,
    unitPath: unit.path,
    roles: [role],
    label: user?.display_name ?? username,
  };
}

/** One order's steps on its own clock, some hours apart, ending before now. */
function stepper(deps: Deps, start: Date) {
  const clock = new ManualClock(start);
  const d: Deps = { ...deps, clock };
  return {
    d,
    clock,
    act: async <A extends OrderAction>(order: Order, actor: Actor, action: A, payload: ActionPayload<A>, afterHours = 2) => {
      clock.advance(afterHours * HOUR);
      return transitionOrder(d, { orderId: order.id, action, version: order.version, payload, actor });
    },
  };
}

/**
 * After the history (issue 14): enterprise appeals for the enterprise desk (one protected, seen by the
 * demo handler's unit without the company's name) and citizens' dissatisfied web ratings in 待核查,
 * one sent back to the unit (重办) and one closed with a reason by the supervisor.
 */
export async function seedDemoCitizenDesk(
  deps: Deps,
  catalog: DemoCatalog,
): Promise<{ enterprise: number; checks: number; stopped: number }> {
  const unit = catalog.units.find((u) => u.name === DEMO_HANDLER_UNIT)!;
  const county = catalog.counties[0]!;
  const [operator, dispatcher, supervisor, handler] = await Promise.all([
    demoActor(deps, 'operator', 'operator', catalog.centreUnit),
    demoActor(deps, 'dispatcher', 'dispatcher', catalog.centreUnit),
    demoActor(deps, 'supervisor', 'supervisor', catalog.centreUnit),
    demoActor(deps, 'handler', 'unit_handler', unit),
  ]);
  const now = deps.clock.now().getTime();
  // The console is live while the demo is written (first start): only categories still active are used.
  const active = new Set((await listCategories(deps.db, catalog.centreId)).filter((c) => c.active).map((c) => c.id));
  const leaves = catalog.leaves.filter((leaf) => active.has(leaf.id));
  const newAppeal = (
    d: Deps,
    i: number,
    category: string,
    over: Pick<NewOrderInput, 'title' | 'content' | 'channel' | 'enterprise'>,
  ) =>
    acceptOrder(d, operator, {
      ...over,
      appealType: 'complaint',
      priority: 3,
      // The category the appeal is about (a 门禁 complaint is 物业管理, not whatever leaf comes next).
      categoryId: leaves.find((leaf) => leaf.name === category)?.id,
      regionId: county.regionId,
      callerName: ['赵经理', '钱女士', '孙先生', '李会计', '周女士', '吴先生', '郑大爷', '王阿姨'][i % 8],
      callerPhone: `1391479${String(2000 + i).padStart(4, '0')}`,
    });

  let stopped = 0;
  // A step the console refused meanwhile (an order merged, a check decided by hand) stops that order only.
  const tryEach = async (run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      stopped += 1;
    }
  };
  for (const [i, e] of DEMO_ENTERPRISE_APPEALS.entries()) await tryEach(() => seedEnterprise(i, e));
  for (const [i, c] of DEMO_CHECKS.entries()) await tryEach(() => seedCheck(i, c));
  return { enterprise: DEMO_ENTERPRISE_APPEALS.length, checks: DEMO_CHECKS.length, stopped };

  async function seedEnterprise(i: number, e: (typeof DEMO_ENTERPRISE_APPEALS)[number]) {
    const s = stepper(deps, new Date(now - (30 + i * 6) * HOUR));
    const enterprise = { companyName: e.companyName, creditCode: e.creditCode, protectName: e.protectName };
    let o = await newAppeal(s.d, i, e.category, { title: e.title, content: e.content, channel: e.channel, enterprise });
    if (e.stop === 'accepted') return;
    o = await s.act(o, dispatcher, 'dispatch', { leadUnitId: unit.id }, 1);
    if (e.stop === 'dispatched') return;
    o = await s.act(o, handler, 'sign', {}, 1);
    if (e.stop === 'handling') return;
    o = await s.act(o, handler, 'reply', { result: 'resolved', text: '已协调财政部门拨付尾款，企业已确认收到。' }, 6);
    o = await s.act(o, supervisor, 'review_accept', {}, 1);
    await s.act(o, supervisor, 'visit_close', { reached: true, satisfaction: 'satisfied', resolved: true }, 2);
  }

  async function seedCheck(i: number, c: (typeof DEMO_CHECKS)[number]) {
    const s = stepper(deps, new Date(now - (40 + i * 5) * HOUR));
    const content = `${c.title}，请相关部门尽快处理。`;
    let o = await newAppeal(s.d, 10 + i, c.category, { title: c.title, content, channel: 'web' });
    o = await s.act(o, dispatcher, 'dispatch', { leadUnitId: unit.id }, 1);
    o = await s.act(o, handler, 'sign', {}, 1);
    o = await s.act(
      o,
      handler,
      'reply',
      { result: 'resolved', text: '经现场核实，已协调物业及相关部门处理，并向诉求人反馈。' },
      8,
    );
    o = await s.act(o, supervisor, 'review_accept', {}, 1);
    s.clock.advance(3 * HOUR);
    await rateAppeal(s.d, {
      orderNo: o.order_no,
      code: o.query_code,
      satisfaction: c.satisfaction,
      resolved: c.resolved,
      comment: c.comment,
    });
    o = (await findOrderByIdOrNo(s.d.db, { centreId: o.centre_id, unitPath: null }, o.id))!;
    if (c.decision === 'wait') return;
    if (c.decision === 'rehandle') {
      await s.act(o, supervisor, 'visit_rehandle', { resolved: false, reason: '经核查门禁仍未修复，退回承办单位重办。' }, 2);
    } else {
      await s.act(o, supervisor, 'check_close', c.decision, 2);
    }
  }
}
