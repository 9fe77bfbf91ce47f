import { describe, expect, it } from 'vitest';
import { act, newOrder } from '../helpers/orders.js';
import { DomainError } from '../../src/shared/errors.js';
import { checkDuplicates, duplicatesOfOrder } from '../../src/duplicates/duplicate-query.service.js';
import { getOrderDetail, getOrderTimeline } from '../../src/orders/order-query.service.js';
import { scoreDuplicate, setCosine, withoutCaller } from '../../src/duplicates/duplicate-score.js';
import { DUPLICATE_DETECT_TOPIC } from '../../src/duplicates/duplicate-detect.hook.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { workerDeps } from '../helpers/worker.js';
import { useWorld } from '../helpers/use-world.js';

const { database, w } = useWorld('2025-03-01T02:00:00Z');

const errorCode = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('scoring', () => {
  it('combines caller, address, region and text evidence and names the reasons', () => {
    expect(setCosine(new Set(['a', 'b']), new Set(['a', 'b']))).toBe(1);
    expect(setCosine(new Set(['a']), new Set())).toBe(0);
    const callerOnly = scoreDuplicate({ sameCaller: true, sameAddress: false, sameRegion: false, textSimilarity: 0 });
    expect(callerOnly).toEqual({ score: 0.4, reasons: ['same_caller'] });
    const strong = scoreDuplicate({ sameCaller: true, sameAddress: true, sameRegion: true, textSimilarity: 0.5 });
    expect(strong.score).toBeCloseTo(0.8, 2);
    expect(strong.reasons).toEqual(['same_caller', 'same_address', 'similar_text', 'same_region']);
  });
});

describe('duplicate candidates (重复件)', () => {
  it('finds earlier orders in the window by caller, address and text, best first, and stores them after intake', async () => {
    const first = await newOrder(w, {
      title: '幸福小区供暖不热',
      content: '幸福小区3号楼暖气不热，室温只有十二度。',
      callerPhone: '13900000001',
      address: '幸福小区3号楼',
    });
    w.clock.advance(86_400_000);
    const other = await newOrder(w, { title: '路灯不亮', content: '建设路路灯坏了', callerPhone: '13900000009' });
    w.clock.advance(86_400_000);
    const again = await newOrder(w, {
      title: '幸福小区暖气不热',
      content: '幸福小区3号楼暖气还是不热，室温十二度，再次反映。',
      callerPhone: '13900000001',
      address: '幸福小区3号楼',
    });
    const r = await duplicatesOfOrder(w.deps, w.actors.dispatcher, again.id);
    // Intake queues the detection; the worker stores the candidates after commit (ADR 0013).
    const job = await database.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', DUPLICATE_DETECT_TOPIC)
      .orderBy('created_at')
      .execute();
    expect(job.map((j) => (j.payload as { orderId: string }).orderId)).toEqual([first.id, other.id, again.id]);
    // A later order accepted before the job runs is not an earlier candidate of `again`.
    const later = await newOrder(w, {
      title: '幸福小区暖气不热',
      content: '幸福小区3号楼暖气不热。',
      callerPhone: '13900000001',
    });
    expect((await drainOutbox(workerDeps(w.deps), { handlers: outboxHandlers })).failed).toBe(0);
    expect(r.candidates[0]!.orderId).toBe(first.id);
    expect(r.candidates[0]!.likely).toBe(true);
    expect(r.candidates[0]!.reasons).toEqual(expect.arrayContaining(['same_caller', 'same_address', 'similar_text']));
    expect(r.candidates.map((c) => c.orderId)).not.toContain(other.id);
    const stored = await database.db
      .selectFrom('order_duplicate_candidates')
      .selectAll()
      .where('order_id', '=', again.id)
      .execute();
    expect(stored.map((s) => s.candidate_id)).toEqual([first.id]);
    const back = await duplicatesOfOrder(w.deps, w.actors.dispatcher, first.id);
    expect(back.candidates).toEqual([]);
    expect(back.laterMatches.map((l) => l.orderId).sort()).toEqual([again.id, later.id].sort());
    expect((await duplicatesOfOrder(w.deps, w.actors.dispatcher, again.id)).laterMatches.map((l) => l.orderId)).toEqual([
      later.id,
    ]);
  });

  it('checks the text being typed, and ignores orders outside the 30-day window', async () => {
    const typed = { title: '幸福小区暖气不热', content: '3号楼暖气不热', callerPhone: '', address: '' };
    expect((await checkDuplicates(w.deps, w.actors.operator, typed)).candidates.length).toBeGreaterThan(0);
    w.clock.advance(40 * 86_400_000);
    expect((await checkDuplicates(w.deps, w.actors.operator, typed)).candidates).toEqual([]);
    expect(await errorCode(checkDuplicates(w.deps, w.actors.unit_handler, typed))).toBe('FORBIDDEN');
  });

  it('counts a shared address once: as the same place, not again as similar text', async () => {
    const address = '额尔敦路幸福家园小区12号楼';
    const heating = await newOrder(w, { title: '幸福家园暖气不热', content: '家里暖气不热，室温只有十二度。', address });
    const typed = { title: '路灯不亮', content: '团结大街路灯已经一周不亮了，晚上很黑。', callerPhone: '', address };
    const found = (await checkDuplicates(w.deps, w.actors.operator, typed)).candidates.find((c) => c.orderId === heating.id)!;
    expect(found.reasons).toContain('same_address');
    expect(found.reasons).not.toContain('similar_text');
    expect(found.likely).toBe(false);
  });

  it('knows the caller however the number is typed (dashes, spaces, +86)', async () => {
    const earlier = await newOrder(w, {
      title: '楼道堆放杂物',
      content: '楼道里堆满杂物，影响通行。',
      callerPhone: '139-0000-0777',
    });
    const typed = { title: '', content: '', callerPhone: '+86 139 0000 0777', address: '' };
    const found = (await checkDuplicates(w.deps, w.actors.operator, typed)).candidates.find((c) => c.orderId === earlier.id);
    expect(found?.reasons).toContain('same_caller');
  });
});

describe('who sees the caller as evidence', () => {
  it('the score without the caller is the score computed without it', () => {
    const withCaller = scoreDuplicate({ sameCaller: true, sameAddress: true, sameRegion: false, textSimilarity: 0.35 });
    const without = scoreDuplicate({ sameCaller: false, sameAddress: true, sameRegion: false, textSimilarity: 0.35 });
    expect(withoutCaller(withCaller.score, withCaller.reasons)).toEqual({ score: without.score, reasons: without.reasons });
    expect(withoutCaller(0.4, ['same_caller'])).toEqual({ score: 0, reasons: [] });
  });

  it('a unit user is not told that a (confidential) caller also filed another order; the centre is', async () => {
    const earlier = await newOrder(w, { title: '夜间施工噪音', content: '工地夜里十二点还在施工', callerPhone: '13911112222' });
    const secret = await newOrder(w, {
      title: '举报餐馆后厨卫生',
      content: '某餐馆后厨老鼠很多',
      callerPhone: '13911112222',
      callerConfidential: true,
    });
    for (const o of [earlier, secret]) await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    expect((await drainOutbox(workerDeps(w.deps), { handlers: outboxHandlers })).failed).toBe(0);
    const reasonsFor = (r: { candidates: { orderId: string; reasons: string[] }[] }, id: string) =>
      r.candidates.find((c) => c.orderId === id)?.reasons;
    const centre = await duplicatesOfOrder(w.deps, w.actors.supervisor, secret.id);
    expect(reasonsFor(centre, earlier.id)).toContain('same_caller');
    const unit = await duplicatesOfOrder(w.deps, w.actors.unit_handler, secret.id);
    expect(reasonsFor(unit, earlier.id)).toBeUndefined();
    expect((await duplicatesOfOrder(w.deps, w.actors.supervisor, earlier.id)).laterMatches.map((l) => l.orderId)).toContain(
      secret.id,
    );
    expect((await duplicatesOfOrder(w.deps, w.actors.unit_handler, earlier.id)).laterMatches.map((l) => l.orderId)).not.toContain(
      secret.id,
    );
  });
});

describe('merge and unmerge', () => {
  it('merges a duplicate into the main order and undoes it, all in the timeline', async () => {
    const main = await newOrder(w, { title: '垃圾清运不及时', content: '东街垃圾三天没人清运' });
    let dup = await newOrder(w, { title: '东街垃圾没人清运', content: '东街垃圾三天没人清运，臭味很大' });
    dup = await act(w, w.actors.operator, dup, 'merge', { intoOrderId: main.id });
    expect(dup.state).toBe('merged');
    expect(dup.merged_into_id).toBe(main.id);
    expect((await getOrderDetail(w.deps, w.actors.supervisor, dup.id)).links.map((l) => l.id)).toEqual([main.id]);
    expect(await errorCode(act(w, w.actors.leader, dup, 'unmerge', { reason: '不是同一诉求' }))).toBe('FORBIDDEN');
    expect(await errorCode(act(w, w.actors.unit_handler, dup, 'unmerge', { reason: '不是同一诉求' }))).toBe('NOT_FOUND');
    dup = await act(w, w.actors.supervisor, dup, 'unmerge', { reason: '不是同一诉求' });
    expect(dup.state).toBe('accepted');
    expect(dup.merged_into_id).toBeNull();
    expect(dup.closed_at).toBeNull();
    expect(dup.closure_kind).toBeNull();
    expect((await getOrderDetail(w.deps, w.actors.supervisor, dup.id)).links).toEqual([]);
    const t = await getOrderTimeline(w.deps, w.actors.supervisor, dup.id);
    expect(t.events.map((e) => `${e.action}:${e.from_state}->${e.to_state}`)).toEqual([
      'accept:null->accepted',
      'merge:accepted->merged',
      'unmerge:merged->accepted',
    ]);
    expect(t.events[2]!.payload).toMatchObject({ fromOrderId: main.id, reason: '不是同一诉求' });
    expect(await errorCode(act(w, w.actors.operator, dup, 'unmerge', { reason: '再撤销' }))).toBe('INVALID_TRANSITION');
    const remerged = await act(w, w.actors.operator, dup, 'merge', { intoOrderId: main.id });
    expect(remerged.state).toBe('merged');
  });
});

describe('merge rules', () => {
  const pair = async (title: string) => [
    await newOrder(w, { title, content: `${title}，请处理` }),
    await newOrder(w, { title: `${title}（再次反映）`, content: `${title}，请尽快处理` }),
  ];

  it('an undone merge waits for dispatch again on a running dispatch clock', async () => {
    const [main, first] = await pair('北门路灯不亮');
    let dup = await act(w, w.actors.operator, first!, 'merge', { intoOrderId: main!.id });
    expect(dup.deadline_stage).toBeNull();
    w.clock.advance(3_600_000);
    dup = await act(w, w.actors.supervisor, dup, 'unmerge', { reason: '不是同一诉求' });
    expect(dup.deadline_stage).toBe('dispatch');
    expect(dup.deadline_due_at!.getTime()).toBeGreaterThan(w.clock.now().getTime());
  });

  it('merges neither into a merged or void order nor an order that others are merged into; into a closed one, yes', async () => {
    const [main, dup] = await pair('南街井盖缺失');
    const merged = await act(w, w.actors.operator, dup!, 'merge', { intoOrderId: main!.id });
    const third = await newOrder(w, { title: '南街井盖缺失第三次', content: '南街井盖缺失，很危险' });
    // main has a duplicate, so it cannot become one itself (no chains); nothing merges into a merged order
    expect(await errorCode(act(w, w.actors.operator, main!, 'merge', { intoOrderId: third.id }))).toBe('VALIDATION');
    expect(await errorCode(act(w, w.actors.operator, third, 'merge', { intoOrderId: merged.id }))).toBe('VALIDATION');
    const itself = await act(w, w.actors.operator, third, 'merge', { intoOrderId: third.id }).catch((e: DomainError) => e);
    expect((itself as DomainError).text.zh).toBe('不能把工单并入它自己，请填写另一张主工单');
    const [voidMain, late] = await pair('西巷积水');
    const rejected = await act(w, w.actors.operator, voidMain!, 'reject', { reason: 'lawful_channel', explanation: '已告知' });
    expect(await errorCode(act(w, w.actors.operator, late!, 'merge', { intoOrderId: rejected.id }))).toBe('VALIDATION');
    // A repeat call about a matter already answered is recorded on the closed order (重复来电).
    const [closedMain, repeat] = await pair('北巷路灯');
    const done = await act(w, w.actors.operator, closedMain!, 'answer_directly', { answer: '已告知路灯报修电话' });
    expect((await act(w, w.actors.operator, repeat!, 'merge', { intoOrderId: done.id })).state).toBe('merged');
  });

  it('two crosswise merges at once: one wins, the other is refused, and no cycle is left', async () => {
    const [a, b] = await pair('东湖公园厕所无人保洁');
    const results = await Promise.allSettled([
      act(w, w.actors.operator, a!, 'merge', { intoOrderId: b!.id }),
      act(w, w.actors.dispatcher, b!, 'merge', { intoOrderId: a!.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rows = await database.db
      .selectFrom('orders')
      .select(['id', 'state', 'merged_into_id'])
      .where('id', 'in', [a!.id, b!.id])
      .execute();
    expect(rows.filter((r) => r.state === 'merged')).toHaveLength(1);
    const open = rows.find((r) => r.state !== 'merged')!;
    expect(open.merged_into_id).toBeNull();
    expect(rows.find((r) => r.state === 'merged')!.merged_into_id).toBe(open.id);
  });
});
