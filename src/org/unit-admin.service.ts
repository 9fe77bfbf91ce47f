import type { UnitKind } from '../db/schema.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { findUnit, findUnitByCode, insertUnit, updateUnitRow } from './unit.repository.js';
import { forgetCachedSessions } from '../users/auth.service.js';
import { presentUnit } from './org.presenter.js';

export interface NewUnitInput {
  parentId: string;
  code: string;
  name: string;
  kind: Exclude<UnitKind, 'centre'>;
}

/** Adds a unit under an existing one of the admin's centre; codes are unique within a centre. */
export async function createUnit(deps: Deps, actor: Actor, input: NewUnitInput) {
  if (!can(actor, 'unit.manage')) throw forbidden();
  return deps.db.transaction().execute(async (tx) => {
    const parent = await findUnit(tx, actor.centreId, input.parentId);
    if (!parent) throw invalidField('parentId');
    if (await findUnitByCode(tx, actor.centreId, input.code)) {
      throw domainError('CONFLICT', 'error.validation', { field: 'code' }, { field: 'code' });
    }
    const unit = await insertUnit(tx, {
      centreId: actor.centreId,
      parentId: parent.id,
      parentPath: parent.path,
      code: input.code,
      name: input.name.trim(),
      kind: input.kind,
    });
    return presentUnit(unit);
  });
}

/**
 * Renames, deactivates or reactivates a unit: a deactivated unit keeps its history but can no longer
 * receive dispatches.
 */
export async function updateUnit(deps: Deps, actor: Actor, unitId: string, change: { active?: boolean; name?: string }) {
  if (!can(actor, 'unit.manage')) throw forbidden();
  const unit = await findUnit(deps.db, actor.centreId, unitId);
  if (!unit) throw notFound('unit');
  if (change.active !== undefined && unit.kind === 'centre') throw invalidField('unitId', 'centre');
  const name = change.name?.trim();
  if (name === '') throw invalidField('name');
  const updated = await updateUnitRow(deps.db, actor.centreId, unitId, {
    ...(change.active !== undefined ? { active: change.active } : {}),
    ...(name !== undefined ? { name } : {}),
  });
  if (!updated) throw notFound('unit');
  forgetCachedSessions(); // signed-in users show their unit's name
  return presentUnit(updated);
}
