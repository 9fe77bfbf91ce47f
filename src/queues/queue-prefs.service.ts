import type { QueueColumn, QueueColumnsView, QueueName, SavedFilterView } from '../contract/queues.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, notFound } from '../shared/errors.js';
import { isUniqueViolation } from '../db/pg-errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import {
  deleteSavedFilter,
  findQueueColumns,
  insertSavedFilter,
  listSavedFilters,
  upsertQueueColumns,
} from './queue-prefs.repository.js';
import type { NewSavedFilter } from './queues.schemas.js';

/** A queue's preferences belong to a signed-in person who may read orders. */
function ownerOf(actor: Actor): string {
  if (!can(actor, 'order.read') || actor.userId === null) throw forbidden();
  return actor.userId;
}

const presentFilter = (row: { id: string; name: string; query: unknown; created_at: Date }): SavedFilterView<Date> => ({
  id: row.id,
  name: row.name,
  query: row.query as SavedFilterView['query'],
  createdAt: row.created_at,
});

export async function listFiltersOf(deps: Deps, actor: Actor, queue: QueueName) {
  const rows = await listSavedFilters(deps.db, ownerOf(actor), queue);
  return { items: rows.map(presentFilter) };
}

/**
 * Saves a named filter; the same name twice in one queue is a conflict (409 from the unique key),
 * told in words that name the field, so the dialog can say "choose another name" under it.
 */
export async function saveFilter(deps: Deps, actor: Actor, queue: QueueName, input: NewSavedFilter) {
  const name = input.name.trim();
  try {
    const row = await insertSavedFilter(deps.db, {
      userId: ownerOf(actor),
      queue,
      name,
      query: input.query,
      at: deps.clock.now(),
    });
    return presentFilter(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw domainError('CONFLICT', 'error.savedFilterNameTaken', { name }, { field: 'name' });
    throw error;
  }
}

export async function removeFilter(deps: Deps, actor: Actor, queue: QueueName, id: string) {
  if (!(await deleteSavedFilter(deps.db, ownerOf(actor), queue, id))) throw notFound('savedFilter');
}

export async function columnsOf(deps: Deps, actor: Actor, queue: QueueName): Promise<QueueColumnsView> {
  const columns = await findQueueColumns(deps.db, ownerOf(actor), queue);
  return { columns: columns as QueueColumn[] | null };
}

export async function chooseColumns(deps: Deps, actor: Actor, queue: QueueName, columns: QueueColumn[]) {
  await upsertQueueColumns(deps.db, { userId: ownerOf(actor), queue, columns, at: deps.clock.now() });
  return { columns };
}
