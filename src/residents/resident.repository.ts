import type { Executor } from '../db/database.js';
import { inSubtree } from '../shared/subtree.js';

const residentColumns = [
  'residents.id',
  'residents.centre_id',
  'residents.unit_id',
  'residents.household_id',
  'residents.name',
  'residents.phone',
  'residents.phone_verified_at',
  'residents.created_at',
  'units.name as unit_name',
  'units.path as unit_path',
  'households.name as household_name',
] as const;

const residentQuery = (db: Executor) =>
  db
    .selectFrom('residents')
    .innerJoin('units', 'units.id', 'residents.unit_id')
    .leftJoin('households', 'households.id', 'residents.household_id')
    .select(residentColumns);

export type ResidentRow = NonNullable<Awaited<ReturnType<typeof findResident>>>;

export async function findResident(db: Executor, centreId: string, id: string) {
  return residentQuery(db).where('residents.centre_id', '=', centreId).where('residents.id', '=', id).executeTakeFirst();
}

export async function findResidentByPhone(db: Executor, centreId: string, phone: string) {
  return residentQuery(db).where('residents.centre_id', '=', centreId).where('residents.phone', '=', phone).executeTakeFirst();
}

/** Residents of a unit subtree (by the unit's path prefix), newest first. */
export async function listResidents(db: Executor, centreId: string, unitPathPrefix: string | null, limit: number) {
  let q = residentQuery(db).where('residents.centre_id', '=', centreId);
  if (unitPathPrefix) q = q.where(inSubtree('units.path', unitPathPrefix));
  return q.orderBy('residents.created_at', 'desc').limit(limit).execute();
}

/** Locks the resident's row: every ledger write of one resident goes through this lock, one at a time. */
export async function lockResident(db: Executor, centreId: string, id: string) {
  return db
    .selectFrom('residents')
    .select(['id'])
    .where('centre_id', '=', centreId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertResident(
  db: Executor,
  row: {
    centreId: string;
    unitId: string;
    householdId: string | null;
    name: string;
    phone: string | null;
    verifiedAt: Date | null;
    registeredBy: string | null;
    at: Date;
  },
) {
  return db
    .insertInto('residents')
    .values({
      centre_id: row.centreId,
      unit_id: row.unitId,
      household_id: row.householdId,
      name: row.name,
      phone: row.phone,
      phone_verified_at: row.verifiedAt,
      registered_by: row.registeredBy,
      created_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function markPhoneVerified(db: Executor, id: string, at: Date): Promise<void> {
  await db
    .updateTable('residents')
    .set({ phone_verified_at: at })
    .where('id', '=', id)
    .where('phone_verified_at', 'is', null)
    .execute();
}

export async function insertHousehold(db: Executor, row: { centreId: string; unitId: string; name: string; at: Date }) {
  return db
    .insertInto('households')
    .values({ centre_id: row.centreId, unit_id: row.unitId, name: row.name, created_at: row.at })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function findHousehold(db: Executor, centreId: string, id: string) {
  return db
    .selectFrom('households')
    .innerJoin('units', 'units.id', 'households.unit_id')
    .select(['households.id', 'households.name', 'households.unit_id', 'units.name as unit_name', 'units.path as unit_path'])
    .where('households.centre_id', '=', centreId)
    .where('households.id', '=', id)
    .executeTakeFirst();
}

export async function listHouseholdMembers(db: Executor, householdId: string) {
  return db
    .selectFrom('residents')
    .select(['id', 'name'])
    .where('household_id', '=', householdId)
    .orderBy('created_at')
    .execute();
}

/** Communities a resident may belong to: the towns and village committees of the centre. */
export async function listCommunities(db: Executor, centreId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'path', 'kind'])
    .where('centre_id', '=', centreId)
    .where('active', '=', true)
    .where('kind', 'in', ['village', 'town'])
    .orderBy('kind', 'desc')
    .orderBy('name')
    .execute();
}
