import type { PublicMattersView, PublicRoundView, RoundView } from '../contract/matters.js';
import { requirePiiKeyring } from '../db/pii-columns.plugin.js';
import { isUniqueViolation } from '../db/pg-errors.js';
import { portalCentre, residentSession } from '../residents/resident.service.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import type { Actor } from '../users/roles.js';
import { hasAnyRole } from '../users/roles.js';
import { MATTER_READER_ROLES } from '../contract/matters.js';
import {
  closeRoundRow,
  currentRound,
  findRound,
  insertRound,
  insertVote,
  listMatters,
  listRounds,
  lockRound,
  matterUnits,
  milestonesOf,
  moveMatter,
  progressOf,
  takePick,
  tally,
  updateMatter,
  voterCount,
  votesOf,
  type RoundRow,
} from './matter.repository.js';
import { isWriter } from './matter.service.js';

/**
 * The voter of a round: an HMAC of the verified phone under the centre's blind-index key, keyed per
 * round (votes of one phone in two rounds cannot be joined, and no phone is stored: ADR 0206).
 */
export const voterKey = (deps: Deps, roundId: string, phone: string) =>
  requirePiiKeyring(deps.db).blindIndex(`matter-vote:${roundId}`, phone);

async function roundView(deps: Deps, round: RoundRow): Promise<RoundView<Date>> {
  const [matters, counted, voters] = await Promise.all([
    listMatters(deps.db, round.centre_id, { year: round.year, statuses: null, unitPath: null, roundId: round.id }),
    tally(deps.db, round.id),
    voterCount(deps.db, round.id),
  ]);
  const votes = new Map(counted.map((c) => [c.matter_id, c.votes]));
  const rows = matters
    .map((m) => ({ matterId: m.id, title: m.title, votes: votes.get(m.id) ?? 0, status: m.status, stored: m.votes }))
    .sort((a, b) => b.votes - a.votes || a.title.localeCompare(b.title));
  const closed = round.state === 'closed';
  return {
    id: round.id,
    year: round.year,
    title: round.title,
    regionId: round.region_id,
    regionName: round.region_name,
    opensAt: round.opens_at,
    closesAt: round.closes_at,
    maxPicks: round.max_picks,
    adoptCount: round.adopt_count,
    state: round.state,
    closedAt: round.closed_at,
    voters,
    tally: rows.map(({ stored: _stored, ...r }) => r),
    auditOk: closed ? rows.every((r) => r.stored === r.votes) : null,
  };
}

export async function roundsFor(deps: Deps, actor: Actor, year: number | null): Promise<{ rounds: RoundView<Date>[] }> {
  if (!hasAnyRole(actor, MATTER_READER_ROLES)) throw forbidden();
  const rounds = await listRounds(deps.db, actor.centreId, year);
  return { rounds: await Promise.all(rounds.map((r) => roundView(deps, r))) };
}

export async function roundFor(deps: Deps, actor: Actor, id: string): Promise<RoundView<Date>> {
  if (!hasAnyRole(actor, MATTER_READER_ROLES)) throw forbidden();
  const round = await findRound(deps.db, actor.centreId, id);
  if (!round) throw notFound('matterRound');
  return roundView(deps, round);
}

/** Opens a 票决 round on candidates of one year: they become 票决中 in the same transaction. */
export async function openRound(
  deps: Deps,
  actor: Actor,
  input: {
    year: number;
    title: string;
    regionId?: string | null;
    opensAt: string;
    closesAt: string;
    maxPicks: number;
    adoptCount: number;
    matterIds: string[];
  },
): Promise<RoundView<Date>> {
  if (!isWriter(actor)) throw forbidden();
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  if (Number.isNaN(opensAt.getTime())) throw invalidField('opensAt');
  if (Number.isNaN(closesAt.getTime()) || closesAt <= opensAt) throw invalidField('closesAt');
  const ids = [...new Set(input.matterIds)];
  if (ids.length < 2) throw invalidField('matterIds');
  if (input.adoptCount >= ids.length) throw invalidField('adoptCount');
  if (input.maxPicks > ids.length) throw invalidField('maxPicks');
  const candidates = await listMatters(deps.db, actor.centreId, { year: input.year, statuses: ['candidate'], unitPath: null });
  if (!ids.every((id) => candidates.some((c) => c.id === id))) throw invalidField('matterIds');
  const at = deps.clock.now();
  const id = await deps.db.transaction().execute(async (tx) => {
    const { id } = await insertRound(tx, {
      centre_id: actor.centreId,
      region_id: input.regionId ?? null,
      year: input.year,
      title: input.title,
      opens_at: opensAt,
      closes_at: closesAt,
      max_picks: input.maxPicks,
      adopt_count: input.adoptCount,
      created_by: actor.userId,
      created_at: at,
    });
    for (const matterId of ids) {
      const moved = await moveMatter(tx, matterId, 'candidate', { status: 'voting', round_id: id, updated_at: at });
      if (!moved) throw domainError('CONFLICT', 'matter.changed');
    }
    return id;
  });
  return roundFor(deps, actor, id);
}

/**
 * Closes a round: the vote rows are counted under the round's lock (no vote lands after), each
 * matter keeps its tally, the top K (ties: the earlier-created matter first) are adopted, the rest
 * not. Closing before the window has ended is allowed (the staff decide), never twice.
 */
export async function closeRound(deps: Deps, actor: Actor, id: string): Promise<RoundView<Date>> {
  if (!isWriter(actor)) throw forbidden();
  const round = await findRound(deps.db, actor.centreId, id);
  if (!round) throw notFound('matterRound');
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    const locked = await lockRound(tx, id, 'update');
    if (!locked || locked.state !== 'open') throw domainError('CONFLICT', 'matter.roundClosed');
    const matters = await listMatters(tx, actor.centreId, {
      year: round.year,
      statuses: ['voting'],
      unitPath: null,
      roundId: id,
    });
    const votes = new Map((await tally(tx, id)).map((c) => [c.matter_id, c.votes]));
    const ranked = [...matters].sort(
      (a, b) =>
        (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0) ||
        a.created_at.getTime() - b.created_at.getTime() ||
        a.id.localeCompare(b.id),
    );
    for (const [i, m] of ranked.entries()) {
      const adopted = i < round.adopt_count;
      await updateMatter(tx, m.id, {
        status: adopted ? 'adopted' : 'rejected',
        votes: votes.get(m.id) ?? 0,
        updated_at: at,
        ...(adopted ? { adopted_at: at } : { rejected_at: at }),
      });
    }
    await closeRoundRow(tx, id, actor.userId, at);
  });
  return roundFor(deps, actor, id);
}

// The portal

/** The open round with its candidates, and the signed-in phone's picks. */
export async function publicRound(deps: Deps, token: string | undefined): Promise<PublicRoundView<Date>> {
  const centre = await portalCentre(deps);
  const at = deps.clock.now();
  const round = await currentRound(deps.db, centre.id, at);
  if (!round) return { round: null, candidates: [], myPicks: [] };
  const matters = await listMatters(deps.db, centre.id, {
    year: round.year,
    statuses: ['voting'],
    unitPath: null,
    roundId: round.id,
  });
  const units = await matterUnits(
    deps.db,
    matters.map((m) => m.id),
  );
  let myPicks: string[] = [];
  if (token) {
    const session = await residentSession(deps, token);
    myPicks = (await votesOf(deps.db, round.id, voterKey(deps, round.id, session.phone))).map((v) => v.matter_id);
  }
  return {
    round: {
      id: round.id,
      title: round.title,
      year: round.year,
      opensAt: round.opens_at,
      closesAt: round.closes_at,
      maxPicks: round.max_picks,
      adoptCount: round.adopt_count,
      open: at < round.closes_at,
    },
    candidates: matters.map((m) => ({
      id: m.id,
      title: m.title,
      description: m.description,
      regionName: m.region_name,
      unitNames: units.filter((u) => u.matter_id === m.id).map((u) => u.name),
    })),
    myPicks,
  };
}

/**
 * A verified phone's vote for one candidate: the round must be open and in its window, the matter
 * on its ballot; one pick more on the ballot (≤ max) and the vote row, in one transaction. The same
 * phone twice for one matter: the unique key refuses the second (409), also when both arrive at once.
 */
export async function castVote(
  deps: Deps,
  token: string | undefined,
  roundId: string,
  matterId: string,
): Promise<{ picks: string[]; picksLeft: number }> {
  const session = await residentSession(deps, token);
  const key = voterKey(deps, roundId, session.phone);
  const at = deps.clock.now();
  try {
    await deps.db.transaction().execute(async (tx) => {
      const round = await lockRound(tx, roundId, 'share');
      if (!round || round.centre_id !== session.centreId) throw notFound('matterRound');
      if (round.state !== 'open' || at < round.opens_at || at >= round.closes_at)
        throw domainError('CONFLICT', 'matter.roundClosed');
      const onBallot = await listMatters(tx, round.centre_id, {
        year: round.year,
        statuses: ['voting'],
        unitPath: null,
        roundId,
      });
      if (!onBallot.some((m) => m.id === matterId)) throw invalidField('matterId');
      const pick = await takePick(tx, roundId, key, round.max_picks);
      if (!pick) throw domainError('CONFLICT', 'matter.noPicksLeft', { max: round.max_picks });
      await insertVote(tx, { roundId, matterId, voterKey: key, at });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw domainError('CONFLICT', 'matter.alreadyVoted');
    throw error;
  }
  const round = await findRound(deps.db, session.centreId, roundId);
  const picks = (await votesOf(deps.db, roundId, key)).map((v) => v.matter_id);
  return { picks, picksLeft: Math.max(0, (round?.max_picks ?? 0) - picks.length) };
}

/**
 * The public 民生实事 list of a year: titles, units, region, status, schedule and progress text —
 * never a person's name (not the leader's, not a reporter's), a phone, or an appeal.
 */
export async function publicMatters(deps: Deps, year: number): Promise<PublicMattersView> {
  const centre = await portalCentre(deps);
  const rows = await listMatters(deps.db, centre.id, {
    year,
    statuses: ['voting', 'adopted', 'in_progress', 'done'],
    unitPath: null,
  });
  const ids = rows.map((r) => r.id);
  const [units, milestones, progress] = await Promise.all([
    matterUnits(deps.db, ids),
    milestonesOf(deps.db, ids),
    progressOf(deps.db, ids),
  ]);
  return {
    year,
    matters: rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      status: r.status,
      regionName: r.region_name,
      unitNames: units.filter((u) => u.matter_id === r.id).map((u) => u.name),
      votes: r.votes,
      milestones: milestones
        .filter((m) => m.matter_id === r.id)
        .map((m) => ({ name: m.name, dueOn: m.due_on, doneOn: m.done_on })),
      progress: progress.filter((p) => p.matter_id === r.id).map((p) => ({ body: p.body, reportedOn: p.reported_on })),
    })),
  };
}
