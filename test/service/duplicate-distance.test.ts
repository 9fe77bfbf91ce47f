import { describe, expect, it } from 'vitest';
import { checkDuplicates, duplicatesOfOrder } from '../../src/duplicates/duplicate-query.service.js';
import {
  getDuplicateRadii,
  setCategoryRadius,
  setDefaultDuplicateRadius,
} from '../../src/duplicates/duplicate-settings.service.js';
import { nearness, scoreDuplicate } from '../../src/duplicates/duplicate-score.js';
import { insertCategory } from '../../src/org/catalog.repository.js';
import { fromWgs84 } from '../../src/shared/coordinates.js';
import { DomainError } from '../../src/shared/errors.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { newOrder } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';
import { workerDeps } from '../helpers/worker.js';

// Duplicates with distance (issue 18, ADR 0203): an earlier appeal within the category's radius (the
// centre's 200 m by default) is evidence in the score, as FixMyStreet's "nearby reports"; a far one
// and one without a point are scored as before. Runs on PGlite and on PostgreSQL.
const { database, w } = useWorld('2025-03-01T02:00:00Z');

const HERE = { lat: 43.95, lng: 116.05 };
const north = (metres: number) => ({ lat: HERE.lat + metres / 111_320, lng: HERE.lng });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof DomainError ? { code: e.code, field: (e.details as { field?: string }).field } : String(e)),
  );

const MANHOLE = { title: '井盖缺失', content: '路口有个井盖没有了，晚上很危险，请尽快补上。', callerPhone: '13900000101' };

describe('scoring by distance', () => {
  it('is strongest at the same point, fades to nothing at the radius, and counts once with the same address', () => {
    expect(nearness(0, 200)).toBe(1);
    expect(nearness(100, 200)).toBe(0.5);
    expect(nearness(200, 200)).toBe(0);
    expect(nearness(5000, 200)).toBe(0);
    expect(nearness(null, 200)).toBe(0);
    const base = { sameCaller: false, sameAddress: false, sameRegion: false, textSimilarity: 0.2 };
    const plain = scoreDuplicate(base);
    const near = scoreDuplicate({ ...base, distanceMetres: 50, radiusMetres: 200 });
    const far = scoreDuplicate({ ...base, distanceMetres: 800, radiusMetres: 200 });
    expect(near.score).toBeGreaterThan(plain.score);
    expect(near.reasons).toContain('nearby');
    expect(far).toEqual(plain);
    // the same address already says "the same place"
    const address = scoreDuplicate({ ...base, sameAddress: true });
    expect(scoreDuplicate({ ...base, sameAddress: true, distanceMetres: 0, radiusMetres: 200 })).toEqual(address);
  });
});

describe('duplicate candidates with distance', () => {
  it('a near earlier appeal raises the score, a far one does not, orders without points are unaffected', async () => {
    // Three earlier appeals by the same caller with the same words, told apart only by their points.
    const near = await newOrder(w, { ...MANHOLE, ...north(50) });
    w.clock.advance(3_600_000);
    const far = await newOrder(w, { ...MANHOLE, ...north(2000) });
    w.clock.advance(3_600_000);
    const pointless = await newOrder(w, MANHOLE);
    w.clock.advance(3_600_000);
    // Another caller, other words, at the very spot: found by the point alone.
    const spot = await newOrder(w, { title: '路面塌陷', content: '人行道塌了一个坑。', callerPhone: '13900000202', ...HERE });
    w.clock.advance(3_600_000);
    const probe = await newOrder(w, {
      title: '路口井盖缺失',
      content: '和平街路口井盖没了，晚上看不见，怕有人掉下去。',
      callerPhone: '13900000101',
      ...HERE,
    });

    const found = (await duplicatesOfOrder(w.deps, w.actors.dispatcher, probe.id)).candidates;
    const of = (id: string) => found.find((c) => c.orderId === id)!;
    expect(of(near.id).distanceMetres).toBeGreaterThanOrEqual(49);
    expect(of(near.id).distanceMetres).toBeLessThanOrEqual(51);
    expect(of(near.id).reasons).toContain('nearby');
    expect(of(far.id).distanceMetres).toBeGreaterThan(1990);
    expect(of(far.id).reasons).not.toContain('nearby');
    expect(of(pointless.id).distanceMetres).toBeNull();
    expect(of(pointless.id).reasons).not.toContain('nearby');
    // same caller and words for all three: only the near one scores higher
    expect(of(near.id).textSimilarity).toBe(of(pointless.id).textSimilarity);
    expect(of(near.id).score).toBeGreaterThan(of(pointless.id).score);
    expect(of(far.id).score).toBe(of(pointless.id).score);
    expect(of(spot.id)).toMatchObject({ distanceMetres: 0, reasons: ['nearby', 'same_region'] });
    expect(of(spot.id).score).toBeCloseTo(1 - 0.7 * 0.95, 3);

    // The same appeal without a point: every score as before distance, no distances.
    const unpinned = await newOrder(w, { title: probe.title, content: probe.content, callerPhone: '13900000101' });
    const plain = (await duplicatesOfOrder(w.deps, w.actors.dispatcher, unpinned.id)).candidates;
    const plainOf = (id: string) => plain.find((c) => c.orderId === id)!;
    expect(plainOf(near.id).score).toBe(of(pointless.id).score);
    expect(plainOf(far.id).score).toBe(of(pointless.id).score);
    expect(plain.every((c) => c.distanceMetres === null && !c.reasons.includes('nearby'))).toBe(true);
    expect(plain.find((c) => c.orderId === spot.id)).toBeUndefined();

    // The worker stores the distance with the candidate; the earlier order's "later matches" show it.
    expect((await drainOutbox(workerDeps(w.deps), { handlers: outboxHandlers })).failed).toBe(0);
    const stored = await database.db
      .selectFrom('order_duplicate_candidates')
      .select(['candidate_id', 'distance_m', 'reasons'])
      .where('order_id', '=', probe.id)
      .execute();
    expect(stored.find((s) => s.candidate_id === near.id)).toMatchObject({ distance_m: 50 });
    expect(stored.find((s) => s.candidate_id === pointless.id)?.distance_m).toBeNull();
    const later = (await duplicatesOfOrder(w.deps, w.actors.dispatcher, near.id)).laterMatches;
    expect(later.find((l) => l.orderId === probe.id)).toMatchObject({ distanceMetres: 50 });
  });

  it('takes the radius from the category, its parent or the centre, as the administrator sets it', async () => {
    const parent = await insertCategory(database.db, {
      centreId: w.centreId,
      parentId: null,
      parentPath: null,
      code: 'ROAD',
      name: '道路',
      level: 1,
    });
    const child = await insertCategory(database.db, {
      centreId: w.centreId,
      parentId: parent.id,
      parentPath: parent.path,
      code: 'ROAD.MANHOLE',
      name: '井盖',
      level: 2,
    });
    const earlier = await newOrder(w, { ...MANHOLE, callerPhone: '13900000303', categoryId: child.id, ...north(600) });
    w.clock.advance(3_600_000);
    const probe = await newOrder(w, {
      title: '路口井盖缺失',
      content: '和平街路口井盖没了，晚上看不见，怕有人掉下去。',
      callerPhone: '13900000303',
      categoryId: child.id,
      ...HERE,
    });
    const candidate = async () =>
      (await duplicatesOfOrder(w.deps, w.actors.dispatcher, probe.id)).candidates.find((c) => c.orderId === earlier.id)!;
    const atDefault = await candidate();
    expect(atDefault.reasons).not.toContain('nearby');
    expect(atDefault.distanceMetres).toBeGreaterThan(590);

    expect(await failure(setCategoryRadius(w.deps, w.actors.operator, parent.id, 1000))).toMatchObject({ code: 'FORBIDDEN' });
    const set = await setCategoryRadius(w.deps, w.actors.admin, parent.id, 1000);
    expect(set.categories).toEqual([{ categoryId: parent.id, code: 'ROAD', name: '道路', radiusMetres: 1000 }]);
    const inherited = await candidate(); // the child inherits its parent's 1000 m
    expect(inherited.reasons).toContain('nearby');
    expect(inherited.score).toBeGreaterThan(atDefault.score);
    await setCategoryRadius(w.deps, w.actors.admin, child.id, 100); // its own, nearer, wins
    expect((await candidate()).reasons).not.toContain('nearby');
    await setCategoryRadius(w.deps, w.actors.admin, child.id, null);
    await setCategoryRadius(w.deps, w.actors.admin, parent.id, null);
    expect((await getDuplicateRadii(w.deps, w.actors.admin)).categories).toEqual([]);
    const centre = await setDefaultDuplicateRadius(w.deps, w.actors.admin, 700); // the centre's radius
    expect(centre.defaultRadiusMetres).toBe(700);
    expect((await candidate()).reasons).toContain('nearby');
    await setDefaultDuplicateRadius(w.deps, w.actors.admin, 200);
    expect(await failure(setCategoryRadius(w.deps, w.actors.admin, w.regionId, 300))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('at intake: the pin in the map system is converted, a point needs both halves', async () => {
    const earlier = await newOrder(w, { ...MANHOLE, callerPhone: '13900000404', ...north(30) });
    w.clock.advance(3_600_000);
    const gcj = fromWgs84(HERE, 'gcj02');
    const r = await checkDuplicates(w.deps, w.actors.operator, {
      title: MANHOLE.title,
      content: '井盖没了',
      callerPhone: '13900000404',
      lat: gcj.lat,
      lng: gcj.lng,
      coordSystem: 'gcj02',
    });
    const hit = r.candidates.find((c) => c.orderId === earlier.id)!;
    expect(hit.reasons).toContain('nearby');
    expect(hit.distanceMetres).toBeGreaterThanOrEqual(29);
    expect(hit.distanceMetres).toBeLessThanOrEqual(31);
    expect(await failure(checkDuplicates(w.deps, w.actors.operator, { title: 'x', content: '井盖', lat: 43.9 }))).toEqual({
      code: 'VALIDATION',
      field: 'lng',
    });
  });
});
