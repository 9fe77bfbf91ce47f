/**
 * Routing by region (ADR 0110), pure: an order belongs to the sub-centre whose region is the order's
 * region or the nearest region above it. A region owned by no sub-centre (the league's own, or none
 * configured) leaves the order at the league centre's desk.
 */
export interface RoutingTable {
  readonly on: boolean;
  /** Region → its parent (null at the top). */
  readonly parentOf: ReadonlyMap<string, string | null>;
  /** Region → the sub-centre desk that owns its subtree. */
  readonly deskOf: ReadonlyMap<string, string>;
  /** Desk → its name (the accept event says where intake routed the order). */
  readonly nameOf: ReadonlyMap<string, string>;
}

export function routingTable(facts: {
  on: boolean;
  regions: readonly { id: string; parent_id: string | null }[];
  desks: readonly { id: string; name: string; region_id: string | null }[];
}): RoutingTable {
  return {
    on: facts.on,
    parentOf: new Map(facts.regions.map((r) => [r.id, r.parent_id])),
    deskOf: new Map(facts.desks.flatMap((d) => (d.region_id ? [[d.region_id, d.id] as const] : []))),
    nameOf: new Map(facts.desks.map((d) => [d.id, d.name])),
  };
}

/** The desk owning `regionId`'s subtree, or null (walks up the tree; a cycle cannot hold it). */
export function deskForRegion(table: RoutingTable, regionId: string): string | null {
  let at: string | null | undefined = regionId;
  for (let hops = 0; at && hops <= table.parentOf.size; hops++) {
    const desk = table.deskOf.get(at);
    if (desk) return desk;
    at = table.parentOf.get(at);
  }
  return null;
}
