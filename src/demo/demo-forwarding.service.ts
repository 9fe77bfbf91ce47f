import type { Order, Unit } from '../db/schema.js';
import { getForwardChain } from '../forwarding/forward-chain.service.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import { acceptOrder } from '../orders/order-intake.service.js';
import { transitionOrder } from '../orders/order-transition.service.js';
import type { ActionPayload, OrderAction } from '../orders/order-actions.schemas.js';
import type { Actor, Role } from '../users/roles.js';
import { findUserByUsername } from '../users/user.repository.js';
import { DomainError } from '../shared/errors.js';
import type { DemoCatalog } from './demo-org.service.js';

const HOUR = 3_600_000;
const GOVERNMENT = '锡林浩特市人民政府';
const DEPARTMENT = '锡林浩特市住房和城乡建设局';
const STREET = '锡林浩特市希日塔拉街道';
const OTHER_STREET = '锡林浩特市宝力根街道';
/** A village committee (社区) of the street: it receives the street's own work only (ADR 0116). */
const VILLAGE = '希日塔拉街道团结社区';

/** How far down the chain each demo order has gone (下派, issue 14). */
type Stage =
  'at_government' | 'dept_pending' | 'mid_chain' | 'street_pending' | 'street_replied' | 'village_pending' | 'back_up_replied';

const ORDERS: { stage: Stage; title: string; content: string }[] = [
  {
    stage: 'at_government',
    title: '希日塔拉街道小区门口路灯不亮',
    content: '小区门口三盏路灯坏了两周，晚上出行不便，请尽快维修。',
  },
  { stage: 'at_government', title: '宝力根街道背街小巷积水', content: '下雨后背街小巷积水严重，居民出行困难，希望疏通排水。' },
  { stage: 'dept_pending', title: '老旧小区楼顶漏水无人维修', content: '五号楼楼顶防水层老化，顶楼住户家中漏水，物业推诿。' },
  { stage: 'mid_chain', title: '街道内废弃车辆长期占道', content: '小区外道路上一辆废弃面包车停放半年以上，占用车位。' },
  { stage: 'street_pending', title: '社区健身器材损坏', content: '社区广场的健身器材有两件损坏，存在安全隐患。' },
  { stage: 'street_replied', title: '楼道堆放杂物影响消防通道', content: '单元楼道内长期堆放杂物，堵塞消防通道，多次反映无果。' },
  {
    stage: 'village_pending',
    title: '团结社区单元门禁损坏',
    content: '团结社区三号楼单元门禁坏了一个月，陌生人随意进出，请社区尽快修好。',
  },
  { stage: 'back_up_replied', title: '小区二次供水水箱清洗', content: '小区二次供水水箱一年未清洗，水有异味，请督促物业清洗。' },
];

/** A staff actor of a demo account (its name on the timeline), or of the unit when the account is missing. */
async function staff(deps: Deps, catalog: DemoCatalog, unit: Unit, role: Role, username?: string): Promise<Actor> {
  const user = username ? await findUserByUsername(deps.db, username) : undefined;
  return {
    kind: 'user',
    userId: user?.id ?? null,
    centreId: catalog.centreId,
    unitId: unit.id,
    unitPath: unit.path,
    roles: [role],
    label: user?.display_name ?? `${unit.name}承办人`,
  };
}

interface Cast {
  deps: Deps;
  regionId: string;
  categoryId: string;
  units: { government: Unit; department: Unit; street: Unit; otherStreet: Unit; village: Unit };
  gov: Actor;
  dept: Actor;
  st: Actor;
  centre: (role: Role) => Actor;
}

/**
 * Orders of 锡林浩特市 forwarded by its government down to the housing bureau and the street offices,
 * and on to a village committee (社区) by the street, stopped at every point of the chain, so
 * `countyadmin`, `handler` (the housing bureau), `townhandler` and `villagehandler` find work at once.
 */
export async function seedDemoForwarding(deps: Deps, catalog: DemoCatalog): Promise<number> {
  const unit = (name: string) => catalog.units.find((u) => u.name === name);
  const [government, department, street, otherStreet, village] = [GOVERNMENT, DEPARTMENT, STREET, OTHER_STREET, VILLAGE].map(
    unit,
  );
  const county = catalog.counties.find((c) => c.name === '锡林浩特市');
  const leaf = catalog.leaves.find((l) => l.name === '市政道路与照明') ?? catalog.leaves[0];
  if (!government || !department || !street || !otherStreet || !village || !county || !leaf) return 0;
  const cast: Cast = {
    deps,
    regionId: county.regionId,
    categoryId: leaf.id,
    units: { government, department, street, otherStreet, village },
    gov: await staff(deps, catalog, government, 'unit_admin', 'countyadmin'),
    dept: await staff(deps, catalog, department, 'unit_handler', 'handler'),
    st: await staff(deps, catalog, street, 'unit_handler', 'townhandler'),
    centre: (role) => ({
      kind: 'user',
      userId: null,
      centreId: catalog.centreId,
      unitId: catalog.centreUnit.id,
      unitPath: catalog.centreUnit.path,
      roles: [role],
      label: '演示数据',
    }),
  };
  let made = 0;
  for (const [i, spec] of ORDERS.entries()) {
    try {
      await seedOne(cast, i, spec);
      made++;
    } catch (e) {
      // The console is live meanwhile (first start): a step it refused (a category disabled…) skips the order.
      if (!(e instanceof DomainError)) throw e;
    }
  }
  return made;
}

async function seedOne(cast: Cast, i: number, spec: (typeof ORDERS)[number]) {
  const { deps, gov, dept, st, centre } = cast;
  const { government, department, street, otherStreet, village } = cast.units;
  const act = <A extends OrderAction>(o: Order, actor: Actor, action: A, payload: ActionPayload<A>) =>
    transitionOrder(deps, { orderId: o.id, action, version: o.version, payload, actor });
  let o = await acceptOrder(deps, centre('operator'), {
    channel: 'phone',
    appealType: 'complaint',
    priority: 3,
    title: spec.title,
    content: spec.content,
    callerName: '演示来电人',
    callerPhone: `1390479${String(1000 + i).padStart(4, '0')}`,
    categoryId: cast.categoryId,
    regionId: cast.regionId,
  });
  o = await act(o, centre('dispatcher'), 'dispatch', { leadUnitId: government.id, instructions: '请市政府统筹办理' });
  o = await act(o, gov, 'sign', {});
  if (spec.stage === 'at_government') return;
  const now = deps.clock.now();
  const due = (await getForwardChain(deps, centre('dispatcher'), o.id)).forwarderDueAt ?? new Date(now.getTime() + 240 * HOUR);
  // Each level keeps a margin inside the level above (nested deadlines).
  const within = (hours: number) => new Date(Math.max(now.getTime() + HOUR, due.getTime() - hours * HOUR)).toISOString();
  if (spec.stage === 'street_pending' || spec.stage === 'street_replied' || spec.stage === 'village_pending') {
    o = await act(o, gov, 'forward', { toUnitId: street.id, instructions: '请街道直接办理并答复', deadline: within(24) });
    if (spec.stage === 'street_pending') return;
    o = await act(o, st, 'hop_sign', {});
    if (spec.stage === 'village_pending') {
      // The street's own work (the county government forwarded it, no functional department): a
      // village committee may receive it.
      await act(o, st, 'forward', { toUnitId: village.id, instructions: '请社区联系物业修复门禁并答复', deadline: within(48) });
      return;
    }
    await act(o, st, 'hop_reply', { result: 'resolved', text: '街道已组织清理楼道杂物，消防通道已畅通。' });
    return;
  }
  o = await act(o, gov, 'forward', { toUnitId: department.id, instructions: '请住建局牵头核查处理', deadline: within(24) });
  if (spec.stage === 'dept_pending') return;
  o = await act(o, dept, 'hop_sign', {});
  const target = spec.stage === 'mid_chain' ? otherStreet : street;
  o = await act(o, dept, 'forward', { toUnitId: target.id, instructions: '请街道到现场核实并答复', deadline: within(48) });
  if (spec.stage === 'mid_chain') return;
  o = await act(o, st, 'hop_sign', {});
  o = await act(o, st, 'hop_reply', { result: 'resolved', text: '街道已协调物业清洗水箱，并公示清洗记录。' });
  o = await act(o, dept, 'hop_accept', {});
  o = await act(o, dept, 'hop_reply', { result: 'resolved', text: '住建局核实：水箱已清洗，水质检测合格。' });
  o = await act(o, gov, 'hop_accept', {});
  await act(o, gov, 'reply', { result: 'resolved', text: '经住建局和希日塔拉街道办理，水箱已清洗，水质合格。' });
}
