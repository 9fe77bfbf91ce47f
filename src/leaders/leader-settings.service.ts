import type { Deps } from '../shared/deps.js';
import type { Executor } from '../db/database.js';
import type { LeaderSettingsView } from '../contract/leaders.js';
import { domainError, forbidden } from '../shared/errors.js';
import { hasAnyRole, type Actor } from '../users/roles.js';
import { findLeaderSettings, upsertLeaderSettings } from './leader-settings.repository.js';

/** A centre without a row lets its leaders 催办 and issue 督办单 (the seeds' 领导督办). */
export async function leaderSettingsOf(db: Executor, centreId: string): Promise<LeaderSettingsView> {
  const row = await findLeaderSettings(db, centreId);
  return { leadersMayUrge: row?.leaders_may_urge ?? true, leadersMaySupervise: row?.leaders_may_supervise ?? true };
}

/**
 * Whether this actor may 催办 / issue a 督办单 as a leader: a leader, where the centre allows it. The
 * supervision capability asks this for actors its own roles do not already allow.
 */
export async function leaderMay(deps: Deps, actor: Actor, what: 'urge' | 'supervise'): Promise<boolean> {
  if (!hasAnyRole(actor, ['leader'])) return false;
  const s = await leaderSettingsOf(deps.db, actor.centreId);
  return what === 'urge' ? s.leadersMayUrge : s.leadersMaySupervise;
}

/** Refuses with the centre's setting named (403), for a leader the centre does not allow. */
export async function requireLeaderMay(deps: Deps, actor: Actor, what: 'urge' | 'supervise'): Promise<void> {
  if (await leaderMay(deps, actor, what)) return;
  if (hasAnyRole(actor, ['leader']))
    throw domainError('FORBIDDEN', what === 'urge' ? 'leaders.mayNotUrge' : 'leaders.mayNotSupervise');
  throw forbidden();
}

export async function getLeaderSettings(deps: Deps, actor: Actor): Promise<LeaderSettingsView> {
  return leaderSettingsOf(deps.db, actor.centreId);
}

export async function setLeaderSettings(deps: Deps, actor: Actor, input: LeaderSettingsView): Promise<LeaderSettingsView> {
  if (!hasAnyRole(actor, ['admin'])) throw forbidden();
  await upsertLeaderSettings(deps.db, {
    centreId: actor.centreId,
    mayUrge: input.leadersMayUrge,
    maySupervise: input.leadersMaySupervise,
    by: actor.userId,
    at: deps.clock.now(),
  });
  return leaderSettingsOf(deps.db, actor.centreId);
}
