import { beforeAll, describe, expect, it } from 'vitest';
import { insertRegion } from '../../src/org/catalog.repository.js';
import { clusteringAgreement } from '../../src/analytics/hotspots/hotspot-measure.js';
import { leaderCluster, mergeSimilarClusters } from '../../src/analytics/hotspots/hotspot-cluster.js';
import { asUser } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp();
let otherRegionId: string;

// A hand-made month of appeals (our own texts): a heating problem at one estate rising sharply,
// street lights on one road steady, and unrelated single appeals.
const HEATING = [
  '幸福家园小区暖气不热，室温只有十四度',
  '幸福家园小区供暖温度不达标，暖气片冰凉',
  '幸福家园小区暖气不热已经一周，老人孩子受冻',
  '幸福家园小区6号楼暖气不热，请供热公司检修',
  '幸福家园小区供暖不热，多次反映无人处理',
];
const LIGHTS = ['人民路的路灯不亮，晚上出行不便', '人民路的路灯不亮多日，请修复', '人民路的路灯不亮，夜间出行不安全'];
const SINGLES = ['咨询新生儿医保办理流程', '建议在公园增设健身器材', '举报某饭店占道经营'];

async function at(day: string, title: string, regionId?: string) {
  w.clock.set(`${day}T03:00:00Z`);
  return newOrder(w, { title, content: title, ...(regionId ? { regionId } : {}) });
}

beforeAll(async () => {
  otherRegionId = (await insertRegion(w.deps.db, { centreId: w.centreId, parentId: null, code: 'R2', name: 'B旗', level: 1 })).id;
  // September (the previous period): one heating appeal, the three street-light appeals.
  await at('2025-09-05', '幸福家园小区暖气片不热');
  for (const [i, t] of LIGHTS.entries()) await at(`2025-09-1${i}`, t);
  // October: five heating, three street lights again, singles; the same heating text in another region.
  for (const [i, t] of HEATING.entries()) await at(`2025-10-0${i + 1}`, t);
  for (const [i, t] of LIGHTS.entries()) await at(`2025-10-1${i}`, t);
  for (const [i, t] of SINGLES.entries()) await at(`2025-10-2${i}`, t);
  await at('2025-10-25', HEATING[0]!, otherRegionId);
  await at('2025-10-26', HEATING[2]!, otherRegionId);
});

describe('GET /api/hotspots', () => {
  it('ranks the rising topic first, with its orders, growth against the previous period, singles left out', async () => {
    const analyst = await asUser(app, w, 'analyst');
    const res = await analyst.get('/api/hotspots?from=2025-10-01&to=2025-11-01');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Score = size + rise: 5 + 4, then the new topic elsewhere 2 + 2, then the steady one 3 + 0.
    const [first, newElsewhere, second] = body.items;
    expect(first.count).toBe(5);
    expect(first.previousCount).toBe(1);
    expect(first.growth).toBe(4);
    expect(first.score).toBe(9);
    expect(first.regionId).toBe(w.regionId);
    expect(first.keywords.join()).toContain('家园');
    expect(first.orders.map((o: { title: string }) => o.title).sort()).toEqual([...HEATING].sort());
    expect(second.count).toBe(3);
    expect(second.previousCount).toBe(3);
    expect(second.growth).toBe(0);
    expect(second.keywords.join()).toContain('人民');
    // The same heating complaint in another region is its own hot issue (same topic, other place).
    expect(newElsewhere.count).toBe(2);
    expect(newElsewhere.previousCount).toBe(0);
    expect(newElsewhere.growth).toBeNull();
    expect(newElsewhere.regionId).toBe(otherRegionId);
    expect(body.items).toHaveLength(3);
  });

  it('filters by region', async () => {
    const leader = await asUser(app, w, 'leader');
    const body = (await leader.get(`/api/hotspots?from=2025-10-01&to=2025-11-01&regionId=${otherRegionId}`)).json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0].count).toBe(2);
    expect(body.appealsExamined).toBe(2);
  });

  it('is for analysts, leaders and supervisors, and checks its input', async () => {
    const handler = await asUser(app, w, 'unit_handler');
    expect((await handler.get('/api/hotspots?from=2025-10-01&to=2025-11-01')).statusCode).toBe(403);
    const supervisor = await asUser(app, w, 'supervisor');
    const backwards = await supervisor.get('/api/hotspots?from=2025-11-01&to=2025-10-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.field).toBe('to');
    const missing = await supervisor.get('/api/hotspots?from=2025-10-01');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toContain('to');
  });
});

describe('clustering measures', () => {
  it('computes pairwise precision/recall, ARI and purity by hand-checked figures', () => {
    // reference: {a,b,c} {d,e}; predicted: {a,b} {c,d,e}
    const m = clusteringAgreement([1, 1, 2, 2, 2], ['x', 'x', 'x', 'y', 'y']);
    // predicted pairs: ab, cd, ce, de = 4; reference pairs: ab, ac, bc, de = 4; together: ab, de = 2
    expect(m.pairwisePrecision).toBe(0.5);
    expect(m.pairwiseRecall).toBe(0.5);
    expect(m.pairwiseF1).toBe(0.5);
    // expected index = 4·4/10 = 1.6; ARI = (2 − 1.6) / (4 − 1.6)
    expect(m.adjustedRandIndex).toBeCloseTo(0.1667, 4);
    expect(m.purity).toBe(0.8);
    expect(clusteringAgreement([7, 7, 9], ['p', 'p', 'q']).adjustedRandIndex).toBe(1);
  });

  it('keeps partitions apart and merges split halves of one topic', () => {
    const v = (pairs: [string, number][]) => {
      const n = Math.hypot(...pairs.map(([, x]) => x));
      return new Map(pairs.map(([t, x]) => [t, x / n]));
    };
    const vectors = [
      v([
        ['a', 1],
        ['b', 1],
      ]),
      v([
        ['a', 1],
        ['b', 1],
      ]),
      v([
        ['a', 1],
        ['c', 2],
      ]),
      v([
        ['a', 1],
        ['b', 1],
      ]),
    ];
    const parted = leaderCluster(vectors, { threshold: 0.9, partitionKeys: ['r1', 'r1', 'r1', 'r2'] });
    expect(parted.map((c) => c.members)).toEqual([[0, 1], [2], [3]]);
    const merged = mergeSimilarClusters(leaderCluster(vectors, { threshold: 0.9 }), 0.3);
    expect(merged.map((c) => c.members)).toEqual([[0, 1, 2, 3]]);
  });
});
