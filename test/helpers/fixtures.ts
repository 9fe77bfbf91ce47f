import type { Database } from '../../src/db/database.js';
import type { Unit } from '../../src/db/schema.js';
import { insertCategory, insertRegion } from '../../src/org/catalog.repository.js';
import { insertCentre, insertUnit } from '../../src/org/unit.repository.js';
import { defaultDomainSettings } from '../../src/config/domain-settings.js';
import { ManualClock } from '../../src/shared/clock.js';
import type { OrderDeps as Deps } from '../../src/orders/order-hooks.js';
import { composeDeps } from '../../src/composition.js';
import { insertUser } from '../../src/users/user.repository.js';
import type { Actor, Role } from '../../src/users/roles.js';
import { setCentreMfaRoles } from '../../src/users/totp.repository.js';
import { hashPassword } from '../../src/users/password.js';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

export const TEST_PASSWORD = 'Test@12345';

/**
 * A small hotline: centre unit, county A (department A1 with sub-team A1a, town A2), county B
 * (department B1), a utility company; one user per role; two categories; one region.
 */
export interface World {
  deps: Deps;
  clock: ManualClock;
  centreId: string;
  units: { centre: Unit; countyA: Unit; deptA1: Unit; teamA1a: Unit; townA2: Unit; countyB: Unit; deptB1: Unit; company: Unit };
  categoryId: string;
  regionId: string;
  actors: Record<Role | 'handlerB' | 'handlerA1a', Actor>;
  usernames: Record<Role | 'handlerB' | 'handlerA1a', string>;
}

let hashCache: Promise<string> | undefined;

export async function buildWorld(database: Database, start = '2025-03-03T02:00:00Z'): Promise<World> {
  const db = database.db;
  const clock = new ManualClock(start);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-test-'));
  const centre = await insertCentre(db, { code: `c${Math.random().toString(36).slice(2, 8)}`, name: '测试热线中心' });
  // Two-factor sign-in optional here (a new centre requires it of every role, ADR 0156); the TOTP tests set it.
  await setCentreMfaRoles(db, centre.id, []);
  const add = (parent: Unit | null, code: string, name: string, kind: Unit['kind']) =>
    insertUnit(db, { centreId: centre.id, parentId: parent?.id ?? null, parentPath: parent?.path ?? null, code, name, kind });
  const centreUnit = await add(null, 'U0', '测试中心', 'centre');
  const countyA = await add(centreUnit, 'UA', 'A旗', 'county');
  const deptA1 = await add(countyA, 'UA1', 'A旗住建局', 'county_dept');
  const teamA1a = await add(deptA1, 'UA1a', 'A旗住建局物业科', 'other');
  const townA2 = await add(countyA, 'UA2', 'A旗某镇', 'town');
  const countyB = await add(centreUnit, 'UB', 'B旗', 'county');
  const deptB1 = await add(countyB, 'UB1', 'B旗住建局', 'county_dept');
  const company = await add(centreUnit, 'UC', '热力公司', 'company');
  const cat = await insertCategory(db, {
    centreId: centre.id,
    parentId: null,
    parentPath: null,
    code: 'C1',
    name: '城乡建设',
    level: 1,
  });
  const leaf = await insertCategory(db, {
    centreId: centre.id,
    parentId: cat.id,
    parentPath: cat.path,
    code: 'C11',
    name: '物业管理',
    level: 2,
  });
  const region = await insertRegion(db, { centreId: centre.id, parentId: null, code: 'R1', name: 'A旗', level: 1 });
  hashCache ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await hashCache;
  const suffix = centre.code;
  const people: [Role | 'handlerB' | 'handlerA1a', Role, Unit][] = [
    ['operator', 'operator', centreUnit],
    ['dispatcher', 'dispatcher', centreUnit],
    ['supervisor', 'supervisor', centreUnit],
    ['leader', 'leader', centreUnit],
    ['analyst', 'analyst', centreUnit],
    ['admin', 'admin', centreUnit],
    ['security_admin', 'security_admin', centreUnit],
    ['auditor', 'auditor', centreUnit],
    ['unit_handler', 'unit_handler', deptA1],
    ['unit_admin', 'unit_admin', countyA],
    ['handlerB', 'unit_handler', deptB1],
    ['handlerA1a', 'unit_handler', teamA1a],
    // Grid people (issue 18) work for their town.
    ['gridworker', 'gridworker', townA2],
    ['grid_reporter', 'grid_reporter', townA2],
  ];
  const actors = {} as World['actors'];
  const usernames = {} as World['usernames'];
  for (const [key, role, unit] of people) {
    const username = `${key}_${suffix}`;
    const user = await insertUser(db, {
      centreId: centre.id,
      unitId: unit.id,
      username,
      displayName: `${key} 测试`,
      passwordHash,
      roles: [role],
    });
    actors[key] = {
      kind: 'user',
      userId: user.id,
      centreId: centre.id,
      unitId: unit.id,
      unitPath: unit.path,
      roles: [role],
      label: user.display_name,
    };
    usernames[key] = username;
  }
  return {
    // Tests jump the clock by hours within one session: no idle timeout here (test/http/password-policy sets one).
    deps: composeDeps({ db, clock, dataDir, settings: { ...defaultDomainSettings(), sessionIdleMinutes: 0 } }),
    clock,
    centreId: centre.id,
    units: { centre: centreUnit, countyA, deptA1, teamA1a, townA2, countyB, deptB1, company },
    categoryId: leaf.id,
    regionId: region.id,
    actors,
    usernames,
  };
}
