import { composeDeps } from '../composition.js';
import { defaultDomainSettings } from '../config/domain-settings.js';
import type { Database } from '../db/database.js';
import { insertCentre, insertUnit } from '../org/unit.repository.js';
import { ManualClock } from '../shared/clock.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import type { Actor, Role } from '../users/roles.js';
import { insertUser } from '../users/user.repository.js';

/** A throw-away centre for the evaluation commands: one unit, an admin and an operator, a settable clock. */
export interface EvalWorld {
  deps: Deps;
  clock: ManualClock;
  centreId: string;
  unitId: string;
  admin: Actor;
  operator: Actor;
}

export async function buildEvalWorld(database: Database, start: Date): Promise<EvalWorld> {
  const db = database.db;
  const clock = new ManualClock(start);
  const code = `eval${Math.random().toString(36).slice(2, 8)}`;
  const centre = await insertCentre(db, { code, name: '评测中心' });
  const unit = await insertUnit(db, {
    centreId: centre.id,
    parentId: null,
    parentPath: null,
    code: 'EVAL',
    name: '评测中心',
    kind: 'centre',
  });
  const actor = async (role: Role): Promise<Actor> => {
    const user = await insertUser(db, {
      centreId: centre.id,
      unitId: unit.id,
      username: `${role}_${code}`,
      displayName: role,
      passwordHash: '!no-login',
      roles: [role],
    });
    return {
      kind: 'user',
      userId: user.id,
      centreId: centre.id,
      unitId: unit.id,
      unitPath: unit.path,
      roles: [role],
      label: role,
    };
  };
  return {
    deps: composeDeps({ db, clock, dataDir: '', settings: defaultDomainSettings() }),
    clock,
    centreId: centre.id,
    unitId: unit.id,
    admin: await actor('admin'),
    operator: await actor('operator'),
  };
}

/** p-th percentile (0…100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
