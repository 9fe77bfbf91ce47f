import type { Executor } from '../db/database.js';
import type { Unit } from '../db/schema.js';
import { insertCategory, insertRegion, setCategoryAliases } from '../org/catalog.repository.js';
import { insertCentre, insertUnit } from '../org/unit.repository.js';
import { setCentreMfaRoles } from '../users/totp.repository.js';
import { hashPassword } from '../users/password.js';
import type { Role } from '../users/roles.js';
import { insertUser } from '../users/user.repository.js';
import { CATEGORY_TREE, type CategorySeed } from './demo-catalog.data.js';
import {
  CENTRE,
  CENTRE_UNIT_NAME,
  COMPANIES,
  COUNTIES,
  COUNTY_DEPARTMENTS,
  LEAGUE_DEPARTMENTS,
  VILLAGES,
} from './demo-org.data.js';

export const DEMO_PASSWORD = 'Demo@12345';

/**
 * One demo account per role; unit roles sit in a county department so they see a real unit queue.
 * `unitName` places an account in a named unit instead (the network's desks: sub-centres, forwarding
 * units, assisting companies); capabilities append their accounts at the end of the list.
 */
export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  unit: 'centre' | 'county_dept';
  unitName?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'operator', displayName: '话务员 王晓燕', role: 'operator', unit: 'centre' },
  { username: 'dispatcher', displayName: '派单员 李建国', role: 'dispatcher', unit: 'centre' },
  { username: 'handler', displayName: '承办人 张志强', role: 'unit_handler', unit: 'county_dept' },
  { username: 'unitadmin', displayName: '单位管理员 刘敏', role: 'unit_admin', unit: 'county_dept' },
  { username: 'supervisor', displayName: '督办员 赵丽', role: 'supervisor', unit: 'centre' },
  { username: 'leader', displayName: '领导 巴特尔', role: 'leader', unit: 'centre' },
  { username: 'analyst', displayName: '分析员 孙悦', role: 'analyst', unit: 'centre' },
  { username: 'admin', displayName: '系统管理员 周强', role: 'admin', unit: 'centre' },
  // Issue 15, 三员分立 (ADR 0157): accounts and roles are the security administrator's
  { username: 'secadmin', displayName: '安全管理员 陈刚', role: 'security_admin', unit: 'centre' },
  { username: 'auditor', displayName: '审计管理员 吴静', role: 'auditor', unit: 'centre' },
  // Issue 14: a sub-centre's dispatcher (ADR 0110)
  {
    username: 'subdispatcher',
    displayName: '分中心派单员 乌兰',
    role: 'dispatcher',
    unit: 'centre',
    unitName: '锡林浩特市12345分中心',
  },
  // its supervisor: the sub-centre's figures and its level of the monthly ranking (ADR 0111)
  {
    username: 'subsupervisor',
    displayName: '分中心督办员 其其格',
    role: 'supervisor',
    unit: 'centre',
    unitName: '锡林浩特市12345分中心',
  },
  // Forwarding down the tree (下派, issue 14): the county government forwards, a street office handles.
  {
    username: 'countyadmin',
    displayName: '县级单位管理员 乌云',
    role: 'unit_admin',
    unit: 'centre',
    unitName: '锡林浩特市人民政府',
  },
  {
    username: 'townhandler',
    displayName: '街道承办人 陈静',
    role: 'unit_handler',
    unit: 'centre',
    unitName: '锡林浩特市希日塔拉街道',
  },
  // A village committee (社区) under that street office: receives only the street's own work (ADR 0116).
  {
    username: 'villagehandler',
    displayName: '社区承办人 萨仁',
    role: 'unit_handler',
    unit: 'centre',
    unitName: '希日塔拉街道团结社区',
  },
  // 网格员 (issue 18): the grid worker of 希日塔拉街道's demo grids (演示网格), answers 现场核实 there.
  {
    username: 'gridworker',
    displayName: '网格员 巴特尔',
    role: 'gridworker',
    unit: 'centre',
    unitName: '锡林浩特市希日塔拉街道',
  },
  // 联户长 (issue 18): reports from the grid, never handles.
  {
    username: 'gridreporter',
    displayName: '联户长 其其格',
    role: 'grid_reporter',
    unit: 'centre',
    unitName: '锡林浩特市希日塔拉街道',
  },
  // 协办 (issue 14, ADR 0120): the city's heating company, named as assisting unit on heating appeals.
  {
    username: 'assisthandler',
    displayName: '协办人 其其格',
    role: 'unit_handler',
    unit: 'county_dept',
    unitName: '锡林浩特市热力公司',
  },
  // Issue 14: the centre's enterprise desk (企业服务专席) takes and follows 涉企诉求.
  { username: 'entdesk', displayName: '企业服务专席 包丽娜', role: 'dispatcher', unit: 'centre' },
];

export const DEMO_HANDLER_UNIT = '锡林浩特市住房和城乡建设局';

export interface DemoCatalog {
  centreId: string;
  centreUnit: Unit;
  units: Unit[];
  counties: { name: string; unit: Unit; regionId: string }[];
  leaves: { id: string; name: string; handlers: string[] }[];
}

async function seedUnits(tx: Executor, centreId: string) {
  let n = 0;
  const code = () => `U${String(++n).padStart(4, '0')}`;
  const add = (parent: Unit | null, name: string, kind: Unit['kind']) =>
    insertUnit(tx, { centreId, parentId: parent?.id ?? null, parentPath: parent?.path ?? null, code: code(), name, kind });
  const centreUnit = await add(null, CENTRE_UNIT_NAME, 'centre');
  const units: Unit[] = [centreUnit];
  const counties: { name: string; unit: Unit }[] = [];
  for (const c of COUNTIES) {
    const county = await add(centreUnit, c.name, 'county');
    units.push(county);
    counties.push({ name: c.name, unit: county });
    units.push(await add(county, `${c.name}12345分中心`, 'sub_centre'));
    // The county's government office: it forwards across the county (its departments and towns, ADR 0116).
    units.push(await add(county, `${c.name}人民政府`, 'county'));
    for (const d of COUNTY_DEPARTMENTS) units.push(await add(county, `${c.name}${d}`, 'county_dept'));
    for (const t of c.towns) {
      const town = await add(county, `${c.name}${t}`, 'town');
      units.push(town);
      for (const v of VILLAGES[town.name] ?? []) units.push(await add(town, `${t}${v}`, 'village'));
    }
  }
  for (const d of LEAGUE_DEPARTMENTS) units.push(await add(centreUnit, d, 'league_dept'));
  for (const c of COMPANIES) {
    const parent = c.county ? counties.find((x) => x.name === c.county)!.unit : centreUnit;
    units.push(await add(parent, c.name, 'company'));
  }
  return { centreUnit, units, counties };
}

async function seedCategories(tx: Executor, centreId: string) {
  const leaves: DemoCatalog['leaves'] = [];
  let n = 0;
  const walk = async (nodes: CategorySeed[], parent: { id: string; path: string } | null, level: number) => {
    for (const node of nodes) {
      const row = await insertCategory(tx, {
        centreId,
        parentId: parent?.id ?? null,
        parentPath: parent?.path ?? null,
        code: `C${String(++n).padStart(3, '0')}`,
        name: node.name,
        level,
      });
      if (node.aliases) await setCategoryAliases(tx, centreId, row.id, node.aliases);
      if (node.children) await walk(node.children, row, level + 1);
      else leaves.push({ id: row.id, name: node.name, handlers: node.handlers ?? [] });
    }
  };
  await walk(CATEGORY_TREE, null, 1);
  return leaves;
}

function demoUserUnit(u: DemoUser, units: Unit[], centreUnit: Unit, handlerUnit: Unit): Unit {
  if (u.unitName) {
    const named = units.find((x) => x.name === u.unitName);
    if (!named) throw new Error(`demo user ${u.username}: no unit named ${u.unitName}`);
    return named;
  }
  return u.unit === 'centre' ? centreUnit : handlerUnit;
}

/** Creates the demo centre: unit tree (~300 units), categories, regions and one user per role. */
export async function seedDemoOrganisation(tx: Executor): Promise<DemoCatalog> {
  const centre = await insertCentre(tx, CENTRE);
  // The demo centre keeps two-factor sign-in optional, so the printed sign-ins work (ADR 0156; a new
  // centre otherwise requires it of every role). Said at start.
  await setCentreMfaRoles(tx, centre.id, []);
  const { centreUnit, units, counties } = await seedUnits(tx, centre.id);
  const leaves = await seedCategories(tx, centre.id);
  const withRegions: DemoCatalog['counties'] = [];
  let r = 0;
  for (const c of COUNTIES) {
    const region = await insertRegion(tx, {
      centreId: centre.id,
      parentId: null,
      code: `R${String(++r).padStart(2, '0')}`,
      name: c.name,
      level: 1,
    });
    for (const t of c.towns)
      await insertRegion(tx, {
        centreId: centre.id,
        parentId: region.id,
        code: `R${String(++r).padStart(3, '0')}`,
        name: t,
        level: 2,
      });
    withRegions.push({ name: c.name, unit: counties.find((x) => x.name === c.name)!.unit, regionId: region.id });
  }
  const handlerUnit = units.find((u) => u.name === DEMO_HANDLER_UNIT)!;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    await insertUser(tx, {
      centreId: centre.id,
      unitId: demoUserUnit(u, units, centreUnit, handlerUnit).id,
      username: u.username,
      displayName: u.displayName,
      passwordHash,
      roles: [u.role],
    });
  }
  return { centreId: centre.id, centreUnit, units, counties: withRegions, leaves };
}
