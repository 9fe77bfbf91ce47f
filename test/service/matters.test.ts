import { describe, expect, it } from 'vitest';
import {
  createMatter,
  linkAppeal,
  matterFor,
  mattersFor,
  moveMatterTo,
  reportProgress,
  tickMilestone,
} from '../../src/matters/matter.service.js';
import { castVote, closeRound, openRound, publicMatters, publicRound, roundFor } from '../../src/matters/matter-vote.service.js';
import { requestOtp } from '../../src/portal/portal-otp.service.js';
import { openResidentSession } from '../../src/residents/resident.service.js';
import { DomainError } from '../../src/shared/errors.js';
import { newOrder } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';

const { w } = useWorld('2026-03-02T02:00:00Z');

async function phoneSession(phone: string) {
  let code = '';
  await requestOtp(w.deps, { phone, clientIp: `127.0.1.${phone.slice(-2)}` }, (_, c) => (code = c));
  return (await openResidentSession(w.deps, { phone, code })).token;
}

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof DomainError ? `${e.code}${e.details.field ? `:${String(e.details.field)}` : ''}` : String(e);
  }
};

const base = () => ({
  year: 2026,
  description: '群众反映集中，纳入年度民生实事。',
  leaderId: w.actors.leader.userId!,
  unitIds: [w.units.deptA1.id],
  source: 'scratch' as const,
});

describe('民生实事 and 票决 (issue 19, ADR 0206)', () => {
  it('create with milestones, permissions by role and claiming unit, progress, links, bad input named', async () => {
    const { supervisor, analyst, unit_handler, handlerB, operator } = w.actors;
    expect(await codeOf(createMatter(w.deps, analyst, { ...base(), title: 'x' }))).toBe('FORBIDDEN');
    expect(await codeOf(createMatter(w.deps, supervisor, { ...base(), title: 'x', leaderId: operator.userId! }))).toBe(
      'VALIDATION:leaderId',
    );
    expect(
      await codeOf(createMatter(w.deps, supervisor, { ...base(), title: 'x', milestones: [{ name: 'a', dueOn: '2026-02-30' }] })),
    ).toBe('VALIDATION:milestones.0.dueOn');
    expect(await codeOf(createMatter(w.deps, supervisor, { ...base(), title: 'x', source: 'cluster' }))).toBe(
      'VALIDATION:cluster',
    );

    const complaint = await newOrder(w, { title: '老旧小区加装电梯', appealType: 'complaint' });
    const suggestion = await newOrder(w, { title: '建议老旧小区加装电梯', appealType: 'suggestion' });
    expect(
      await codeOf(createMatter(w.deps, supervisor, { ...base(), title: 'x', source: 'suggestion', orderIds: [complaint.id] })),
    ).toBe('VALIDATION:orderIds');

    const m = await createMatter(w.deps, supervisor, {
      ...base(),
      title: '老旧小区加装电梯',
      source: 'suggestion',
      orderIds: [suggestion.order_no],
      budgetYuan: 3_000_000,
      milestones: [
        { name: '方案设计', dueOn: '2026-04-30' },
        { name: '完工验收', dueOn: '2026-11-30' },
      ],
    });
    expect(m).toMatchObject({ status: 'candidate', budgetYuan: 3_000_000, milestonesTotal: 2, unitNames: ['A旗住建局'] });
    expect(m.links).toMatchObject([{ orderId: suggestion.id, kind: 'origin' }]);

    // the claiming unit's staff see it, another county's do not; the analyst reads it
    expect((await mattersFor(w.deps, unit_handler, { year: 2026 })).matters.map((x) => x.id)).toEqual([m.id]);
    expect((await mattersFor(w.deps, handlerB, { year: 2026 })).matters).toHaveLength(0);
    expect(await codeOf(matterFor(w.deps, handlerB, m.id))).toBe('NOT_FOUND');
    expect((await matterFor(w.deps, analyst, m.id)).canEdit).toBe(false);
    expect(await codeOf(mattersFor(w.deps, operator, { year: 2026 }))).toBe('FORBIDDEN');

    // progress only once adopted; then the claiming unit reports and ticks a milestone
    expect(await codeOf(reportProgress(w.deps, supervisor, m.id, { body: '启动' }))).toBe('CONFLICT');
    expect(await codeOf(moveMatterTo(w.deps, supervisor, m.id, 'done'))).toBe('CONFLICT');
    await moveMatterTo(w.deps, w.actors.leader, m.id, 'adopted');
    expect(await codeOf(reportProgress(w.deps, handlerB, m.id, { body: 'x' }))).toBe('NOT_FOUND');
    const reported = await reportProgress(w.deps, unit_handler, m.id, { body: '完成入户调查 120 户' });
    expect(reported.progress).toMatchObject([{ body: '完成入户调查 120 户', reportedOn: '2026-03-02' }]);
    const ticked = await tickMilestone(w.deps, unit_handler, m.id, reported.milestones[0]!.id, {});
    expect(ticked.milestonesDone).toBe(1);
    // an appeal the unit cannot see is no link of theirs to make
    expect(await codeOf(linkAppeal(w.deps, unit_handler, m.id, { order: complaint.order_no, kind: 'related' }))).toBe(
      'VALIDATION:order',
    );
    const linked = await linkAppeal(w.deps, supervisor, m.id, { order: complaint.order_no, kind: 'related' });
    expect(linked.links).toHaveLength(2);

    // done: before/after counts of the linked categories in the region
    await moveMatterTo(w.deps, supervisor, m.id, 'in_progress');
    w.clock.set(new Date('2026-06-10T02:00:00Z'));
    await moveMatterTo(w.deps, supervisor, m.id, 'done');
    w.clock.set(new Date('2026-07-15T02:00:00Z'));
    await newOrder(w, { title: '电梯又坏了' });
    const done = await matterFor(w.deps, analyst, m.id);
    expect(done.effect?.months).toHaveLength(12);
    expect(done.effect?.months[0]).toMatchObject({ month: '2025-09', phase: 'before' });
    expect(done.effect?.months[6]).toMatchObject({ month: '2026-07', phase: 'after', count: 1 });
    expect(done.effect?.afterTotal).toBe(1);
  });

  it('票决: one vote per phone per candidate (also at once), picks limited, tally adopts the top K, public list has no personal data', async () => {
    w.clock.set(new Date('2026-08-01T02:00:00Z'));
    const { supervisor, leader } = w.actors;
    const titles = ['背街小巷硬化', '社区食堂', '公厕改造', '夜间照明'];
    const ms = [];
    for (const title of titles) ms.push(await createMatter(w.deps, supervisor, { ...base(), year: 2027, title }));
    const ids = ms.map((m) => m.id);
    expect(
      await codeOf(
        openRound(w.deps, supervisor, {
          year: 2027,
          title: 'x',
          opensAt: '2026-08-01T00:00:00Z',
          closesAt: '2026-07-01T00:00:00Z',
          maxPicks: 2,
          adoptCount: 2,
          matterIds: ids,
        }),
      ),
    ).toBe('VALIDATION:closesAt');
    const round = await openRound(w.deps, leader, {
      year: 2027,
      title: '2027 年民生实事票决',
      opensAt: '2026-08-01T00:00:00Z',
      closesAt: '2026-08-15T00:00:00Z',
      maxPicks: 2,
      adoptCount: 2,
      matterIds: ids,
    });
    expect(round.tally.every((t) => t.status === 'voting')).toBe(true);

    const a = await phoneSession('13700000001');
    const b = await phoneSession('13700000002');
    const c = await phoneSession('13700000003');
    const shown = await publicRound(w.deps, a);
    expect(shown.round?.id).toBe(round.id);
    expect(shown.candidates).toHaveLength(4);
    expect(await codeOf(castVote(w.deps, undefined, round.id, ids[0]!))).toBe('UNAUTHENTICATED');

    // the same phone twice at once for one matter: exactly one counts
    const both = await Promise.all([
      codeOf(castVote(w.deps, a, round.id, ids[0]!)),
      codeOf(castVote(w.deps, a, round.id, ids[0]!)),
    ]);
    expect(both.sort()).toEqual(['CONFLICT', 'ok']);
    expect(await codeOf(castVote(w.deps, a, round.id, ids[0]!))).toBe('CONFLICT');
    expect((await castVote(w.deps, a, round.id, ids[1]!)).picksLeft).toBe(0);
    expect(await codeOf(castVote(w.deps, a, round.id, ids[2]!))).toBe('CONFLICT');
    await castVote(w.deps, b, round.id, ids[0]!);
    await castVote(w.deps, b, round.id, ids[2]!);
    await castVote(w.deps, c, round.id, ids[2]!);
    expect(await codeOf(castVote(w.deps, c, round.id, supervisor.userId!))).toBe('VALIDATION:matterId');
    expect((await publicRound(w.deps, a)).myPicks.sort()).toEqual([ids[0], ids[1]].sort());

    // no phone stored anywhere in the votes
    const raw = await w.deps.db.selectFrom('matter_votes').selectAll().where('round_id', '=', round.id).execute();
    expect(raw).toHaveLength(5);
    expect(JSON.stringify(raw)).not.toContain('1370000000');
    // vote rows are immutable
    await expect(w.deps.db.deleteFrom('matter_votes').where('round_id', '=', round.id).execute()).rejects.toThrow();

    const closed = await closeRound(w.deps, supervisor, round.id);
    expect(closed.state).toBe('closed');
    expect(closed.auditOk).toBe(true);
    expect(closed.voters).toBe(3);
    expect(Object.fromEntries(closed.tally.map((t) => [t.title, [t.votes, t.status]]))).toEqual({
      背街小巷硬化: [2, 'adopted'],
      公厕改造: [2, 'adopted'],
      社区食堂: [1, 'rejected'],
      夜间照明: [0, 'rejected'],
    });
    expect(await codeOf(closeRound(w.deps, supervisor, round.id))).toBe('CONFLICT');
    expect(await codeOf(castVote(w.deps, c, round.id, ids[0]!))).toBe('CONFLICT');
    expect((await roundFor(w.deps, w.actors.analyst, round.id)).auditOk).toBe(true);

    await reportProgress(w.deps, supervisor, ids[0]!, { body: '已完成 3 条街巷' });
    const pub = await publicMatters(w.deps, 2027);
    expect(pub.matters.map((m) => m.title).sort()).toEqual(['公厕改造', '背街小巷硬化']);
    const text = JSON.stringify(pub);
    expect(text).toContain('已完成 3 条街巷');
    expect(text).not.toContain('leader');
    expect(text).not.toContain('测试');
    expect(text).not.toMatch(/1[3-9]\d{9}/);
  });
});
