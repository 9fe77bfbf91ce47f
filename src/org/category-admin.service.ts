import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { cleanCategoryAliases } from '../contract/category-aliases.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { presentCategory } from './org.presenter.js';
import {
  activateCategory,
  deactivateCategorySubtree,
  findCategory,
  findCategoryByCode,
  insertCategory,
  renameCategory,
  setCategoryAliases,
} from './catalog.repository.js';

export interface NewCategoryInput {
  parentId?: string | null;
  code: string;
  name: string;
}

export interface CategoryChange {
  name?: string;
  active?: boolean;
  aliases?: string[];
}

/** The aliases to store, or a 400 naming the field (ADR 0085). */
function validAliases(aliases: string[]): string[] {
  const result = cleanCategoryAliases(aliases);
  if ('problem' in result) throw invalidField('aliases', result.problem);
  return result.aliases;
}

/** Adds a category (top level or under an active parent) to the admin's centre; codes are unique per centre. */
export async function createCategory(deps: Deps, actor: Actor, input: NewCategoryInput) {
  if (!can(actor, 'catalog.manage')) throw forbidden();
  const name = input.name.trim();
  if (name === '') throw invalidField('name');
  return deps.db.transaction().execute(async (tx) => {
    const parent = input.parentId ? await findCategory(tx, actor.centreId, input.parentId) : null;
    if (input.parentId && !parent) throw invalidField('parentId');
    if (parent && !parent.active) throw invalidField('parentId', 'inactive');
    if (await findCategoryByCode(tx, actor.centreId, input.code)) {
      throw domainError('CONFLICT', 'error.validation', { field: 'code' }, { field: 'code' });
    }
    const row = await insertCategory(tx, {
      centreId: actor.centreId,
      parentId: parent?.id ?? null,
      parentPath: parent?.path ?? null,
      code: input.code,
      name,
      level: (parent?.level ?? 0) + 1,
    });
    return presentCategory(row);
  });
}

/**
 * Renames, disables or re-enables a category, or replaces its search aliases. Disabling takes the whole subtree out of intake (the
 * console picker, the portal form and POST /api/orders); orders recorded with it keep it, and the
 * figures still group by it. Re-enabling enables the category itself, and only under an active parent.
 */
export async function updateCategory(deps: Deps, actor: Actor, id: string, change: CategoryChange) {
  if (!can(actor, 'catalog.manage')) throw forbidden();
  const aliases = change.aliases === undefined ? undefined : validAliases(change.aliases);
  return deps.db.transaction().execute(async (tx) => {
    const category = await findCategory(tx, actor.centreId, id);
    if (!category) throw notFound('category');
    if (change.name !== undefined) {
      const name = change.name.trim();
      if (name === '') throw invalidField('name');
      await renameCategory(tx, actor.centreId, id, name);
    }
    if (aliases !== undefined) await setCategoryAliases(tx, actor.centreId, id, aliases);
    if (change.active === false && category.active) await deactivateCategorySubtree(tx, actor.centreId, category.path);
    if (change.active === true && !category.active) {
      const parent = category.parent_id ? await findCategory(tx, actor.centreId, category.parent_id) : null;
      if (parent && !parent.active) throw invalidField('active', 'parent inactive');
      await activateCategory(tx, actor.centreId, id);
    }
    return presentCategory((await findCategory(tx, actor.centreId, id))!);
  });
}
