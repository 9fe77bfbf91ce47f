import type { Deps } from '../shared/deps.js';
import { forbidden, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { selectDuplicateRadii, setCategoryDuplicateRadius, setCentreDuplicateRadius } from './duplicate.repository.js';

export interface DuplicateRadiusView {
  /** The centre's radius in metres (200 unless changed). */
  defaultRadiusMetres: number;
  /** The categories with a radius of their own (their subcategories inherit it). */
  categories: { categoryId: string; code: string; name: string; radiusMetres: number }[];
}

/** GET /api/duplicates/radius: who reads the catalogue may read the radii. */
export async function getDuplicateRadii(deps: Deps, actor: Actor): Promise<DuplicateRadiusView> {
  if (!can(actor, 'catalog.read')) throw forbidden();
  const r = await selectDuplicateRadii(deps.db, actor.centreId);
  return {
    defaultRadiusMetres: r.centre,
    categories: r.categories.map((c) => ({ categoryId: c.id, code: c.code, name: c.name, radiusMetres: c.duplicate_radius_m! })),
  };
}

/** PUT /api/duplicates/radius: the centre's radius (the administrator). */
export async function setDefaultDuplicateRadius(deps: Deps, actor: Actor, metres: number): Promise<DuplicateRadiusView> {
  if (!can(actor, 'catalog.manage')) throw forbidden();
  await setCentreDuplicateRadius(deps.db, actor.centreId, metres);
  return getDuplicateRadii(deps, actor);
}

/** PUT /api/duplicates/radius/categories/:id: a category's own radius, or null to inherit again. */
export async function setCategoryRadius(
  deps: Deps,
  actor: Actor,
  categoryId: string,
  metres: number | null,
): Promise<DuplicateRadiusView> {
  if (!can(actor, 'catalog.manage')) throw forbidden();
  if (!(await setCategoryDuplicateRadius(deps.db, actor.centreId, categoryId, metres))) throw notFound('category');
  return getDuplicateRadii(deps, actor);
}
