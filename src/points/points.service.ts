import type {
  ActivityKind,
  HouseholdView,
  PointsEntryView,
  PointsRuleView,
  PointsStatementView,
  ResidentMeView,
  ResidentView,
} from '../contract/points.js';
import { POINTS_STAFF_ROLES, starsFor } from '../contract/points.js';
import { findHousehold, listHouseholdMembers, listResidents } from '../residents/resident.repository.js';
import { actorReaches, residentFor, residentView, signedInResident } from '../residents/resident.service.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { DEFAULT_TIME_ZONE, instantAt } from '../shared/time-zone.js';
import { can } from '../users/permissions.js';
import { hasAnyRole, type Actor } from '../users/roles.js';
import { appendEntry } from './points-ledger.js';
import {
  balanceBefore,
  balancesOf,
  findEntry,
  findRule,
  householdEarned,
  insertRule,
  lastEntry,
  listEntriesBetween,
  listRecentEntries,
  listRules,
  pointsSettings,
  savePointsSettings,
  setRuleActive,
  type EntryRow,
} from './points.repository.js';

export const entryView = (r: EntryRow): PointsEntryView<Date> => ({
  id: r.id,
  seq: r.seq,
  kind: r.kind,
  activityKind: r.activity_kind,
  points: r.points,
  balanceAfter: r.balance_after,
  note: r.note,
  evidence: r.evidence,
  byName: r.by_name,
  itemName: r.item_name,
  correctsEntryId: r.corrects_entry_id,
  at: r.at,
});

const assertReader = (actor: Actor) => {
  if (!can(actor, 'points.read')) throw forbidden();
};

const assertStaff = (actor: Actor) => {
  if (!hasAnyRole(actor, POINTS_STAFF_ROLES)) throw forbidden();
};

// Rules per activity kind (the system administrator's)

export async function pointsRules(deps: Deps, actor: Actor): Promise<{ rules: PointsRuleView[] }> {
  if (!can(actor, 'points.read') && !can(actor, 'points.rules')) throw forbidden();
  const rows = await listRules(deps.db, actor.centreId);
  return {
    rules: rows.map((r) => ({ id: r.id, activityKind: r.activity_kind, name: r.name, points: r.points, active: r.active })),
  };
}

export async function addPointsRule(
  deps: Deps,
  actor: Actor,
  input: { activityKind: ActivityKind; name: string; points: number },
) {
  if (!can(actor, 'points.rules')) throw forbidden();
  return insertRule(deps.db, { centreId: actor.centreId, ...input, at: deps.clock.now() });
}

export async function switchPointsRule(deps: Deps, actor: Actor, ruleId: string, active: boolean): Promise<void> {
  if (!can(actor, 'points.rules')) throw forbidden();
  if (!(await setRuleActive(deps.db, actor.centreId, ruleId, active))) throw notFound('pointsRule');
}

/** The centre's 有效反映 points (useful-report.hook.ts): read with the rules, set by whoever sets the rules. */
export async function getPointsSettings(deps: Deps, actor: Actor): Promise<{ usefulReportPoints: number }> {
  if (!can(actor, 'points.read') && !can(actor, 'points.rules')) throw forbidden();
  return pointsSettings(deps.db, actor.centreId);
}

export async function setPointsSettings(
  deps: Deps,
  actor: Actor,
  input: { usefulReportPoints: number },
): Promise<{ usefulReportPoints: number }> {
  if (!can(actor, 'points.rules')) throw forbidden();
  await savePointsSettings(deps.db, actor.centreId, input, deps.clock.now());
  return pointsSettings(deps.db, actor.centreId);
}

// Residents and their ledgers

export async function residentsFor(deps: Deps, actor: Actor): Promise<{ residents: ResidentView<Date>[] }> {
  assertReader(actor);
  const scoped = actorReaches(actor, '') ? null : actor.unitPath;
  const rows = await listResidents(deps.db, actor.centreId, scoped, 200);
  const balances = await balancesOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const showPhone = can(actor, 'pii.read');
  return { residents: rows.map((r) => residentView(r, balances.get(r.id) ?? 0, showPhone)) };
}

export async function ledgerOf(
  deps: Deps,
  actor: Actor,
  residentId: string,
): Promise<{ resident: ResidentView<Date>; entries: PointsEntryView<Date>[] }> {
  assertReader(actor);
  const row = await residentFor(deps, actor, residentId);
  const [last, entries] = await Promise.all([lastEntry(deps.db, row.id), listRecentEntries(deps.db, row.id, 100)]);
  return { resident: residentView(row, last?.balance_after ?? 0, can(actor, 'pii.read')), entries: entries.map(entryView) };
}

/** An authorised staff member (or grid worker) awards a rule's points for an activity, with evidence. */
export async function awardPoints(
  deps: Deps,
  actor: Actor,
  input: { residentId: string; ruleId: string; evidence: string; note?: string },
): Promise<PointsEntryView<Date>> {
  assertStaff(actor);
  const resident = await residentFor(deps, actor, input.residentId);
  const rule = await findRule(deps.db, actor.centreId, input.ruleId);
  if (!rule || !rule.active) throw invalidField('ruleId');
  return deps.db.transaction().execute(async (tx) => {
    const written = await appendEntry(tx, {
      centreId: actor.centreId,
      residentId: resident.id,
      kind: 'award',
      activityKind: rule.activity_kind,
      ruleId: rule.id,
      points: rule.points,
      note: input.note ?? rule.name,
      evidence: input.evidence,
      byUserId: actor.userId,
      itemId: null,
      quantity: null,
      correctsEntryId: null,
      sourceKey: null,
      at: deps.clock.now(),
    });
    const [row] = await listRecentEntries(tx, resident.id, 1);
    if (!row || row.id !== written.id) throw new Error('the entry just written is not the newest');
    return entryView(row);
  });
}

/** A correction: a new entry naming the one it corrects (entries themselves never change). */
export async function correctEntry(
  deps: Deps,
  actor: Actor,
  input: { residentId: string; entryId: string; points: number; reason: string },
): Promise<PointsEntryView<Date>> {
  assertStaff(actor);
  if (input.points === 0) throw invalidField('points');
  const resident = await residentFor(deps, actor, input.residentId);
  return deps.db.transaction().execute(async (tx) => {
    const target = await findEntry(tx, resident.id, input.entryId);
    if (!target) throw invalidField('entryId');
    if (target.kind === 'redemption') throw domainError('CONFLICT', 'points.redemptionNotCorrectable');
    await appendEntry(tx, {
      centreId: actor.centreId,
      residentId: resident.id,
      kind: 'correction',
      activityKind: target.activity_kind,
      ruleId: null,
      points: input.points,
      note: input.reason,
      evidence: null,
      byUserId: actor.userId,
      itemId: null,
      quantity: null,
      correctsEntryId: target.id,
      sourceKey: null,
      at: deps.clock.now(),
    });
    const [row] = await listRecentEntries(tx, resident.id, 1);
    return entryView(row!);
  });
}

/** `YYYY-MM` → the month's first instant and the next month's, in the centre's zone. */
export function monthBounds(month: string): { from: Date; to: Date } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw invalidField('month');
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  return { from: instantAt(`${month}-01`, 0, DEFAULT_TIME_ZONE), to: instantAt(`${next}-01`, 0, DEFAULT_TIME_ZONE) };
}

/** The month's statement of one resident (reads two index ranges: the balance before, the month's entries). */
export async function statementFor(
  deps: Pick<Deps, 'db'>,
  residentId: string,
  month: string,
): Promise<PointsStatementView<Date>> {
  const { from, to } = monthBounds(month);
  const [opening, rows] = await Promise.all([
    balanceBefore(deps.db, residentId, from),
    listEntriesBetween(deps.db, residentId, from, to),
  ]);
  let credits = 0;
  let debits = 0;
  const byActivity = new Map<ActivityKind, number>();
  for (const r of rows) {
    if (r.points > 0) credits += r.points;
    else debits += -r.points;
    if (r.activity_kind && r.kind !== 'redemption')
      byActivity.set(r.activity_kind, (byActivity.get(r.activity_kind) ?? 0) + r.points);
  }
  return {
    residentId,
    month,
    opening,
    credits,
    debits,
    closing: opening + credits - debits,
    byActivity: [...byActivity].map(([activityKind, points]) => ({ activityKind, points })),
    entries: rows.map(entryView),
  };
}

export async function statement(deps: Deps, actor: Actor, residentId: string, month: string): Promise<PointsStatementView<Date>> {
  assertReader(actor);
  const row = await residentFor(deps, actor, residentId);
  return statementFor(deps, row.id, month);
}

/** 积分争星: a household's earned points and stars, with its members' balances. */
export async function household(deps: Deps, actor: Actor, householdId: string): Promise<HouseholdView> {
  assertReader(actor);
  const h = await findHousehold(deps.db, actor.centreId, householdId);
  if (!h || !actorReaches(actor, h.unit_path)) throw notFound('household');
  const [members, earned] = await Promise.all([listHouseholdMembers(deps.db, h.id), householdEarned(deps.db, h.id)]);
  const balances = await balancesOf(
    deps.db,
    members.map((m) => m.id),
  );
  return {
    id: h.id,
    name: h.name,
    unitName: h.unit_name,
    points: earned,
    stars: starsFor(earned),
    members: members.map((m) => ({ id: m.id, name: m.name, balance: balances.get(m.id) ?? 0 })),
  };
}

/** The resident's own page on the portal: balance, household stars, the newest entries. */
export async function myPoints(deps: Deps, token: string | undefined): Promise<ResidentMeView<Date>> {
  const me = await signedInResident(deps, token);
  const [last, rows, earned] = await Promise.all([
    lastEntry(deps.db, me.id),
    listRecentEntries(deps.db, me.id, 50),
    me.household_id ? householdEarned(deps.db, me.household_id) : Promise.resolve(null),
  ]);
  return {
    name: me.name,
    unitName: me.unit_name,
    balance: last?.balance_after ?? 0,
    householdStars: earned === null ? null : starsFor(earned),
    // the resident sees who awarded, never other people's data: the by-name is staff, the evidence their own
    entries: rows.map(entryView),
  };
}
