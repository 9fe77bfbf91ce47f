import { loadCentreCalendar } from '../calendar/calendar.service.js';
import {
  moduleFitsDialog,
  type TextModuleDialog,
  type TextModuleInput,
  type TextModuleVariable,
} from '../contract/agent-tools.js';
import { findCategory } from '../org/catalog.repository.js';
import { isInSubtree } from '../shared/subtree.js';
import { findUnit } from '../org/unit.repository.js';
import { maskName } from '../orders/masking.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import type { Order } from '../db/schema.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField, notFound } from '../shared/errors.js';
import { formatLocal } from '../shared/time-zone.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { fillTextModule, unknownPlaceholders } from './text-module-fill.js';
import {
  findTextModule,
  insertTextModule,
  listActiveTextModules,
  listTextModules,
  updateTextModule,
} from './text-module.repository.js';
import { presentTextModule } from './text-module.presenter.js';

const needManage = (actor: Actor) => {
  if (!can(actor, 'textmodule.manage')) throw forbidden();
};

/** The checks the schema cannot make: known variables, scope inside this centre, a free keyword. */
async function checkInput(deps: Deps, actor: Actor, input: Partial<TextModuleInput>, selfId?: string) {
  if (input.body !== undefined) {
    const unknown = unknownPlaceholders(input.body);
    if (unknown.length > 0) throw invalidField('body', unknown.map((u) => `{{${u}}}`).join(', '));
  }
  if (input.categoryId && !(await findCategory(deps.db, actor.centreId, input.categoryId))) throw invalidField('categoryId');
  if (input.unitId && !(await findUnit(deps.db, actor.centreId, input.unitId))) throw invalidField('unitId');
  if (input.keyword !== undefined) {
    const taken = (await listTextModules(deps.db, actor.centreId)).some((m) => m.keyword === input.keyword && m.id !== selfId);
    if (taken) throw invalidField('keyword', 'taken');
  }
}

export async function listModulesForAdmin(deps: Deps, actor: Actor) {
  needManage(actor);
  return { items: (await listTextModules(deps.db, actor.centreId)).map(presentTextModule) };
}

export async function createTextModule(deps: Deps, actor: Actor, input: TextModuleInput) {
  needManage(actor);
  await checkInput(deps, actor, input);
  const at = deps.clock.now();
  const row = await insertTextModule(deps.db, {
    centre_id: actor.centreId,
    name: input.name.trim(),
    keyword: input.keyword,
    body: input.body,
    category_id: input.categoryId ?? null,
    unit_id: input.unitId ?? null,
    dialogs: input.dialogs ?? [],
    active: input.active ?? true,
    updated_by: actor.userId,
    created_at: at,
    updated_at: at,
  });
  return presentTextModule(row);
}

export async function editTextModule(deps: Deps, actor: Actor, id: string, input: Partial<TextModuleInput>) {
  needManage(actor);
  if (!(await findTextModule(deps.db, actor.centreId, id))) throw notFound('textModule');
  await checkInput(deps, actor, input, id);
  const row = await updateTextModule(deps.db, actor.centreId, id, {
    ...(input.name !== undefined && { name: input.name.trim() }),
    ...(input.keyword !== undefined && { keyword: input.keyword }),
    ...(input.body !== undefined && { body: input.body }),
    ...(input.categoryId !== undefined && { category_id: input.categoryId }),
    ...(input.unitId !== undefined && { unit_id: input.unitId }),
    ...(input.dialogs !== undefined && { dialogs: input.dialogs }),
    ...(input.active !== undefined && { active: input.active }),
    updated_by: actor.userId,
    updated_at: deps.clock.now(),
  });
  if (!row) throw notFound('textModule');
  return presentTextModule(row);
}

/** The values of the variables for one order, as the reader may see them (the citizen's name masked). */
async function variablesFor(deps: Deps, actor: Actor, order: Order): Promise<Record<TextModuleVariable, string | null>> {
  const [category, unit, cal] = await Promise.all([
    order.category_id ? findCategory(deps.db, order.centre_id, order.category_id) : undefined,
    order.lead_unit_id ? findUnit(deps.db, order.centre_id, order.lead_unit_id) : undefined,
    loadCentreCalendar(deps.db, order.centre_id),
  ]);
  const local = (d: Date | null) => (d ? formatLocal(d, cal.timezone) : null);
  return {
    'order.number': order.order_no,
    'order.title': order.title,
    'citizen.name': maskName(order.caller_name),
    'category.name': category?.name ?? null,
    'unit.name': unit?.name ?? null,
    'agent.name': actor.label,
    today: local(deps.clock.now())?.slice(0, 10) ?? null,
    deadline: local(order.deadline_due_at),
  };
}

/**
 * GET /api/orders/:id/text-modules: the modules that apply to this order — its category (subtree),
 * its lead unit or the reader's unit, and the dialog asking (ADR 0141) — filled for it.
 */
export async function textModulesForOrder(deps: Deps, actor: Actor, idOrNo: string, dialog: TextModuleDialog | null = null) {
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  const category = order.category_id ? await findCategory(deps.db, order.centre_id, order.category_id) : undefined;
  const units = [order.lead_unit_id, actor.unitId].filter((u): u is string => u !== null);
  const modules = (await listActiveTextModules(deps.db, order.centre_id)).filter(
    (m) =>
      (m.category_path === null || (category !== undefined && isInSubtree(category.path, m.category_path))) &&
      (m.unit_id === null || units.includes(m.unit_id)) &&
      moduleFitsDialog(m.dialogs, dialog),
  );
  const values = await variablesFor(deps, actor, order);
  return { items: modules.map((m) => ({ id: m.id, name: m.name, keyword: m.keyword, text: fillTextModule(m.body, values) })) };
}
