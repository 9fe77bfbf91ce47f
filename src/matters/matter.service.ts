import type {
  MatterEffectView,
  MatterLinkKind,
  MatterOptionsView,
  MatterSource,
  MatterStatus,
  MatterSummary,
  MatterView,
} from '../contract/matters.js';
import { MATTER_MOVES, MATTER_READER_ROLES, MATTER_UNIT_ROLES, MATTER_WRITER_ROLES } from '../contract/matters.js';
import { findOrderByIdOrNo } from '../orders/order.repository.js';
import { actorReaches } from '../residents/resident.service.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { DEFAULT_TIME_ZONE, localParts } from '../shared/time-zone.js';
import { actorScope } from '../users/actor-scope.js';
import { hasAnyRole, type Actor } from '../users/roles.js';
import {
  addMilestones,
  categoryNames,
  claimableUnits,
  findMatter,
  insertMatter,
  insertProgress,
  leaderUsers,
  linkedOrders,
  linkOrders,
  listMatters,
  markMilestone,
  matterUnits,
  milestonesOf,
  monthlyCounts,
  moveMatter,
  progressOf,
  regionsOf,
  setMatterUnits,
  unitsByIds,
  updateMatter,
  type MatterRow,
} from './matter.repository.js';

export const isWriter = (actor: Actor) => hasAnyRole(actor, MATTER_WRITER_ROLES);
const isReader = (actor: Actor) => hasAnyRole(actor, MATTER_READER_ROLES);
const isUnitStaff = (actor: Actor) => hasAnyRole(actor, MATTER_UNIT_ROLES);

/** The centre's calendar date of an instant (YYYY-MM-DD). */
export const dayOf = (at: Date) => localParts(at, DEFAULT_TIME_ZONE).date;

/** A real calendar date (the schema checks the shape, this the day: no 2026-02-30). */
export function checkDate(field: string, value: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw invalidField(field);
  return value;
}

type UnitOf = { matter_id: string; id: string; name: string; path: string };

const reachesAny = (actor: Actor, units: readonly UnitOf[]) =>
  isUnitStaff(actor) && units.some((u) => actorReaches(actor, u.path)) && actor.unitPath !== null;

const sees = (actor: Actor, units: readonly UnitOf[]) => isReader(actor) || reachesAny(actor, units);

function summary(row: MatterRow, units: readonly UnitOf[]): MatterSummary<Date> {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    description: row.description,
    status: row.status,
    source: row.source,
    regionId: row.region_id,
    regionName: row.region_name,
    leaderId: row.leader_id,
    leaderName: row.leader_name,
    unitNames: units.map((u) => u.name),
    budgetYuan: row.budget_yuan,
    roundId: row.round_id,
    votes: row.votes,
    milestonesDone: row.milestones_done,
    milestonesTotal: row.milestones_total,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const HALF_YEAR = 6;
const monthStart = (at: Date, plus: number) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + plus, 1));
const monthKey = (d: Date) => d.toISOString().slice(0, 7);

/**
 * The proof that it worked: appeals of the linked orders' categories in the matter's region (the
 * whole centre without one), per month for the 6 months before adoption and the 6 after completion.
 */
async function effectOf(deps: Deps, row: MatterRow, categoryIds: string[]): Promise<MatterEffectView | null> {
  if (row.status !== 'done' || !row.done_at || categoryIds.length === 0) return null;
  const start = row.adopted_at ?? row.created_at;
  const beforeFrom = monthStart(start, -HALF_YEAR);
  const beforeTo = monthStart(start, 0);
  const afterFrom = monthStart(row.done_at, 1);
  const afterTo = monthStart(row.done_at, 1 + HALF_YEAR);
  const [before, after, names] = await Promise.all([
    monthlyCounts(deps.db, row.centre_id, { categoryIds, regionId: row.region_id, from: beforeFrom, to: beforeTo }),
    monthlyCounts(deps.db, row.centre_id, { categoryIds, regionId: row.region_id, from: afterFrom, to: afterTo }),
    categoryNames(deps.db, categoryIds),
  ]);
  const counted = new Map([...before, ...after].map((r) => [r.month, r.n]));
  const months: MatterEffectView['months'] = [];
  for (let i = 0; i < HALF_YEAR; i++) {
    const m = monthKey(monthStart(beforeFrom, i));
    months.push({ month: m, phase: 'before', count: counted.get(m) ?? 0 });
  }
  for (let i = 0; i < HALF_YEAR; i++) {
    const m = monthKey(monthStart(afterFrom, i));
    months.push({ month: m, phase: 'after', count: counted.get(m) ?? 0 });
  }
  const total = (phase: 'before' | 'after') => months.filter((m) => m.phase === phase).reduce((s, m) => s + m.count, 0);
  return { categoryNames: names.map((n) => n.name), months, beforeTotal: total('before'), afterTotal: total('after') };
}

async function readable(deps: Deps, actor: Actor, id: string): Promise<{ row: MatterRow; units: UnitOf[] }> {
  const row = await findMatter(deps.db, actor.centreId, id);
  if (!row) throw notFound('matter');
  const units = await matterUnits(deps.db, [row.id]);
  if (!sees(actor, units)) throw notFound('matter');
  return { row, units };
}

export async function matterFor(deps: Deps, actor: Actor, id: string): Promise<MatterView<Date>> {
  const { row, units } = await readable(deps, actor, id);
  const [milestones, progress, links] = await Promise.all([
    milestonesOf(deps.db, [row.id]),
    progressOf(deps.db, [row.id]),
    linkedOrders(deps.db, row.id),
  ]);
  const categoryIds = [...new Set(links.map((l) => l.category_id).filter((c): c is string => c !== null))];
  const writer = isWriter(actor);
  return {
    ...summary(row, units),
    unitIds: units.map((u) => u.id),
    clusterKey: row.cluster_key,
    clusterLabel: row.cluster_label,
    clusterTerms: row.cluster_terms,
    milestones: milestones.map((m) => ({ id: m.id, name: m.name, dueOn: m.due_on, doneOn: m.done_on })),
    progress: progress.map((p) => ({
      id: p.id,
      body: p.body,
      reportedOn: p.reported_on,
      byName: p.by_name,
      createdAt: p.created_at,
    })),
    links: links.map((l) => ({
      orderId: l.id,
      orderNo: l.order_no,
      title: l.title,
      appealType: l.appeal_type,
      kind: l.kind,
      acceptedAt: l.accepted_at,
    })),
    effect: await effectOf(deps, row, categoryIds),
    canEdit: writer,
    canReport: (writer || reachesAny(actor, units)) && ['adopted', 'in_progress'].includes(row.status),
  };
}

export async function mattersFor(
  deps: Deps,
  actor: Actor,
  q: { year: number; status?: MatterStatus },
): Promise<{ year: number; matters: MatterSummary<Date>[] }> {
  if (!isReader(actor) && !isUnitStaff(actor)) throw forbidden();
  const unitPath = isReader(actor) ? null : actor.unitPath;
  if (!isReader(actor) && !unitPath) throw forbidden();
  const rows = await listMatters(deps.db, actor.centreId, { year: q.year, statuses: q.status ? [q.status] : null, unitPath });
  const units = await matterUnits(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    year: q.year,
    matters: rows.map((r) =>
      summary(
        r,
        units.filter((u) => u.matter_id === r.id),
      ),
    ),
  };
}

// Creating and editing

export interface MatterInput {
  year: number;
  title: string;
  description: string;
  regionId?: string | null;
  leaderId: string;
  unitIds: string[];
  budgetYuan?: number | null;
}

export interface NewMatterInput extends MatterInput {
  source: MatterSource;
  milestones?: { name: string; dueOn: string }[];
  cluster?: { key: string; label: string; terms: string[] };
  /** Orders that led to it (a suggestion's, a cluster's). */
  orderIds?: string[];
}

async function checkRefs(deps: Deps, actor: Actor, input: MatterInput) {
  const [leaders, units, regions] = await Promise.all([
    leaderUsers(deps.db, actor.centreId),
    unitsByIds(deps.db, actor.centreId, input.unitIds),
    input.regionId ? regionsOf(deps.db, actor.centreId) : Promise.resolve([]),
  ]);
  if (!leaders.some((l) => l.id === input.leaderId)) throw invalidField('leaderId');
  if (units.length !== new Set(input.unitIds).size) throw invalidField('unitIds');
  if (input.regionId && !regions.some((r) => r.id === input.regionId)) throw invalidField('regionId');
}

/** The orders a new matter came from: visible to the actor; for a matter from suggestions, each of appeal type 建议. */
async function originOrders(deps: Deps, actor: Actor, input: NewMatterInput): Promise<string[]> {
  const refs = [...new Set(input.orderIds ?? [])];
  if (input.source === 'suggestion' && refs.length === 0) throw invalidField('orderIds');
  const out: string[] = [];
  for (const ref of refs) {
    const order = await findOrderByIdOrNo(deps.db, actorScope(actor), ref);
    if (!order) throw invalidField('orderIds');
    if (input.source === 'suggestion' && order.appeal_type !== 'suggestion') throw invalidField('orderIds', 'suggestion');
    out.push(order.id);
  }
  return out;
}

export async function createMatter(deps: Deps, actor: Actor, input: NewMatterInput): Promise<MatterView<Date>> {
  if (!isWriter(actor)) throw forbidden();
  await checkRefs(deps, actor, input);
  if (input.source === 'cluster' && !input.cluster) throw invalidField('cluster');
  for (const [i, m] of (input.milestones ?? []).entries()) checkDate(`milestones.${i}.dueOn`, m.dueOn);
  const orderIds = await originOrders(deps, actor, input);
  const at = deps.clock.now();
  const id = await deps.db.transaction().execute(async (tx) => {
    const { id } = await insertMatter(tx, {
      centre_id: actor.centreId,
      region_id: input.regionId ?? null,
      year: input.year,
      title: input.title,
      description: input.description,
      leader_id: input.leaderId,
      status: 'candidate',
      source: input.source,
      cluster_key: input.source === 'cluster' ? (input.cluster?.key ?? null) : null,
      cluster_label: input.source === 'cluster' ? (input.cluster?.label ?? null) : null,
      cluster_terms: input.source === 'cluster' ? (input.cluster?.terms ?? []) : [],
      budget_yuan: input.budgetYuan ?? null,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    });
    await setMatterUnits(tx, id, input.unitIds, at);
    await addMilestones(tx, id, input.milestones ?? []);
    await linkOrders(tx, id, orderIds, 'origin', actor.userId, at);
    return id;
  });
  return matterFor(deps, actor, id);
}

export async function editMatter(deps: Deps, actor: Actor, id: string, input: MatterInput): Promise<MatterView<Date>> {
  if (!isWriter(actor)) throw forbidden();
  const { row } = await readable(deps, actor, id);
  await checkRefs(deps, actor, input);
  // a matter on a ballot keeps its year and title: the voters chose that one
  if (row.status === 'voting' && (input.title !== row.title || input.year !== row.year))
    throw domainError('CONFLICT', 'matter.onBallot');
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await updateMatter(tx, id, {
      year: input.year,
      title: input.title,
      description: input.description,
      region_id: input.regionId ?? null,
      leader_id: input.leaderId,
      budget_yuan: input.budgetYuan ?? null,
      updated_at: at,
    });
    await setMatterUnits(tx, id, input.unitIds, at);
  });
  return matterFor(deps, actor, id);
}

/** candidate → adopted | rejected by decision, adopted → in_progress, in_progress → done. */
export async function moveMatterTo(deps: Deps, actor: Actor, id: string, to: MatterStatus): Promise<MatterView<Date>> {
  if (!isWriter(actor)) throw forbidden();
  const { row } = await readable(deps, actor, id);
  if (!(MATTER_MOVES[row.status] ?? []).includes(to)) throw domainError('CONFLICT', 'matter.badMove');
  const at = deps.clock.now();
  const stamp =
    to === 'adopted'
      ? { adopted_at: at }
      : to === 'rejected'
        ? { rejected_at: at }
        : to === 'in_progress'
          ? { started_at: at }
          : { done_at: at };
  const moved = await moveMatter(deps.db, id, row.status, { status: to, updated_at: at, ...stamp });
  if (!moved) throw domainError('CONFLICT', 'matter.changed');
  return matterFor(deps, actor, id);
}

// Schedule, progress, links

async function reportable(deps: Deps, actor: Actor, id: string) {
  const { row, units } = await readable(deps, actor, id);
  if (!isWriter(actor) && !reachesAny(actor, units)) throw forbidden();
  return row;
}

export async function addMilestone(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { name: string; dueOn: string },
): Promise<MatterView<Date>> {
  if (!isWriter(actor)) throw forbidden();
  await readable(deps, actor, id);
  checkDate('dueOn', input.dueOn);
  await addMilestones(deps.db, id, [input]);
  await updateMatter(deps.db, id, { updated_at: deps.clock.now() });
  return matterFor(deps, actor, id);
}

export async function tickMilestone(
  deps: Deps,
  actor: Actor,
  id: string,
  milestoneId: string,
  input: { doneOn?: string | null },
): Promise<MatterView<Date>> {
  await reportable(deps, actor, id);
  const doneOn = input.doneOn === undefined ? dayOf(deps.clock.now()) : input.doneOn;
  if (doneOn !== null) checkDate('doneOn', doneOn);
  if (!(await markMilestone(deps.db, id, milestoneId, doneOn))) throw invalidField('milestoneId');
  await updateMatter(deps.db, id, { updated_at: deps.clock.now() });
  return matterFor(deps, actor, id);
}

export async function reportProgress(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { body: string; reportedOn?: string },
): Promise<MatterView<Date>> {
  const row = await reportable(deps, actor, id);
  if (row.status !== 'adopted' && row.status !== 'in_progress') throw domainError('CONFLICT', 'matter.notUnderWay');
  const at = deps.clock.now();
  const reportedOn = input.reportedOn ? checkDate('reportedOn', input.reportedOn) : dayOf(at);
  await insertProgress(deps.db, { matterId: id, body: input.body, reportedOn, by: actor.userId, at });
  await updateMatter(deps.db, id, { updated_at: at });
  return matterFor(deps, actor, id);
}

/** Staff link an appeal to a matter (one that led to it, or a new one about it); the appeal must be theirs to see. */
export async function linkAppeal(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { order: string; kind: MatterLinkKind },
): Promise<MatterView<Date>> {
  await reportable(deps, actor, id);
  const order = await findOrderByIdOrNo(deps.db, actorScope(actor), input.order);
  if (!order) throw invalidField('order');
  await linkOrders(deps.db, id, [order.id], input.kind, actor.userId, deps.clock.now());
  return matterFor(deps, actor, id);
}

export async function matterOptions(deps: Deps, actor: Actor): Promise<MatterOptionsView> {
  if (!isWriter(actor)) throw forbidden();
  const [leaders, units, regions] = await Promise.all([
    leaderUsers(deps.db, actor.centreId),
    claimableUnits(deps.db, actor.centreId),
    regionsOf(deps.db, actor.centreId),
  ]);
  return {
    leaders: leaders.map((l) => ({ id: l.id, name: l.display_name })),
    units: units.map((u) => ({ id: u.id, name: u.name })),
    regions: regions.map((r) => ({ id: r.id, name: r.name })),
  };
}
