import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Unit } from '../../src/db/schema.js';
import { insertRegion } from '../../src/org/catalog.repository.js';
import { insertUnit } from '../../src/org/unit.repository.js';
import { hashPassword } from '../../src/users/password.js';
import type { Actor, Role } from '../../src/users/roles.js';
import { insertUser } from '../../src/users/user.repository.js';
import { TEST_PASSWORD, type World } from './fixtures.js';
import type { Client } from './http.js';

/**
 * Two sub-centres (分中心) in the small world (ADR 0110), each in its county: A旗12345分中心 owns the world's region (A旗)
 * and B旗12345分中心 a second region B旗 with a town below it; a dispatcher and a supervisor at A, a
 * dispatcher at B; routing by region switched on.
 */
export interface SubCentreWorld {
  deskA: Unit;
  deskB: Unit;
  regionB: string;
  townOfB: string;
  people: Record<'dispatcherA' | 'supervisorA' | 'dispatcherB', { username: string; actor: Actor }>;
}

export async function addSubCentres(w: World, db = w.deps.db): Promise<SubCentreWorld> {
  // as in the league's tree, each sub-centre sits in its banner/county
  const add = (county: Unit, code: string, name: string) =>
    insertUnit(db, { centreId: w.centreId, parentId: county.id, parentPath: county.path, code, name, kind: 'sub_centre' });
  const deskA = await add(w.units.countyA, 'SA', 'A旗12345分中心');
  const deskB = await add(w.units.countyB, 'SB', 'B旗12345分中心');
  const regionB = await insertRegion(db, { centreId: w.centreId, parentId: null, code: 'R2', name: 'B旗', level: 1 });
  const town = await insertRegion(db, { centreId: w.centreId, parentId: regionB.id, code: 'R21', name: 'B旗某镇', level: 2 });
  await db.updateTable('units').set({ region_id: w.regionId }).where('id', '=', deskA.id).execute();
  await db.updateTable('units').set({ region_id: regionB.id }).where('id', '=', deskB.id).execute();
  await db.updateTable('centres').set({ route_to_sub_centres: true }).where('id', '=', w.centreId).execute();
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const person = async (key: string, role: Role, unit: Unit) => {
    const username = `${key}_${w.centreId.slice(0, 8)}`;
    const user = await insertUser(db, {
      centreId: w.centreId,
      unitId: unit.id,
      username,
      displayName: `${key} 测试`,
      passwordHash,
      roles: [role],
    });
    const actor: Actor = {
      kind: 'user',
      userId: user.id,
      centreId: w.centreId,
      unitId: unit.id,
      unitPath: unit.path,
      roles: [role],
      label: user.display_name,
      deskUnitId: unit.id,
    };
    return { username, actor };
  };
  return {
    deskA,
    deskB,
    regionB: regionB.id,
    townOfB: town.id,
    people: {
      dispatcherA: await person('subdispA', 'dispatcher', deskA),
      supervisorA: await person('subsupA', 'supervisor', deskA),
      dispatcherB: await person('subdispB', 'dispatcher', deskB),
    },
  };
}

/** Signs in by username (the sub-centre people are not in the world's table). */
export async function signInAs(app: FastifyInstance, username: string): Promise<Client> {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login as ${username} failed: ${login.body}`);
  const token = login.cookies.find((c) => c.name === 'lianxin_session')!.value;
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...(options.headers ?? {}), cookie: `lianxin_session=${token}` } });
  return {
    token,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
  };
}
