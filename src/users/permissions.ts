import type { Actor, Role } from './roles.js';
import { hasAnyRole } from './roles.js';
import { isInSubtree } from '../shared/subtree.js';
import { NOTE_WRITER_ROLES } from '../contract/agent-tools.js';
import { URGE_ROLES } from '../contract/queues.js';
import { ENTERPRISE_DESK_ROLES } from '../contract/enterprise.js';
import { CHECK_ROLES } from '../contract/checks.js';
import { ROLES } from '../contract/vocabulary.js';
import { API_CLIENT_ADMIN_ROLES } from '../contract/api-clients.js';
import { POINTS_CONFIG_ROLES, POINTS_READER_ROLES } from '../contract/points.js';
import { GRID_REPORT_ROLES } from '../contract/geo.js';

/** Non-transition permissions, in one table so they can be read and tested together. */
export const PERMISSIONS = {
  'order.create': ['operator', 'dispatcher'],
  // The audit administrator reads the audit trail only, not orders (三员分立, ADR 0157).
  'order.read': ['operator', 'dispatcher', 'unit_handler', 'unit_admin', 'supervisor', 'leader', 'analyst'],
  'order.attach': ['operator', 'dispatcher', 'unit_handler', 'unit_admin', 'supervisor'],
  'order.link': ['operator', 'dispatcher', 'supervisor'],
  'pii.read': ['operator', 'dispatcher', 'supervisor'],
  'pii.audit': ['auditor'],
  // Accounts, roles, password and 2FA resets, unlocks: the security administrator alone (ADR 0157).
  'user.manage': ['security_admin'],
  'unit.manage': ['admin'],
  // The personal-data retention period is a setting: the system administrator's (ADR 0174, 三员分立).
  'retention.manage': ['admin'],
  'catalog.read': [...ROLES],
  'catalog.manage': ['admin'],
  // Issue 17: import of a previous system's records (ADR 0183), the system administrator's first-day task.
  'order.import': ['admin'],
  'nlp.suggest': ['operator', 'dispatcher'],
  // Issue 6: hot issues, monthly unit assessment, reports.
  'hotspot.read': ['analyst', 'leader', 'supervisor'],
  'assessment.read': ['analyst', 'leader', 'supervisor', 'unit_admin'],
  'assessment.run': ['analyst', 'supervisor'],
  'assessment.configure': ['admin'],
  'assessment.appeal': ['unit_admin'],
  'report.read': ['analyst', 'leader', 'supervisor', 'unit_admin'],
  'call.record': ['operator', 'dispatcher', 'supervisor'],
  'kpi.read': ['leader', 'analyst', 'supervisor', 'unit_admin'],
  'knowledge.read': [...ROLES],
  'knowledge.edit': ['admin', 'unit_admin', 'supervisor'],
  // Issue 13: agent tools. Notes: centre and unit staff, on the orders they can see.
  'textmodule.manage': ['admin', 'supervisor'],
  'order.note': NOTE_WRITER_ROLES,
  // 催办 by hand or in bulk (src/supervision, src/queues).
  'order.urge': URGE_ROLES,
  // Issue 14: the centre's enterprise desk (涉企诉求 queue and KPIs) and the check of dissatisfied ratings.
  'enterprise.desk': ENTERPRISE_DESK_ROLES,
  'check.decide': CHECK_ROLES,
  // Issue 17: outside systems' API clients and keys (ADR 0180).
  'apiclient.manage': API_CLIENT_ADMIN_ROLES,
  // Issue 19 (ADR 0188): the points ledgers (unit staff: their subtree) and the rules and shops.
  'points.read': POINTS_READER_ROLES,
  'points.rules': ['admin'],
  'points.shops': POINTS_CONFIG_ROLES,
  // Issue 18 (ADR 0186): grid workers and reporters report from their grid — an order through intake,
  // channel grid — without order.create, order.read or any step of its handling.
  'grid.report': GRID_REPORT_ROLES,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const can = (actor: Actor, permission: Permission) => hasAnyRole(actor, PERMISSIONS[permission] as readonly Role[]);

/** True when `unitPath` lies inside the subtree whose root path is `rootPath` (org/subtree.ts). */
export const isWithinUnit = isInSubtree;
