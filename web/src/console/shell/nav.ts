import type { Role } from '../api/types';
import { CATALOGUE_EDITORS, CATALOGUE_REPORT_READERS } from '../../../../src/contract/catalogue';
import { CITIZEN_NOTICE_READERS } from '../../../../src/contract/citizen-notices';
import { CHANNEL_ADMINS, CHECK_ROLES, ENTERPRISE_DESK_ROLES, MERGED_LINE_REPORT_READERS, ROLES } from '../../shared/contract';
import { GRID_REPORT_ROLES } from '../../../../src/contract/geo';
import { POINTS_READER_ROLES } from '../../../../src/contract/points';
import { WISH_COMMUNITY_ROLES, WISH_READER_ROLES } from '../../../../src/contract/wishes';
import { MATTER_READER_ROLES, MATTER_UNIT_ROLES } from '../../../../src/contract/matters';
import type { shellMessages } from './shell.messages';

type NavKey = keyof typeof shellMessages.zh & `nav.${string}`;

export interface NavItem {
  path: string;
  label: NavKey;
  roles: readonly Role[];
}

// The audit administrator reads the audit trail, not orders (三员分立, ADR 0157).
const ALL_STAFF: readonly Role[] = ROLES;
const CENTRE_READERS: Role[] = ['operator', 'dispatcher', 'supervisor', 'leader', 'analyst'];

/** Every screen of the console and who sees it in the menu; the first item a user may see is their home. */
export const NAV: NavItem[] = [
  { path: '/intake', label: 'nav.intake', roles: ['operator'] },
  { path: '/dispatch', label: 'nav.dispatch', roles: ['dispatcher'] },
  { path: '/unit', label: 'nav.unit', roles: ['unit_handler', 'unit_admin'] },
  { path: '/review', label: 'nav.review', roles: ['supervisor'] },
  { path: '/visits', label: 'nav.visits', roles: ['supervisor', 'operator'] },
  { path: '/checks', label: 'nav.checks', roles: CHECK_ROLES },
  { path: '/enterprise', label: 'nav.enterprise', roles: ENTERPRISE_DESK_ROLES },
  { path: '/supervision', label: 'nav.supervision', roles: ['supervisor', 'leader', 'dispatcher'] },
  { path: '/leader', label: 'nav.leader', roles: ['leader'] },
  { path: '/dashboard', label: 'nav.dashboard', roles: ['leader', 'analyst', 'supervisor', 'unit_admin'] },
  { path: '/wall', label: 'nav.wall', roles: ['leader', 'analyst', 'supervisor'] },
  { path: '/map', label: 'nav.map', roles: ['dispatcher', 'supervisor', 'leader', 'analyst'] },
  { path: '/assessment', label: 'nav.assessment', roles: ['leader', 'analyst', 'supervisor', 'unit_admin'] },
  { path: '/hot', label: 'nav.hot', roles: ['leader', 'analyst', 'supervisor'] },
  { path: '/reports', label: 'nav.reports', roles: ['leader', 'analyst', 'supervisor', 'unit_admin'] },
  // Issue 16: the merged hotlines' monthly report, and the notices to citizens as staff see them.
  { path: '/channels/report', label: 'nav.lineReport', roles: MERGED_LINE_REPORT_READERS },
  { path: '/notices', label: 'nav.notices', roles: CITIZEN_NOTICE_READERS },
  {
    path: '/knowledge',
    label: 'nav.knowledge',
    roles: ['operator', 'dispatcher', 'unit_handler', 'unit_admin', 'supervisor', 'admin'],
  },
  { path: '/orders', label: 'nav.orders', roles: [...CENTRE_READERS, 'unit_handler', 'unit_admin'] },
  { path: '/admin/units', label: 'nav.units', roles: ['admin'] },
  { path: '/admin/sub-centres', label: 'nav.subCentres', roles: ['admin'] },
  { path: '/admin/api-clients', label: 'nav.apiClients', roles: ['admin'] },
  { path: '/admin/import', label: 'nav.import', roles: ['admin'] },
  { path: '/admin/grids', label: 'nav.gridImport', roles: ['admin'] },
  { path: '/admin/channels', label: 'nav.channels', roles: CHANNEL_ADMINS },
  { path: '/admin/users', label: 'nav.users', roles: ['security_admin'] },
  { path: '/admin/categories', label: 'nav.categories', roles: ['admin'] },
  { path: '/admin/timelimits', label: 'nav.timelimits', roles: ['admin'] },
  { path: '/admin/calendar', label: 'nav.calendar', roles: ['admin'] },
  { path: '/admin/retention', label: 'nav.retention', roles: ['admin'] },
  { path: '/admin/text-modules', label: 'nav.textModules', roles: ['admin', 'supervisor'] },
  { path: '/admin/catalogue', label: 'nav.catalogue', roles: CATALOGUE_EDITORS },
  { path: '/catalogue/report', label: 'nav.catalogueReport', roles: CATALOGUE_REPORT_READERS },
  { path: '/audit', label: 'nav.audit', roles: ['auditor'] },
  // 网格工作台 (issue 18): verification tasks and 上报 for grid workers, 上报 only for reporters.
  { path: '/grid', label: 'nav.grid', roles: GRID_REPORT_ROLES },
  // 积分管理 and 微心愿 (issue 19): community staff and grid workers act, centre readers read the figures.
  { path: '/points', label: 'nav.points', roles: POINTS_READER_ROLES },
  { path: '/wishes', label: 'nav.wishes', roles: [...WISH_COMMUNITY_ROLES, ...WISH_READER_ROLES] },
  // 民生实事 (issue 19, ADR 0206): centre readers, and the claiming units' staff for their matters.
  { path: '/matters', label: 'nav.matters', roles: [...MATTER_READER_ROLES, ...MATTER_UNIT_ROLES] },
  // Everyone's own account: two-factor sign-in and the sign-in history (issue 15).
  { path: '/account', label: 'nav.account', roles: ALL_STAFF },
];

export const navFor = (roles: readonly Role[]) => NAV.filter((item) => item.roles.some((r) => roles.includes(r)));

/** Where a user lands after sign-in: the home of their most specific role. */
const HOME_BY_ROLE: [Role, string][] = [
  ['operator', '/intake'],
  ['dispatcher', '/dispatch'],
  ['unit_handler', '/unit'],
  ['unit_admin', '/unit'],
  ['supervisor', '/review'],
  ['leader', '/leader'],
  ['analyst', '/dashboard'],
  ['admin', '/admin/units'],
  ['security_admin', '/admin/users'],
  ['auditor', '/audit'],
  ['gridworker', '/grid'],
  ['grid_reporter', '/grid'],
];

export function homeFor(roles: readonly Role[]): string {
  return HOME_BY_ROLE.find(([role]) => roles.includes(role))?.[1] ?? '/orders';
}

export const mayVisit = (roles: readonly Role[], path: string) =>
  NAV.some((item) => path.startsWith(item.path) && item.roles.some((r) => roles.includes(r)));
