import type { Actor, Role } from './roles.js';
import { hasAnyRole } from './roles.js';
import { isInSubtree } from '../org/subtree.js';
import { NOTE_WRITER_ROLES } from '../contract/agent-tools.js';
import { URGE_ROLES } from '../contract/queues.js';
import { ENTERPRISE_DESK_ROLES } from '../contract/enterprise.js';
import { CHECK_ROLES } from '../contract/checks.js';

/** Non-transition permissions, in one table so they can be read and tested together. */
export const PERMISSIONS = {
  'order.create': ['operator', 'dispatcher'],
  'order.read': ['operator', 'dispatcher', 'unit_handler', 'unit_admin', 'supervisor', 'leader', 'analyst', 'auditor'],
  'order.attach': ['operator', 'dispatcher', 'unit_handler', 'unit_admin', 'supervisor'],
  'order.link': ['operator', 'dispatcher', 'supervisor'],
  'pii.read': ['operator', 'dispatcher', 'supervisor'],
  'pii.audit': ['auditor'],
  'user.manage': ['admin'],
  'unit.manage': ['admin'],
  'catalog.read': ROLES_ALL(),
  'catalog.manage': ['admin'],
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
  'knowledge.read': ROLES_ALL(),
  'knowledge.edit': ['admin', 'unit_admin', 'supervisor'],
  // Issue 13: agent tools. Notes: centre and unit staff, on the orders they can see.
  'textmodule.manage': ['admin', 'supervisor'],
  'order.note': NOTE_WRITER_ROLES,
  // 催办 by hand or in bulk (src/supervision, src/queues).
  'order.urge': URGE_ROLES,
  // Issue 14: the centre's enterprise desk (涉企诉求 queue and KPIs) and the check of dissatisfied ratings.
  'enterprise.desk': ENTERPRISE_DESK_ROLES,
  'check.decide': CHECK_ROLES,
} as const satisfies Record<string, readonly Role[]>;

function ROLES_ALL(): Role[] {
  return ['operator', 'dispatcher', 'unit_handler', 'unit_admin', 'supervisor', 'leader', 'analyst', 'admin', 'auditor'];
}

export type Permission = keyof typeof PERMISSIONS;

export const can = (actor: Actor, permission: Permission) => hasAnyRole(actor, PERMISSIONS[permission] as readonly Role[]);

/** True when `unitPath` lies inside the subtree whose root path is `rootPath` (org/subtree.ts). */
export const isWithinUnit = isInSubtree;
