import type { Deps } from '../shared/deps.js';
import type { LeaderCaseView } from '../contract/leaders.js';
import { CASE_OWNER_ROLES } from '../contract/leaders.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import { blankToNull } from '../shared/optional-text.js';
import { domainError } from '../shared/errors.js';
import type { Actor } from '../users/roles.js';
import { endLeaderCase, findOpenLeaderCase, insertLeaderCase, listLeaderCases } from './leader-case.repository.js';
import { need, openOrderFor } from './leader-guards.js';
import { presentCase } from './leaders.presenter.js';

/** 包案: the leader takes the open order as its owner; one owner at a time (409 names the other). */
export async function takeLeaderCase(deps: Deps, actor: Actor, idOrNo: string, note?: string): Promise<LeaderCaseView<Date>> {
  need(actor, CASE_OWNER_ROLES);
  const order = await openOrderFor(deps, actor, idOrNo);
  const at = deps.clock.now();
  const taken = await deps.db.transaction().execute(async (tx) => {
    const row = await insertLeaderCase(tx, {
      orderId: order.id,
      centreId: order.centre_id,
      leaderId: actor.userId ?? '',
      note: blankToNull(note),
      at,
    });
    if (!row) return undefined;
    await recordOrderEvent(tx, order, { kind: 'leader_case', by: actor, at, note: row.note, payload: { caseId: row.id } });
    return row;
  });
  if (!taken) {
    const other = (await listLeaderCases(deps.db, { centreId: order.centre_id, orderId: order.id, open: true, limit: 1 }))[0];
    throw domainError('CONFLICT', 'leaders.caseTaken', { leader: other?.leader_name ?? '—' });
  }
  const rows = await listLeaderCases(deps.db, { centreId: order.centre_id, orderId: order.id, open: true, limit: 1 });
  return presentCase(rows[0]);
}

/** The owner ends the 包案 (the order stays as it is). */
export async function endLeaderCaseOf(deps: Deps, actor: Actor, idOrNo: string) {
  need(actor, CASE_OWNER_ROLES);
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  const open = await findOpenLeaderCase(deps.db, order.id);
  if (!open) throw domainError('CONFLICT', 'leaders.noCase');
  if (open.leader_id !== actor.userId) throw domainError('FORBIDDEN', 'leaders.notCaseOwner');
  const at = deps.clock.now();
  const ended = await deps.db.transaction().execute(async (tx) => {
    const done = await endLeaderCase(tx, open.id, at);
    if (done) await recordOrderEvent(tx, order, { kind: 'leader_case_end', by: actor, at, payload: { caseId: open.id } });
    return done;
  });
  return { ended };
}

/** 我的包案: the signed-in leader's own cases (open by default), nearest deadline first. */
export async function listMyLeaderCases(deps: Deps, actor: Actor, open: boolean): Promise<LeaderCaseView<Date>[]> {
  need(actor, CASE_OWNER_ROLES);
  const rows = await listLeaderCases(deps.db, { centreId: actor.centreId, leaderId: actor.userId ?? '', open, limit: 200 });
  return rows.map(presentCase);
}

/** Who owns the order now (the order page shows the 包案 leader to everyone who can see the order). */
export async function findOrderLeaderCase(deps: Deps, actor: Actor, idOrNo: string): Promise<LeaderCaseView<Date> | null> {
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  const rows = await listLeaderCases(deps.db, { centreId: order.centre_id, orderId: order.id, open: true, limit: 1 });
  return rows[0] ? presentCase(rows[0]) : null;
}
