import { readSealedFile, writeSealedFile } from '../attachments/attachment-files.js';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ClaimerRank, WishRateRow, WishRatesView, WishSettingsView, WishState, WishView } from '../contract/wishes.js';
import { WISH_CLAIMER_ADMIN_ROLES, WISH_COMMUNITY_ROLES, WISH_FROM_APPEAL_ROLES, WISH_READER_ROLES } from '../contract/wishes.js';
import { sniffContentType } from '../attachments/file-type.js';
import { maskName } from '../orders/masking.js';
import { findOrder } from '../orders/order.repository.js';
import { findUnit } from '../org/unit.repository.js';
import { appendEntry } from '../points/points-ledger.js';
import { findResident, findResidentByPhone } from '../residents/resident.repository.js';
import { actorReaches, signedInResident } from '../residents/resident.service.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { actorScope } from '../users/actor-scope.js';
import { findUser } from '../users/user.repository.js';
import { hasAnyRole, isUnitScoped, type Actor } from '../users/roles.js';
import {
  findClaimer,
  findWish,
  insertWish,
  listClaimers,
  listWishes,
  moveWish,
  saveWishSettings,
  upsertClaimer,
  wishCounts,
  wishSettings,
  type WishRow,
} from './wish.repository.js';

const HOUR = 3600_000;
const MAX_PHOTO_BYTES = 600 * 1024;

/** From when a rank may claim a wish opened at `openAt`: members at once, then the team, then the principal. */
export function claimableFrom(
  openAt: Date,
  rank: ClaimerRank | 'collective',
  s: { memberHours: number; teamHours: number },
): Date {
  const hours = rank === 'member' ? 0 : rank === 'team' ? s.memberHours : s.memberHours + s.teamHours;
  return new Date(openAt.getTime() + hours * HOUR);
}

const seesWish = (actor: Actor, row: WishRow) =>
  hasAnyRole(actor, WISH_READER_ROLES) || actorReaches(actor, row.unit_path) || row.claimed_by === actor.userId;

function view(
  row: WishRow,
  actor: Actor | null,
  claimer: { rank: ClaimerRank } | undefined,
  s: { memberHours: number; teamHours: number },
): WishView<Date> {
  const ownCommunity =
    actor !== null && !isUnitScoped(actor)
      ? hasAnyRole(actor, WISH_READER_ROLES)
      : actor !== null && actorReaches(actor, row.unit_path);
  return {
    id: row.id,
    title: row.title,
    detail: row.detail,
    state: row.state,
    source: row.source,
    unitId: row.unit_id,
    unitName: row.unit_name,
    posterName: ownCommunity ? row.poster_name : (maskName(row.poster_name) ?? ''),
    residentId: ownCommunity ? row.resident_id : null,
    orderId: row.order_id,
    postedAt: row.posted_at,
    openAt: row.open_at,
    rejectReason: row.reject_reason,
    claimedByName: row.claimed_by_name,
    claimedUnitName: row.claimed_unit_name,
    claimRank: row.claim_rank,
    collective: row.collective,
    claimedAt: row.claimed_at,
    proofText: row.proof_text,
    hasPhoto: row.proof_photo !== null,
    fulfilledAt: row.fulfilled_at,
    confirmedAt: row.confirmed_at,
    pointsAwarded: row.points_awarded,
    claimableFrom: claimer && row.state === 'open' && row.open_at ? claimableFrom(row.open_at, claimer.rank, s) : null,
  };
}

async function present(deps: Deps, actor: Actor, id: string): Promise<WishView<Date>> {
  const row = await findWish(deps.db, actor.centreId, id);
  if (!row) throw notFound('wish');
  const [claimer, s] = await Promise.all([
    actor.userId ? findClaimer(deps.db, actor.userId) : undefined,
    wishSettings(deps.db, actor.centreId),
  ]);
  return view(row, actor, claimer, s);
}

// Posting

export async function postWishAsResident(
  deps: Deps,
  token: string | undefined,
  input: { title: string; detail: string },
): Promise<{ id: string }> {
  const me = await signedInResident(deps, token);
  return insertWish(deps.db, {
    centre_id: me.centre_id,
    unit_id: me.unit_id,
    resident_id: me.id,
    poster_name: me.name,
    title: input.title,
    detail: input.detail,
    source: 'portal',
    state: 'pending',
    posted_at: deps.clock.now(),
  });
}

/** Community staff (a grid worker) post for a resident, already reviewed: the wish opens at once. */
export async function postWishByStaff(
  deps: Deps,
  actor: Actor,
  input: { residentId: string; title: string; detail: string },
): Promise<WishView<Date>> {
  if (!hasAnyRole(actor, WISH_COMMUNITY_ROLES)) throw forbidden();
  const resident = await findResident(deps.db, actor.centreId, input.residentId);
  if (!resident || !actorReaches(actor, resident.unit_path)) throw invalidField('residentId');
  const at = deps.clock.now();
  const { id } = await insertWish(deps.db, {
    centre_id: actor.centreId,
    unit_id: resident.unit_id,
    resident_id: resident.id,
    poster_name: resident.name,
    title: input.title,
    detail: input.detail,
    source: 'staff',
    state: 'open',
    wall_state: 'open',
    posted_at: at,
    reviewed_by: actor.userId,
    reviewed_at: at,
    open_at: at,
  });
  return present(deps, actor, id);
}

/** An operator turns an appeal (a small need outside any department's duty) into a wish of a community. */
export async function wishFromAppeal(
  deps: Deps,
  actor: Actor,
  input: { orderId: string; unitId: string; title: string; detail: string },
): Promise<WishView<Date>> {
  if (!hasAnyRole(actor, WISH_FROM_APPEAL_ROLES)) throw forbidden();
  const order = await findOrder(deps.db, actorScope(actor), input.orderId);
  if (!order) throw notFound('order');
  const unit = await findUnit(deps.db, actor.centreId, input.unitId);
  if (!unit || (unit.kind !== 'village' && unit.kind !== 'town')) throw invalidField('unitId');
  const resident = order.caller_phone ? await findResidentByPhone(deps.db, actor.centreId, order.caller_phone) : undefined;
  const { id } = await insertWish(deps.db, {
    centre_id: actor.centreId,
    unit_id: unit.id,
    resident_id: resident?.id ?? null,
    order_id: order.id,
    poster_name: resident?.name ?? order.caller_name ?? '市民',
    title: input.title,
    detail: input.detail,
    source: 'appeal',
    state: 'pending',
    posted_at: deps.clock.now(),
  });
  return present(deps, actor, id);
}

// The community's review

export async function moderateWish(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { approve: boolean; reason?: string },
): Promise<WishView<Date>> {
  if (!hasAnyRole(actor, WISH_COMMUNITY_ROLES)) throw forbidden();
  const row = await findWish(deps.db, actor.centreId, id);
  if (!row || !actorReaches(actor, row.unit_path)) throw notFound('wish');
  if (!input.approve && !input.reason) throw invalidField('reason');
  const at = deps.clock.now();
  const moved = await moveWish(
    deps.db,
    id,
    'pending',
    input.approve
      ? { state: 'open', wall_state: 'open', open_at: at, reviewed_by: actor.userId, reviewed_at: at }
      : { state: 'rejected', reject_reason: input.reason, reviewed_by: actor.userId, reviewed_at: at },
  );
  if (!moved) throw domainError('CONFLICT', 'wish.stateChanged');
  return present(deps, actor, id);
}

// Claiming, fulfilling, confirming

/**
 * Claims an open wish: a registered claimer once their rank's window has opened, or (collective) a
 * unit admin for their unit once every rank has had its window. One conditional update decides a race.
 */
export async function claimWish(deps: Deps, actor: Actor, id: string, input: { collective?: boolean }): Promise<WishView<Date>> {
  const row = await findWish(deps.db, actor.centreId, id);
  if (!row) throw notFound('wish');
  const s = await wishSettings(deps.db, actor.centreId);
  let rank: ClaimerRank | null = null;
  if (input.collective) {
    if (!hasAnyRole(actor, ['unit_admin']) || !actor.unitId) throw forbidden('wish.notClaimer');
  } else {
    const claimer = actor.userId ? await findClaimer(deps.db, actor.userId) : undefined;
    if (!claimer) throw forbidden('wish.notClaimer');
    rank = claimer.rank;
  }
  if (row.state !== 'open' || !row.open_at) throw domainError('CONFLICT', 'wish.notOpen');
  const from = claimableFrom(row.open_at, rank ?? 'collective', s);
  const at = deps.clock.now();
  if (at < from)
    throw domainError('CONFLICT', 'wish.rankWindow', { from: from.toISOString() }, { claimableFrom: from.toISOString() });
  const moved = await moveWish(deps.db, id, 'open', {
    state: 'claimed',
    wall_state: 'claimed',
    claimed_by: actor.userId,
    claimed_unit_id: actor.unitId,
    claim_rank: rank,
    collective: input.collective === true,
    claimed_at: at,
  });
  if (!moved) throw domainError('CONFLICT', 'wish.notOpen');
  return present(deps, actor, id);
}

export async function fulfilWish(
  deps: Deps,
  actor: Actor,
  id: string,
  input: { proofText: string; photoBase64?: string },
): Promise<WishView<Date>> {
  const row = await findWish(deps.db, actor.centreId, id);
  if (!row) throw notFound('wish');
  const mine = row.collective ? actor.unitId === row.claimed_unit_id : row.claimed_by === actor.userId;
  if (!mine) throw forbidden();
  // A fulfilled wish keeps its proof: a second call must not touch the stored photo.
  if (row.state !== 'claimed') throw domainError('CONFLICT', 'wish.stateChanged');
  let photo: string | null = null;
  if (input.photoBase64) {
    const bytes = Buffer.from(input.photoBase64, 'base64');
    const type = sniffContentType(bytes.subarray(0, 16));
    if (!type?.startsWith('image/')) throw invalidField('photoBase64', 'image');
    if (bytes.length > MAX_PHOTO_BYTES) throw invalidField('photoBase64', 'size');
    // A name of its own per attempt: two racing calls never write over the winner's photo.
    photo = `${id}-${randomUUID().slice(0, 8)}.${type.slice('image/'.length)}`;
    // Sealed like every other stored photo (ADR 0172): a proof photo can show a resident's home.
    await writeSealedFile(deps.db, path.join(deps.dataDir, 'wish-photos', photo), bytes);
  }
  const moved = await moveWish(deps.db, id, 'claimed', {
    state: 'fulfilled',
    proof_text: input.proofText,
    proof_photo: photo,
    fulfilled_at: deps.clock.now(),
  });
  if (!moved) {
    if (photo) await fs.rm(path.join(deps.dataDir, 'wish-photos', photo), { force: true });
    throw domainError('CONFLICT', 'wish.stateChanged');
  }
  return present(deps, actor, id);
}

/** The resident confirms: the wish has come true and their points are awarded in the same transaction. */
async function confirm(deps: Deps, row: WishRow, by: string | null): Promise<void> {
  const s = await wishSettings(deps.db, row.centre_id);
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    let entryId: string | null = null;
    if (row.resident_id && s.points > 0) {
      const entry = await appendEntry(tx, {
        centreId: row.centre_id,
        residentId: row.resident_id,
        kind: 'wish_fulfilled',
        activityKind: null,
        ruleId: null,
        points: s.points,
        note: row.title,
        evidence: row.proof_text,
        byUserId: by,
        itemId: null,
        quantity: null,
        correctsEntryId: null,
        sourceKey: `wish:${row.id}`,
        at,
      });
      entryId = entry.id;
    }
    const moved = await moveWish(tx, row.id, 'fulfilled', {
      state: 'confirmed',
      wall_state: 'done',
      confirmed_at: at,
      points_entry_id: entryId,
      points_awarded: entryId ? s.points : null,
    });
    if (!moved) throw domainError('CONFLICT', 'wish.stateChanged');
  });
}

export async function confirmAsResident(
  deps: Deps,
  token: string | undefined,
  id: string,
): Promise<{ pointsAwarded: number | null }> {
  const me = await signedInResident(deps, token);
  const row = await findWish(deps.db, me.centre_id, id);
  if (!row || row.resident_id !== me.id) throw notFound('wish');
  await confirm(deps, row, null);
  return { pointsAwarded: (await findWish(deps.db, me.centre_id, id))?.points_awarded ?? null };
}

/** Community staff confirm for a resident without a phone (they asked them in person). */
export async function confirmForResident(deps: Deps, actor: Actor, id: string): Promise<WishView<Date>> {
  if (!hasAnyRole(actor, WISH_COMMUNITY_ROLES)) throw forbidden();
  const row = await findWish(deps.db, actor.centreId, id);
  if (!row || !actorReaches(actor, row.unit_path)) throw notFound('wish');
  await confirm(deps, row, actor.userId);
  return present(deps, actor, id);
}

// Reading

export async function wishesFor(deps: Deps, actor: Actor, q: { states?: WishState[] }): Promise<{ wishes: WishView<Date>[] }> {
  const [claimer, s] = await Promise.all([
    actor.userId ? findClaimer(deps.db, actor.userId) : undefined,
    wishSettings(deps.db, actor.centreId),
  ]);
  const reader = hasAnyRole(actor, WISH_READER_ROLES);
  const community = hasAnyRole(actor, WISH_COMMUNITY_ROLES);
  if (!reader && !community && !claimer) throw forbidden();
  // a claimer sees every open wish of the centre; community staff their subtree; centre readers all
  const scoped = reader || claimer ? null : actor.unitPath;
  const rows = await listWishes(deps.db, actor.centreId, { unitPathPrefix: scoped, states: q.states ?? null, limit: 200 });
  return {
    wishes: rows.filter((r) => seesWish(actor, r) || (claimer && r.state === 'open')).map((r) => view(r, actor, claimer, s)),
  };
}

export async function wishFor(deps: Deps, actor: Actor, id: string): Promise<WishView<Date>> {
  const row = await findWish(deps.db, actor.centreId, id);
  const claimer = actor.userId ? await findClaimer(deps.db, actor.userId) : undefined;
  if (!row || !(seesWish(actor, row) || (claimer && row.state === 'open'))) throw notFound('wish');
  return present(deps, actor, id);
}

export async function wishPhoto(deps: Deps, actor: Actor, id: string): Promise<{ bytes: Buffer; type: string }> {
  const row = await findWish(deps.db, actor.centreId, id);
  if (!row || !seesWish(actor, row) || !row.proof_photo) throw notFound('wish');
  const bytes = await readSealedFile(deps.db, path.join(deps.dataDir, 'wish-photos', row.proof_photo));
  return { bytes, type: `image/${row.proof_photo.split('.').pop()}` };
}

/** The resident's own wishes on the portal (their own name unmasked: it is theirs). */
export async function myWishes(deps: Deps, token: string | undefined): Promise<{ wishes: WishView<Date>[] }> {
  const me = await signedInResident(deps, token);
  const rows = await listWishes(deps.db, me.centre_id, { unitPathPrefix: me.unit_path, states: null, limit: 100 });
  const s = await wishSettings(deps.db, me.centre_id);
  return {
    wishes: rows
      .filter((r) => r.resident_id === me.id)
      .map((r) => ({ ...view(r, null, undefined, s), posterName: r.poster_name, claimedByName: null })),
  };
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);
const rateRow = (r: { id: string; name: string; posted: number; claimed: number; confirmed: number }): WishRateRow => ({
  ...r,
  claimRate: rate(r.claimed, r.posted),
  completionRate: rate(r.confirmed, r.claimed),
});

/**
 * A claiming unit's rows are only the wishes it claimed, so a claim rate there would always read 100 %:
 * a unit is measured by what it completed; the claim rate belongs to the communities that posted.
 */
const unitRateRow = (r: Parameters<typeof rateRow>[0]): WishRateRow => ({ ...rateRow(r), claimRate: null });

/** Claim and completion rates per community; completion per claiming unit (unit staff: their subtree). */
export async function wishRates(deps: Deps, actor: Actor): Promise<WishRatesView> {
  if (!hasAnyRole(actor, [...WISH_READER_ROLES, ...WISH_COMMUNITY_ROLES])) throw forbidden();
  const scoped = isUnitScoped(actor) ? actor.unitPath : null;
  const [communities, units] = await Promise.all([
    wishCounts(deps.db, actor.centreId, 'unit_id', scoped),
    wishCounts(deps.db, actor.centreId, 'claimed_unit_id', scoped),
  ]);
  return { communities: communities.map(rateRow), units: units.map(unitRateRow) };
}

// Settings and claimers

export async function getWishSettings(deps: Deps, actor: Actor): Promise<WishSettingsView> {
  if (!hasAnyRole(actor, [...WISH_READER_ROLES, ...WISH_COMMUNITY_ROLES])) throw forbidden();
  return wishSettings(deps.db, actor.centreId);
}

export async function setWishSettings(deps: Deps, actor: Actor, input: WishSettingsView): Promise<WishSettingsView> {
  if (!hasAnyRole(actor, ['admin'])) throw forbidden();
  await saveWishSettings(deps.db, actor.centreId, input);
  return wishSettings(deps.db, actor.centreId);
}

export async function registerClaimer(deps: Deps, actor: Actor, input: { userId: string; rank: ClaimerRank }): Promise<void> {
  if (!hasAnyRole(actor, WISH_CLAIMER_ADMIN_ROLES)) throw forbidden();
  const user = await findUser(deps.db, actor.centreId, input.userId);
  if (!user || !user.unit_id) throw invalidField('userId');
  const unit = await findUnit(deps.db, actor.centreId, user.unit_id);
  if (!unit || !actorReaches(actor, unit.path)) throw invalidField('userId');
  await upsertClaimer(deps.db, { userId: user.id, centreId: actor.centreId, rank: input.rank, at: deps.clock.now() });
}

export async function claimersFor(deps: Deps, actor: Actor) {
  if (!hasAnyRole(actor, [...WISH_CLAIMER_ADMIN_ROLES, ...WISH_READER_ROLES])) throw forbidden();
  const rows = await listClaimers(deps.db, actor.centreId, isUnitScoped(actor) ? actor.unitPath : null);
  return { claimers: rows.map((r) => ({ userId: r.user_id, name: r.display_name, unitName: r.unit_name, rank: r.rank })) };
}
