import { importRules, type ImportedRule } from '../catalogue/catalogue.service.js';
import type { Executor } from '../db/database.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import { transitionOrder } from '../orders/order-transition.service.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import { isInSubtree } from '../shared/subtree.js';
import { centreActor, handlerFor } from './demo-history.service.js';
import type { DemoCatalog } from './demo-org.service.js';
import { returnRequestedOrders } from './demo-catalogue.repository.js';

const DAY = 86_400_000;

/**
 * 派单目录 of the demo (issue 14): one rule per leaf category × banner/county, generated from the
 * categories' handlers (the unit the history dispatches to), the second handler found as assisting
 * unit, the county's 12345 sub-centre as its desk. About one rule in eleven names the county
 * government instead — a catalogue that disagrees with practice — so the history's dispatches to the
 * department show up as overrides in the report.
 */
export function demoCatalogueRules(catalog: DemoCatalog): ImportedRule[] {
  const rules: ImportedRule[] = [];
  catalog.leaves.forEach((leaf, li) =>
    catalog.counties.forEach((county, ci) => {
      const lead = handlerFor(catalog, leaf, county);
      const assist = handlerFor(catalog, { ...leaf, handlers: leaf.handlers.slice(1) }, county);
      const desk = catalog.units.find((u) => u.kind === 'sub_centre' && isInSubtree(u.path, county.unit.path));
      const disagrees = (li * 7 + ci) % 11 === 0 && lead.id !== county.unit.id;
      rules.push({
        categoryId: leaf.id,
        regionId: county.regionId,
        leadUnitId: disagrees ? county.unit.id : lead.id,
        assistUnitIds: !disagrees && assist.id !== lead.id && assist.id !== county.unit.id ? [assist.id] : [],
        deskUnitId: desk?.id ?? null,
        note: disagrees ? `${leaf.name}由${county.name}人民政府统筹交办` : null,
      });
    }),
  );
  return rules;
}

/** Seeds the catalogue with the organisation, valid from before the generated history. */
export async function seedDemoCatalogue(tx: Executor, clock: Clock, catalog: DemoCatalog): Promise<number> {
  const validFrom = new Date(clock.now().getTime() - 400 * DAY);
  return importRules(tx, catalog.centreId, demoCatalogueRules(catalog), validFrom, '系统管理员 周强');
}

/**
 * After the history: the dispatcher approves every other pending return and sends the order to the
 * county government instead (同意并改派), so the report has returns per rule and overrides of today.
 */
export async function seedDemoCatalogueReturns(deps: Deps, catalog: DemoCatalog): Promise<number> {
  const dispatcher = centreActor(catalog, 'dispatcher', '派单员');
  let approved = 0;
  const pending = await returnRequestedOrders(deps.db, catalog.centreId);
  for (const [i, o] of pending.entries()) {
    if (i % 2 === 1) continue;
    const county = catalog.counties.find((c) => c.regionId === o.region_id) ?? catalog.counties[0]!;
    try {
      const back = await transitionOrder(deps, {
        orderId: o.id,
        action: 'approve_return',
        version: o.version,
        payload: {},
        actor: dispatcher,
      });
      await transitionOrder(deps, {
        orderId: o.id,
        action: 'dispatch',
        version: back.version,
        payload: { leadUnitId: county.unit.id },
        actor: dispatcher,
      });
      approved += 1;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
    }
  }
  return approved;
}
