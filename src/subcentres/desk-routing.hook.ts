import type { Executor } from '../db/database.js';
import type { IntakeHook } from '../orders/order-hooks.js';
import { actorDesk } from '../users/actor-scope.js';
import { loadRoutingFacts } from './desk-routing.repository.js';
import { deskForRegion, routingTable, type RoutingTable } from './desk-routing.js';

/**
 * Per-process cache of each centre's routing table, keyed by `centres.settings_version`, which the
 * database bumps when the switch or a sub-centre's region changes (migration 0600): intake reads the
 * version anyway, so routing costs no round trip (ADR 0013). A region the table does not know yet (added
 * since) reloads it.
 */
const cache = new Map<string, { version: number; table: RoutingTable }>();

async function routingFor(tx: Executor, centreId: string, version: number, regionId: string): Promise<RoutingTable> {
  const hit = cache.get(centreId);
  if (hit && hit.version === version && hit.table.parentOf.has(regionId)) return hit.table;
  const table = routingTable(await loadRoutingFacts(tx, centreId));
  if (!hit || hit.version <= version) cache.set(centreId, { version, table });
  return table;
}

/**
 * Intake decides the desk that holds a new order, as a column of the one INSERT (ADR 0013, 0110): with
 * routing on, the sub-centre owning the order's region; otherwise the desk of whoever took it (a
 * sub-centre's own intake stays with it); else the league centre's (null).
 */
export const deskRoutingIntakeHook: IntakeHook = async ({ tx, actor, draft, centre }) => {
  const own = actorDesk(actor);
  if (draft.region_id) {
    const table = await routingFor(tx, draft.centre_id, centre.settingsVersion, draft.region_id);
    const routed = table.on ? deskForRegion(table, draft.region_id) : null;
    if (routed) {
      // the accept event says where the order went and why (the timeline, ADR 0193)
      const eventFacts = { deskUnitId: routed, deskName: table.nameOf.get(routed) ?? '', routedBy: 'region' as const };
      return { columns: { desk_unit_id: routed }, eventFacts };
    }
  }
  return own ? { columns: { desk_unit_id: own } } : {};
};
