import { signAssistTask, submitAssistOpinion } from '../assist/assist.service.js';
import { findAssistTasksOfOrder } from './demo-assist.repository.js';
import type { Order } from '../db/schema.js';
import { acceptOrder } from '../orders/order-intake.service.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import { transitionOrder } from '../orders/order-transition.service.js';
import type { ActionPayload, OrderAction } from '../orders/order-actions.schemas.js';
import { ManualClock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { Actor } from '../users/roles.js';
import { findUserByUsername } from '../users/user.repository.js';
import type { Unit } from '../db/schema.js';
import { DEMO_ASSIST_ORDERS, type DemoAssistOrder } from './demo-assist.data.js';
import { DEMO_PORTAL_CALLER_PHONE } from './demo-desk.data.js';
import { DEMO_HANDLER_UNIT, type DemoCatalog } from './demo-org.service.js';

const HOUR = 3600_000;

/** A unit person acting in the demo: the named demo account when it sits in that unit, else the unit itself. */
async function personOf(deps: Deps, catalog: DemoCatalog, unit: Unit, username: string): Promise<Actor> {
  const user = await findUserByUsername(deps.db, username);
  const own = user && user.unit_id === unit.id;
  return {
    kind: 'user',
    userId: own ? user.id : null,
    centreId: catalog.centreId,
    unitId: unit.id,
    unitPath: unit.path,
    roles: ['unit_handler'],
    label: own ? user.display_name : `${unit.name}承办人`,
  };
}

/**
 * After the history: three heating appeals led by the demo handler's unit with the heating company
 * assisting — one waiting for the company to sign (the `assisthandler` account's task), one with the
 * company's opinion in and the water company's still open, and an older complex one with a late
 * opinion and a 阶段性答复 the portal shows (its caller is the portal demo's phone).
 */
export async function seedDemoAssist(deps: Deps, catalog: DemoCatalog): Promise<number> {
  const byName = (name: string) => catalog.units.find((u) => u.name === name);
  const lead = byName(DEMO_HANDLER_UNIT);
  const heating = catalog.leaves.find((l) => l.name === '供热');
  const county = catalog.counties[0];
  if (!lead || !heating || !county) return 0;
  const now = deps.clock.now();
  const actors = {
    operator: { ...centreActor(catalog, 'operator'), label: '话务员' },
    dispatcher: { ...centreActor(catalog, 'dispatcher'), label: '派单员' },
    handler: await personOf(deps, catalog, lead, 'handler'),
  };
  let made = 0;
  for (const spec of DEMO_ASSIST_ORDERS) {
    const assist = spec.assist.map(byName).filter((u): u is Unit => u !== undefined);
    if (assist.length !== spec.assist.length) continue;
    // The console is live meanwhile (first start): a step it refused (a category disabled) stops that order.
    try {
      await seedOne(deps, { spec, now, lead, assist, heatingId: heating.id, regionId: county.regionId, actors, catalog });
      made += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return made;
}

const centreActor = (catalog: DemoCatalog, role: 'operator' | 'dispatcher'): Actor => ({
  kind: 'user',
  userId: null,
  centreId: catalog.centreId,
  unitId: catalog.centreUnit.id,
  unitPath: catalog.centreUnit.path,
  roles: [role],
  label: role,
});

interface SeedContext {
  spec: DemoAssistOrder;
  now: Date;
  lead: Unit;
  assist: Unit[];
  heatingId: string;
  regionId: string;
  actors: { operator: Actor; dispatcher: Actor; handler: Actor };
  catalog: DemoCatalog;
}

async function seedOne(deps: Deps, c: SeedContext): Promise<void> {
  const { spec, actors } = c;
  const clock = new ManualClock(new Date(c.now.getTime() - spec.ageHours * HOUR));
  const d: Deps = { ...deps, clock };
  let order: Order = await acceptOrder(d, actors.operator, {
    channel: spec.channel,
    appealType: 'help',
    categoryId: c.heatingId,
    priority: spec.priority,
    title: spec.title,
    content: spec.content,
    callerName: '乌日娜',
    callerPhone: DEMO_PORTAL_CALLER_PHONE,
    regionId: c.regionId,
    address: spec.address,
  });
  const act = async <A extends OrderAction>(actor: Actor, action: A, payload: ActionPayload<A>, afterHours: number) => {
    clock.advance(afterHours * HOUR);
    order = await transitionOrder(d, { orderId: order.id, action, version: order.version, payload, actor, note: null });
  };
  await act(actors.dispatcher, 'dispatch', { leadUnitId: c.lead.id, assistUnitIds: c.assist.map((u) => u.id) }, 0.3);
  const dispatchedAt = clock.now().getTime();
  await act(actors.handler, 'sign', {}, 0.5);
  const tasks = await findAssistTasksOfOrder(deps.db, order.id);
  for (const opinion of spec.opinions) {
    const unit = c.assist.find((u) => u.name === opinion.unit)!;
    const task = tasks.find((t) => t.unit_id === unit.id)!;
    const person = await personOf(deps, c.catalog, unit, 'assisthandler');
    clock.set(new Date(dispatchedAt + (opinion.afterHours / 2) * HOUR));
    await signAssistTask(d, person, order.id, task.id);
    clock.set(new Date(dispatchedAt + opinion.afterHours * HOUR));
    await submitAssistOpinion(d, person, order.id, task.id, opinion.text);
  }
  if (spec.progressReport) {
    clock.set(new Date(dispatchedAt));
    await act(
      actors.handler,
      'progress_report',
      { progress: spec.progressReport.progress, reason: spec.progressReport.reason },
      spec.progressReport.afterHours,
    );
  }
}
