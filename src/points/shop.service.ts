import type { RedemptionView, ShopView } from '../contract/points.js';
import { POINTS_STAFF_ROLES } from '../contract/points.js';
import type { Executor } from '../db/database.js';
import { findUnit } from '../org/unit.repository.js';
import { actorReaches, portalCentre, residentFor, signedInResident } from '../residents/resident.service.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import { hasAnyRole, type Actor } from '../users/roles.js';
import { appendEntry } from './points-ledger.js';
import { entryView } from './points.service.js';
import {
  addStock,
  findShopItem,
  insertShop,
  insertShopItem,
  listRecentEntries,
  listShopItems,
  listShops,
  takeStock,
} from './points.repository.js';

async function shopsOf(db: Executor, centreId: string, visible: (unitPath: string) => boolean): Promise<ShopView[]> {
  const shops = (await listShops(db, centreId)).filter((s) => visible(s.unit_path));
  const items = await listShopItems(
    db,
    shops.map((s) => s.id),
  );
  return shops.map((s) => ({
    id: s.id,
    name: s.name,
    unitId: s.unit_id,
    unitName: s.unit_name,
    items: items.filter((i) => i.shop_id === s.id).map((i) => ({ id: i.id, name: i.name, cost: i.cost, stock: i.stock })),
  }));
}

/** The 爱心超市 of the staff member's reach (centre roles: all). */
export async function shopsFor(deps: Deps, actor: Actor): Promise<{ shops: ShopView[] }> {
  if (!can(actor, 'points.read') && !can(actor, 'points.shops')) throw forbidden();
  return { shops: await shopsOf(deps.db, actor.centreId, (p) => actorReaches(actor, p)) };
}

/** Public: every shop with its goods and stock (no personal data). */
export async function publicShops(deps: Deps): Promise<{ shops: ShopView[] }> {
  const centre = await portalCentre(deps);
  return { shops: await shopsOf(deps.db, centre.id, () => true) };
}

export async function addShop(deps: Deps, actor: Actor, input: { unitId: string; name: string }) {
  if (!can(actor, 'points.shops')) throw forbidden();
  const unit = await findUnit(deps.db, actor.centreId, input.unitId);
  if (!unit || !actorReaches(actor, unit.path)) throw invalidField('unitId');
  return insertShop(deps.db, { centreId: actor.centreId, unitId: unit.id, name: input.name, at: deps.clock.now() });
}

export async function addShopItem(
  deps: Deps,
  actor: Actor,
  input: { shopId: string; name: string; cost: number; stock: number },
) {
  if (!can(actor, 'points.shops')) throw forbidden();
  const shop = (await listShops(deps.db, actor.centreId)).find((s) => s.id === input.shopId);
  if (!shop || !actorReaches(actor, shop.unit_path)) throw notFound('shop');
  return insertShopItem(deps.db, { ...input, at: deps.clock.now() });
}

export async function restockItem(deps: Deps, actor: Actor, itemId: string, quantity: number): Promise<{ stock: number }> {
  if (!can(actor, 'points.shops') && !hasAnyRole(actor, POINTS_STAFF_ROLES)) throw forbidden();
  const item = await findShopItem(deps.db, actor.centreId, itemId);
  if (!item || !actorReaches(actor, item.unit_path)) throw notFound('shop');
  const row = await addStock(deps.db, item.id, quantity);
  return { stock: row!.stock };
}

/**
 * One redemption, in one transaction: the stock is taken (sold out: 409) and the debit appended by
 * the ledger's one writer, which refuses it when the balance does not cover it (409). Concurrent
 * redemptions of one resident queue on the resident's row lock, so the balance never goes below zero.
 */
async function redeem(
  deps: Deps,
  centreId: string,
  input: { residentId: string; itemId: string; quantity: number; byUserId: string | null },
): Promise<RedemptionView<Date>> {
  const item = await findShopItem(deps.db, centreId, input.itemId);
  if (!item || !item.active) throw invalidField('itemId');
  return deps.db.transaction().execute(async (tx) => {
    const written = await appendEntry(tx, {
      centreId,
      residentId: input.residentId,
      kind: 'redemption',
      activityKind: null,
      ruleId: null,
      points: -item.cost * input.quantity,
      note: null,
      evidence: null,
      byUserId: input.byUserId,
      itemId: item.id,
      quantity: input.quantity,
      correctsEntryId: null,
      sourceKey: null,
      at: deps.clock.now(),
    });
    const stock = await takeStock(tx, item.id, input.quantity);
    if (!stock) throw domainError('CONFLICT', 'points.soldOut', { item: item.name });
    const [row] = await listRecentEntries(tx, input.residentId, 1);
    return { entry: entryView(row!), balance: written.balanceAfter, stockLeft: stock.stock };
  });
}

/** The shop's staff hand over goods to a resident of their reach. */
export async function redeemAtShop(
  deps: Deps,
  actor: Actor,
  input: { residentId: string; itemId: string; quantity: number },
): Promise<RedemptionView<Date>> {
  if (!hasAnyRole(actor, POINTS_STAFF_ROLES)) throw forbidden();
  const resident = await residentFor(deps, actor, input.residentId);
  const item = await findShopItem(deps.db, actor.centreId, input.itemId);
  if (!item || !actorReaches(actor, item.unit_path)) throw invalidField('itemId');
  return redeem(deps, actor.centreId, { ...input, residentId: resident.id, byUserId: actor.userId });
}

/** The signed-in resident redeems on the portal (picked up at the shop). */
export async function redeemAsResident(
  deps: Deps,
  token: string | undefined,
  input: { itemId: string; quantity: number },
): Promise<RedemptionView<Date>> {
  const me = await signedInResident(deps, token);
  return redeem(deps, me.centre_id, { residentId: me.id, itemId: input.itemId, quantity: input.quantity, byUserId: null });
}
