import type { Executor } from '../db/database.js';
import { addNote } from '../notes/note.service.js';
import type { Deps } from '../shared/deps.js';
import type { Clock } from '../shared/clock.js';
import { insertTextModule } from '../textmodules/text-module.repository.js';
import { findUserByUsername } from '../users/user.repository.js';
import type { Actor } from '../users/roles.js';
import { DEMO_NOTES, DEMO_TEXT_MODULES } from './demo-agent-tools.data.js';
import { newestOpenOrdersOfUnit } from './demo-agent-tools.repository.js';
import { DEMO_HANDLER_UNIT, type DemoCatalog } from './demo-org.service.js';

/** The demo's text modules, with the organisation (so the `::` popup has something from the first sign-in). */
export async function seedDemoTextModules(tx: Executor, clock: Clock, catalog: DemoCatalog): Promise<number> {
  const at = clock.now();
  for (const m of DEMO_TEXT_MODULES) {
    await insertTextModule(tx, {
      centre_id: catalog.centreId,
      name: m.name,
      keyword: m.keyword,
      body: m.body,
      category_id: m.category ? (catalog.leaves.find((l) => l.name === m.category)?.id ?? null) : null,
      unit_id: m.unit ? (catalog.units.find((u) => u.name === m.unit)?.id ?? null) : null,
      dialogs: m.dialogs ?? [],
      created_at: at,
      updated_at: at,
    });
  }
  return DEMO_TEXT_MODULES.length;
}

/**
 * After the history: the dispatcher leaves a few internal notes on the handler unit's open orders,
 * each mentioning the demo handler, so the bell of `handler` has unread mentions.
 */
export async function seedDemoNotes(deps: Deps, catalog: DemoCatalog): Promise<number> {
  const [dispatcher, handler] = await Promise.all([
    findUserByUsername(deps.db, 'dispatcher'),
    findUserByUsername(deps.db, 'handler'),
  ]);
  const unit = catalog.units.find((u) => u.name === DEMO_HANDLER_UNIT);
  if (!dispatcher || !handler || !unit) return 0;
  const actor: Actor = {
    kind: 'user',
    userId: dispatcher.id,
    centreId: catalog.centreId,
    unitId: catalog.centreUnit.id,
    unitPath: catalog.centreUnit.path,
    roles: ['dispatcher'],
    label: dispatcher.display_name,
  };
  const orders = await newestOpenOrdersOfUnit(deps.db, unit.id, DEMO_NOTES.length);
  for (const [i, order] of orders.entries()) {
    const text = DEMO_NOTES[i]!.replace('{handler}', handler.display_name);
    await addNote(deps, actor, order.id, { text, mentionUserIds: [handler.id] });
  }
  return orders.length;
}
