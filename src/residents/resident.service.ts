import type { CommunityView, ResidentSessionView, ResidentView } from '../contract/points.js';
import { POINTS_STAFF_ROLES } from '../contract/points.js';
import { maskPhone } from '../orders/masking.js';
import { normalizePhone } from '../orders/phone.js';
import { isInSubtree } from '../shared/subtree.js';
import { findUnit } from '../org/unit.repository.js';
import { findPortalCentre } from '../portal/portal.repository.js';
import { spendOtpCode } from '../portal/portal-otp.service.js';
import { livePhoneSession, openPhoneSessionIn } from '../portal/phone-session.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import { hasAnyRole, isUnitScoped, type Actor } from '../users/roles.js';
import type { Role } from '../contract/vocabulary.js';
import {
  findHousehold,
  findResident,
  findResidentByPhone,
  insertHousehold,
  insertResident,
  listCommunities,
  markPhoneVerified,
  type ResidentRow,
} from './resident.repository.js';

/** The centre the public portal serves (the residents' pages belong to it). */
export async function portalCentre(deps: Deps) {
  const centre = await findPortalCentre(deps.db, deps.settings.portalCentreCode);
  if (!centre) throw domainError('NOT_FOUND', 'error.portalUnavailable');
  return centre;
}

/** A resident's portal session lives a day; only its hash is stored. */
export const RESIDENT_SESSION_HOURS = 24;

/** A grid worker works for their town: like unit staff, their reach is their unit's subtree (issue 18). */
const COMMUNITY_SCOPED_ROLES: readonly Role[] = ['unit_handler', 'unit_admin', 'gridworker'];
const communityScoped = (actor: Actor) =>
  isUnitScoped(actor) || (actor.kind === 'user' && actor.roles.every((r) => COMMUNITY_SCOPED_ROLES.includes(r)));

/**
 * True when the unit (by path) is the actor's to act on: centre roles the whole centre, unit roles and
 * grid workers their subtree.
 */
export const actorReaches = (actor: Actor, unitPath: string): boolean =>
  !communityScoped(actor) || (actor.unitPath !== null && isInSubtree(unitPath, actor.unitPath));

export function residentView(row: ResidentRow, balance: number, showPhone: boolean): ResidentView<Date> {
  return {
    id: row.id,
    name: row.name,
    phone: showPhone ? row.phone : maskPhone(row.phone),
    phoneVerified: row.phone_verified_at !== null,
    unitId: row.unit_id,
    unitName: row.unit_name,
    householdId: row.household_id,
    householdName: row.household_name,
    balance,
    createdAt: row.created_at,
  };
}

/** A resident the actor may see (404 otherwise: a unit's staff never learn of another community's people). */
export async function residentFor(deps: Deps, actor: Actor, residentId: string): Promise<ResidentRow> {
  const row = await findResident(deps.db, actor.centreId, residentId);
  if (!row || !actorReaches(actor, row.unit_path)) throw notFound('resident');
  return row;
}

/**
 * A grid worker or community staff registers a resident of their community (also one without a
 * phone); a phone registered this way is not verified until its owner signs in with a code.
 */
export async function registerResident(
  deps: Deps,
  actor: Actor,
  input: { name: string; phone?: string; unitId: string; householdId?: string; householdName?: string },
): Promise<{ id: string }> {
  if (!hasAnyRole(actor, POINTS_STAFF_ROLES) && !can(actor, 'unit.manage')) throw forbidden();
  const unit = await findUnit(deps.db, actor.centreId, input.unitId);
  if (!unit || !actorReaches(actor, unit.path)) throw invalidField('unitId');
  const phone = input.phone === undefined ? null : normalizePhone(input.phone);
  if (input.phone !== undefined && !phone) throw invalidField('phone');
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    let householdId: string | null = null;
    if (input.householdId) {
      const household = await findHousehold(tx, actor.centreId, input.householdId);
      if (!household || household.unit_id !== unit.id) throw invalidField('householdId');
      householdId = household.id;
    } else if (input.householdName) {
      householdId = (await insertHousehold(tx, { centreId: actor.centreId, unitId: unit.id, name: input.householdName, at })).id;
    }
    if (phone && (await findResidentByPhone(tx, actor.centreId, phone))) {
      throw domainError('CONFLICT', 'points.phoneTaken', {}, { field: 'phone' });
    }
    return insertResident(tx, {
      centreId: actor.centreId,
      unitId: unit.id,
      householdId,
      name: input.name,
      phone,
      verifiedAt: null,
      registeredBy: actor.userId,
      at,
    });
  });
}

/** The towns and village committees a resident may name as their community (public: names only). */
export async function communities(deps: Deps): Promise<{ communities: CommunityView[] }> {
  const centre = await portalCentre(deps);
  const rows = await listCommunities(deps.db, centre.id);
  return { communities: rows.map((r) => ({ id: r.id, name: r.name })) };
}

/** The phone proves itself with the portal's one-time code; the answer is a session token for the resident pages. */
export async function openResidentSession(deps: Deps, input: { phone: string; code: string }): Promise<ResidentSessionView> {
  const phone = await spendOtpCode(deps, input);
  const centre = await portalCentre(deps);
  const token = await openPhoneSessionIn(deps, 'resident_sessions', {
    centreId: centre.id,
    phone,
    lifetimeMs: RESIDENT_SESSION_HOURS * 3600_000,
  });
  const at = deps.clock.now();
  const resident = await findResidentByPhone(deps.db, centre.id, phone);
  if (resident) await markPhoneVerified(deps.db, resident.id, at);
  return { token, name: resident?.name ?? '', registered: resident !== undefined };
}

export interface ResidentSession {
  centreId: string;
  phone: string;
  resident: ResidentRow | undefined;
}

/** The session behind a token (401 when unknown or expired). */
export async function residentSession(deps: Deps, token: string | undefined): Promise<ResidentSession> {
  const session = await livePhoneSession(deps, 'resident_sessions', token);
  if (!session) throw domainError('UNAUTHENTICATED', 'points.residentSignIn');
  const resident = await findResidentByPhone(deps.db, session.centre_id, session.phone);
  return { centreId: session.centre_id, phone: session.phone, resident };
}

/** The signed-in resident (a session whose phone has no resident yet must register first: 409). */
export async function signedInResident(deps: Deps, token: string | undefined): Promise<ResidentRow> {
  const session = await residentSession(deps, token);
  if (!session.resident) throw domainError('CONFLICT', 'points.registerFirst');
  return session.resident;
}

/** A resident with a verified phone registers themself in a community. */
export async function registerSelf(
  deps: Deps,
  token: string | undefined,
  input: { name: string; unitId: string },
): Promise<ResidentSessionView> {
  const session = await residentSession(deps, token);
  if (session.resident) return { token: token ?? '', name: session.resident.name, registered: true };
  const community = (await listCommunities(deps.db, session.centreId)).find((c) => c.id === input.unitId);
  if (!community) throw invalidField('unitId');
  const at = deps.clock.now();
  await insertResident(deps.db, {
    centreId: session.centreId,
    unitId: community.id,
    householdId: null,
    name: input.name,
    phone: session.phone,
    verifiedAt: at,
    registeredBy: null,
    at,
  });
  return { token: token ?? '', name: input.name, registered: true };
}
