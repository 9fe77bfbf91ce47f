import type { Unit } from '../db/schema.js';
import { acceptOrder } from '../orders/order-intake.service.js';
import { transitionOrder } from '../orders/order-transition.service.js';
import type { OrderAction, ActionPayload } from '../orders/order-actions.schemas.js';
import { APPEAL_TYPES } from '../orders/order.constants.js';
import { ManualClock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import type { Actor, Role } from '../users/roles.js';
import type { DemoCatalog } from './demo-org.service.js';
import { appealText, callerName, callerPhone } from './demo-text.js';
import { Rng } from './rng.js';
import { DEMO_CALLER_EVERY, DEMO_PORTAL_CALLER_PHONE } from './demo-desk.data.js';
import { isInSubtree } from '../shared/subtree.js';

const HOUR = 3600_000;

export const centreActor = (catalog: DemoCatalog, role: Role, label: string): Actor => ({
  kind: 'user',
  userId: null,
  centreId: catalog.centreId,
  unitId: catalog.centreUnit.id,
  unitPath: catalog.centreUnit.path,
  roles: [role],
  label,
});

const unitActor = (catalog: DemoCatalog, unit: Unit): Actor => ({
  kind: 'user',
  userId: null,
  centreId: catalog.centreId,
  unitId: unit.id,
  unitPath: unit.path,
  roles: ['unit_handler'],
  label: `${unit.name}承办人`,
});

/**
 * The unit that handles a category in a county, as a real centre dispatches: a unit of the appeal's
 * own county, or a league-wide one (league departments, league-wide companies), by the category's
 * competence; never another county's unit (ADR 0086). Falls back to the county's government.
 */
export function handlerFor(
  catalog: DemoCatalog,
  leaf: DemoCatalog['leaves'][number],
  county: DemoCatalog['counties'][number],
): Unit {
  const inCounty = catalog.units.filter((u) => isInSubtree(u.path, county.unit.path) && u.id !== county.unit.id);
  const leagueWide = catalog.units.filter(
    (u) => (u.kind === 'league_dept' || u.kind === 'company') && !catalog.counties.some((c) => isInSubtree(u.path, c.unit.path)),
  );
  for (const fragment of leaf.handlers) {
    const found = inCounty.find((u) => u.name.includes(fragment)) ?? leagueWide.find((u) => u.name.includes(fragment));
    if (found) return found;
  }
  return county.unit;
}

/** Lifecycle stages the generated orders stop at; older orders are mostly finished. */
type Stop =
  'accepted' | 'dispatched' | 'return_requested' | 'handling' | 'extension_requested' | 'replied' | 'visiting' | 'closed';

function stopFor(ageDays: number, rng: Rng): Stop {
  if (ageDays > 20) return rng.chance(0.97) ? 'closed' : rng.pick(['handling', 'visiting'] as const);
  if (ageDays > 7) return rng.pick(['closed', 'closed', 'closed', 'visiting', 'replied', 'handling'] as const);
  return rng.pick([
    'accepted',
    'dispatched',
    'return_requested',
    'handling',
    'handling',
    'extension_requested',
    'replied',
    'visiting',
    'closed',
  ] as const);
}

/**
 * Generates `days` of history ending at `end`, through the normal domain functions, so every
 * order has a real timeline. Deterministic for a given seed.
 */
export async function seedDemoHistory(
  deps: Deps,
  catalog: DemoCatalog,
  opts: { end: Date; days: number; perDay: number; seed?: number; signal?: AbortSignal; allFinished?: boolean },
) {
  const rng = new Rng(opts.seed ?? 12345);
  const clock = new ManualClock(opts.end);
  const d: Deps = { ...deps, clock };
  const run: HistoryRun = {
    d,
    clock,
    rng,
    catalog,
    operator: centreActor(catalog, 'operator', '话务员'),
    dispatcher: centreActor(catalog, 'dispatcher', '派单员'),
    supervisor: centreActor(catalog, 'supervisor', '督办员'),
    recent: [],
    created: 0,
    allFinished: opts.allFinished === true,
  };
  let refused = 0;
  for (let day = opts.days; day >= 1; day--) {
    const count = Math.max(1, Math.round(opts.perDay * (0.6 + rng.next() * 0.8)));
    for (let i = 0; i < count; i++) {
      if (opts.signal?.aborted) return { created: run.created, refused };
      const start = opts.end.getTime() - day * 24 * HOUR + rng.int(0, 12 * HOUR);
      clock.set(new Date(start));
      // The console is live while the history is written (first start): what a user changes meanwhile
      // (a category disabled, an order merged) may refuse one generated step; that order stops there.
      try {
        await generateOrder(run, day);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refused += 1;
      }
    }
  }
  return { created: run.created, refused };
}

interface HistoryRun {
  d: Deps;
  clock: ManualClock;
  rng: Rng;
  catalog: DemoCatalog;
  operator: Actor;
  dispatcher: Actor;
  supervisor: Actor;
  /** Recent order ids, candidates for generated merges. */
  recent: string[];
  created: number;
  /** Every order is taken to its end (an archive of years ago, where an open order would make no sense). */
  allFinished: boolean;
}

/** Some appeals come from the portal demo's phone; the drawn one is drawn anyway so the rest stays the same. */
const portalCallerOr = (index: number, drawn: string) => (index % DEMO_CALLER_EVERY === 0 ? DEMO_PORTAL_CALLER_PHONE : drawn);

/** One generated appeal taken through its lifecycle up to a stop chosen by its age. */
async function generateOrder(run: HistoryRun, ageDays: number): Promise<void> {
  const { d, clock, rng, catalog, operator, dispatcher, supervisor, recent } = run;
  const leaf = rng.pick(catalog.leaves);
  const county = rng.chance(0.45) ? catalog.counties[0] : rng.pick(catalog.counties);
  const text = appealText(leaf.name, county.name, rng);
  let order = await acceptOrder(d, operator, {
    channel: rng.pick(['phone', 'phone', 'phone', 'phone', 'web', 'window', 'grid'] as const),
    appealType: rng.pick(APPEAL_TYPES.slice(0, 5)),
    categoryId: leaf.id,
    priority: rng.chance(0.03) ? 1 : rng.chance(0.1) ? 2 : 3,
    title: text.title,
    content: text.content,
    callerName: callerName(rng),
    callerPhone: portalCallerOr(run.created, callerPhone(rng)),
    callerConfidential: rng.chance(0.05),
    regionId: county.regionId,
    address: text.address ?? undefined,
  });
  run.created += 1;
  const act = async <A extends OrderAction>(
    actor: Actor,
    action: A,
    payload: ActionPayload<A>,
    afterHours: number,
    note?: string,
  ) => {
    clock.advance(afterHours * HOUR);
    order = await transitionOrder(d, {
      orderId: order.id,
      action,
      version: order.version,
      payload,
      actor,
      note: note ?? null,
    });
  };
  const roll = rng.next();
  if (roll < 0.3) {
    await act(operator, 'answer_directly', { answer: '已根据知识库政策口径答复来电人。' }, 0.1);
    return;
  }
  if (roll < 0.33) {
    await act(operator, 'reject', { reason: 'lawful_channel', explanation: '属于诉讼事项，已告知依法通过司法途径解决。' }, 0.1);
    return;
  }
  if (roll < 0.36 && recent.length > 0) {
    await act(operator, 'merge', { intoOrderId: rng.pick(recent) }, 0.1);
    return;
  }
  recent.push(order.id);
  if (recent.length > 30) recent.shift();
  const stop = run.allFinished ? 'closed' : stopFor(ageDays, rng);
  if (stop === 'accepted') return;
  const lead = handlerFor(catalog, leaf, county);
  const unit = unitActor(catalog, lead);
  await act(dispatcher, 'dispatch', { leadUnitId: lead.id }, rng.next());
  if (stop === 'dispatched') return;
  if (stop === 'return_requested') {
    await act(unit, 'request_return', { reason: '该事项不属于本单位职责范围，建议改派。' }, rng.next() * 3);
    return;
  }
  await act(unit, 'sign', {}, rng.next() * 3);
  await act(unit, 'record_contact', { method: 'phone', summary: '已电话联系诉求人，了解具体情况。' }, rng.next() * 5);
  if (stop === 'handling') return;
  if (stop === 'extension_requested') {
    // Ten more days past the reply deadline (an extension never shortens it), and past the moment of asking.
    const due = Math.max(order.deadline_due_at?.getTime() ?? 0, clock.now().getTime() + 11 * HOUR);
    const newDeadline = new Date(due + 10 * 24 * HOUR).toISOString();
    await act(unit, 'request_extension', { reason: '需协调施工队伍，申请延期。', newDeadline }, 1 + rng.next() * 10);
    return;
  }
  await act(
    unit,
    'reply',
    { result: rng.chance(0.9) ? 'resolved' : 'partly', text: '经现场核实，已协调相关责任方处理完毕，并向诉求人反馈。' },
    4 + rng.next() * 60,
  );
  if (stop === 'replied') return;
  await act(supervisor, 'review_accept', {}, rng.next() * 8);
  if (stop === 'visiting') return;
  const satisfied = rng.chance(0.95);
  if (!satisfied && rng.chance(0.5)) {
    await act(supervisor, 'visit_rehandle', { resolved: false, reason: '诉求人表示问题未解决。' }, 2 + rng.next() * 20);
    await act(unit, 'reply', { result: 'resolved', text: '重新办理后问题已解决。' }, 8 + rng.next() * 40);
    await act(supervisor, 'review_accept', {}, rng.next() * 8);
  }
  await act(
    supervisor,
    'visit_close',
    {
      reached: rng.chance(0.96),
      satisfaction: satisfied
        ? rng.pick(['satisfied', 'satisfied', 'satisfied', 'basically_satisfied'] as const)
        : 'dissatisfied',
      resolved: satisfied || rng.chance(0.3),
    },
    2 + rng.next() * 20,
  );
}
