import type { Executor } from '../../db/database.js';
import type { Unit } from '../../db/schema.js';
import { insertCategory, insertRegion } from '../../org/catalog.repository.js';
import { insertCentre, insertUnit } from '../../org/unit.repository.js';
import { setCentreMfaRoles } from '../../users/totp.repository.js';
import { hashPassword } from '../../users/password.js';
import type { Role } from '../../users/roles.js';
import { insertUser } from '../../users/user.repository.js';
import { CATEGORY_TREE, type CategorySeed } from '../demo-catalog.data.js';
import { COUNTIES, COUNTY_DEPARTMENTS, LEAGUE_DEPARTMENTS } from '../demo-org.data.js';
import { DEMO_PASSWORD } from '../demo-org.service.js';

export interface ScenarioOrg {
  centreId: string;
  centreUnit: Unit;
  /** Units orders are dispatched to: county departments, towns and league departments. */
  handlers: Unit[];
  counties: { unit: Unit; regionId: string; handlers: Unit[] }[];
  leaves: { id: string; name: string }[];
}

/** Sign-ins of a scenario centre: `<prefix>-leader` etc., password as the demo's. */
export const SCENARIO_ROLES: Role[] = ['leader', 'analyst', 'supervisor', 'operator', 'dispatcher'];

/**
 * A centre of its own for a scenario (so its figures are not mixed with the demo hotline's): the
 * Xilingol organisation (13 banners with departments and towns, league departments), the demo
 * category tree, one region per banner, and one sign-in per centre role.
 */
export async function createScenarioOrg(
  tx: Executor,
  centre: { code: string; name: string },
  usernamePrefix: string,
): Promise<ScenarioOrg> {
  const row = await insertCentre(tx, centre);
  await setCentreMfaRoles(tx, row.id, []); // a demo scenario: two-factor sign-in optional (ADR 0156)
  let n = 0;
  const add = (parent: Unit | null, name: string, kind: Unit['kind']) =>
    insertUnit(tx, {
      centreId: row.id,
      parentId: parent?.id ?? null,
      parentPath: parent?.path ?? null,
      code: `S${String(++n).padStart(4, '0')}`,
      name,
      kind,
    });
  const centreUnit = await add(null, `${centre.name}中心`, 'centre');
  const handlers: Unit[] = [];
  const counties: ScenarioOrg['counties'] = [];
  let r = 0;
  for (const c of COUNTIES) {
    const county = await add(centreUnit, c.name, 'county');
    const own: Unit[] = [];
    for (const d of COUNTY_DEPARTMENTS.slice(0, 8)) own.push(await add(county, `${c.name}${d}`, 'county_dept'));
    for (const t of c.towns) own.push(await add(county, `${c.name}${t}`, 'town'));
    const region = await insertRegion(tx, { centreId: row.id, parentId: null, code: `SR${++r}`, name: c.name, level: 1 });
    counties.push({ unit: county, regionId: region.id, handlers: own });
    handlers.push(...own);
  }
  for (const d of LEAGUE_DEPARTMENTS.slice(0, 12)) handlers.push(await add(centreUnit, d, 'league_dept'));
  const leaves: ScenarioOrg['leaves'] = [];
  let k = 0;
  const walk = async (nodes: CategorySeed[], parent: { id: string; path: string } | null, level: number) => {
    for (const node of nodes) {
      const cat = await insertCategory(tx, {
        centreId: row.id,
        parentId: parent?.id ?? null,
        parentPath: parent?.path ?? null,
        code: `SC${String(++k).padStart(3, '0')}`,
        name: node.name,
        level,
      });
      if (node.children) await walk(node.children, cat, level + 1);
      else leaves.push({ id: cat.id, name: node.name });
    }
  };
  await walk(CATEGORY_TREE, null, 1);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const role of SCENARIO_ROLES) {
    await insertUser(tx, {
      centreId: row.id,
      unitId: centreUnit.id,
      username: `${usernamePrefix}-${role}`,
      displayName: `${centre.name} ${role}`,
      passwordHash,
      roles: [role],
    });
  }
  return { centreId: row.id, centreUnit, handlers, counties, leaves };
}
