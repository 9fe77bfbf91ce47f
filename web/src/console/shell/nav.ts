import type { Role } from '../api/types';
import { CATALOGUE_EDITORS, CATALOGUE_REPORT_READERS } from '../../../../src/contract/catalogue';
import { CHECK_ROLES, ENTERPRISE_DESK_ROLES } from '../../shared/contract';
import type { shellMessages } from './shell.messages';

type NavKey = keyof typeof shellMessages.zh & `nav.${string}`;

export interface NavItem {
  path: string;
  label: NavKey;
  roles: readonly Role[];
}

const CENTRE_READERS: Role[] = ['operator', 'dispatcher', 'supervisor', 'leader', 'analyst', 'auditor'];

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
  { path: '/assessment', label: 'nav.assessment', roles: ['leader', 'analyst', 'supervisor', 'unit_admin'] },
  { path: '/hot', label: 'nav.hot', roles: ['leader', 'analyst', 'supervisor'] },
  { path: '/reports', label: 'nav.reports', roles: ['leader', 'analyst', 'supervisor', 'unit_admin'] },
  {
    path: '/knowledge',
    label: 'nav.knowledge',
    roles: ['operator', 'dispatcher', 'unit_handler', 'unit_admin', 'supervisor', 'admin'],
  },
  { path: '/orders', label: 'nav.orders', roles: [...CENTRE_READERS, 'unit_handler', 'unit_admin'] },
  { path: '/admin/units', label: 'nav.units', roles: ['admin'] },
  { path: '/admin/users', label: 'nav.users', roles: ['admin'] },
  { path: '/admin/categories', label: 'nav.categories', roles: ['admin'] },
  { path: '/admin/timelimits', label: 'nav.timelimits', roles: ['admin'] },
  { path: '/admin/calendar', label: 'nav.calendar', roles: ['admin'] },
  { path: '/admin/text-modules', label: 'nav.textModules', roles: ['admin', 'supervisor'] },
  { path: '/admin/catalogue', label: 'nav.catalogue', roles: CATALOGUE_EDITORS },
  { path: '/catalogue/report', label: 'nav.catalogueReport', roles: CATALOGUE_REPORT_READERS },
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
  ['auditor', '/orders'],
];

export function homeFor(roles: readonly Role[]): string {
  return HOME_BY_ROLE.find(([role]) => roles.includes(role))?.[1] ?? '/orders';
}

export const mayVisit = (roles: readonly Role[], path: string) =>
  NAV.some((item) => path.startsWith(item.path) && item.roles.some((r) => roles.includes(r)));
