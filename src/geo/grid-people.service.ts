import type { GridPersonRole } from '../contract/geo.js';
import type { Deps } from '../shared/deps.js';
import { forbidden, invalidField, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { insertGridPerson } from './verification.repository.js';
import { endGridPerson, findCentreUser, findGrid, selectGridPeople } from './grid.repository.js';

// 网格人员 (issue 18, ADR 0186): who belongs to a grid — grid workers (their desk, their tasks),
// building/household heads and registered reporters — attached and ended by the administrator.

export interface GridPersonView {
  id: string;
  userId: string | null;
  username: string | null;
  role: GridPersonRole;
  name: string;
  active: boolean;
  createdAt: Date;
}

async function gridOf(deps: Deps, actor: Actor, id: string) {
  const grid = await findGrid(deps.db, actor.centreId, id);
  if (!grid) throw notFound('grid');
  return grid;
}

/** GET /api/grids/:id/people */
export async function listGridPeople(deps: Deps, actor: Actor, gridId: string): Promise<{ items: GridPersonView[] }> {
  if (!can(actor, 'catalog.read')) throw forbidden();
  await gridOf(deps, actor, gridId);
  const rows = await selectGridPeople(deps.db, gridId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      username: r.username ?? null,
      role: r.role,
      name: r.name,
      active: r.active,
      createdAt: r.created_at,
    })),
  };
}

/** POST /api/grids/:id/people: a person with an account (`userId`) or a name only (a 联户长 without a login). */
export async function addGridPerson(
  deps: Deps,
  actor: Actor,
  gridId: string,
  input: { role: GridPersonRole; userId?: string; name?: string },
): Promise<{ items: GridPersonView[] }> {
  if (!can(actor, 'catalog.manage')) throw forbidden();
  const grid = await gridOf(deps, actor, gridId);
  if (!grid.active) throw invalidField('gridId', 'ended grid');
  let name = input.name?.trim();
  if (input.userId) {
    const user = await findCentreUser(deps.db, actor.centreId, input.userId);
    if (!user) throw invalidField('userId', 'unknown or inactive account');
    const current = await selectGridPeople(deps.db, gridId);
    if (current.some((p) => p.active && p.user_id === input.userId && p.role === input.role))
      throw invalidField('userId', 'already in this grid in this role');
    name ||= user.display_name;
  } else if (input.role === 'worker') throw invalidField('userId', 'a grid worker needs an account');
  if (!name) throw invalidField('name');
  await insertGridPerson(deps.db, {
    centreId: actor.centreId,
    gridId,
    userId: input.userId ?? null,
    role: input.role,
    name,
    at: deps.clock.now(),
  });
  return listGridPeople(deps, actor, gridId);
}

/** DELETE /api/grids/:id/people/:personId: the person leaves the grid (kept in its history). */
export async function removeGridPerson(deps: Deps, actor: Actor, gridId: string, personId: string) {
  if (!can(actor, 'catalog.manage')) throw forbidden();
  await gridOf(deps, actor, gridId);
  if (!(await endGridPerson(deps.db, gridId, personId))) throw notFound('grid');
  return listGridPeople(deps, actor, gridId);
}
