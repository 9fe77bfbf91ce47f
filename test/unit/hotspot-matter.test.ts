import { describe, expect, it } from 'vitest';
import { leaderCluster, mergeSimilarClusters } from '../../src/analytics/hotspots/hotspot-cluster.js';
import { appealTerms, MATTER_THRESHOLD, regionWords } from '../../src/analytics/hotspots/hotspot-matter.js';
import { placeTokenMask } from '../../src/analytics/hotspots/hotspot-places.js';
import type { Vector } from '../../src/analytics/hotspots/hotspot-text.js';
import { addUserWords } from '../../src/text/segment.js';

const unitVector = (pairs: [string, number][]): Vector => {
  const n = Math.hypot(...pairs.map(([, x]) => x));
  return new Map(pairs.map(([t, x]) => [t, x / n]));
};

describe('the matter guard', () => {
  // Two appeals at one estate: alike by the estate's weight (cosine 0.8), about nothing in common.
  const topic = [
    unitVector([
      ['锦绣园', 2],
      ['燃气', 1],
    ]),
    unitVector([
      ['锦绣园', 2],
      ['信号', 1],
    ]),
  ];
  const matter = [unitVector([['燃气', 1]]), unitVector([['信号', 1]])];

  it('keeps appeals that share only a place apart, in the pass and in the merge', () => {
    expect(leaderCluster(topic, { threshold: 0.25 })).toHaveLength(1);
    const guarded = leaderCluster(topic, { threshold: 0.25, matter: { vectors: matter, threshold: MATTER_THRESHOLD } });
    expect(guarded.map((c) => c.members)).toEqual([[0], [1]]);
    expect(mergeSimilarClusters(guarded, 0.25, MATTER_THRESHOLD)).toHaveLength(2);
    expect(mergeSimilarClusters(guarded, 0.25)).toHaveLength(1);
  });

  it('lets appeals about one matter join at one place', () => {
    const sameMatter = [matter[0]!, unitVector([['燃气', 1]])];
    const sameTopic = [
      topic[0]!,
      unitVector([
        ['锦绣园', 2],
        ['燃气', 1],
      ]),
    ];
    const clusters = leaderCluster(sameTopic, { threshold: 0.25, matter: { vectors: sameMatter, threshold: MATTER_THRESHOLD } });
    expect(clusters.map((c) => c.members)).toEqual([[0, 1]]);
  });
});

describe('matter words', () => {
  addUserWords(['锡林浩特市', '正蓝旗']);

  it('knows region names and their short forms', () => {
    const words = regionWords(['锡林浩特市', '正蓝旗', '乌拉盖管理区', null]);
    expect([...words].sort()).toEqual(['乌拉盖', '乌拉盖管理区', '正蓝旗', '锡林浩特', '锡林浩特市'].sort());
  });

  it('drops the region from what is compared and the estate from the matter', () => {
    const regions = regionWords(['正蓝旗']);
    const terms = appealTerms({ headline: '正蓝旗锦绣园燃气异味', body: '正蓝旗锦绣园单元门口能闻到燃气味。' }, regions);
    expect(terms.topic.has('正蓝旗')).toBe(false);
    expect(terms.topic.get('锦绣')).toBe(4); // headline ×3, body once
    expect(terms.matter.has('锦绣')).toBe(false);
    expect(terms.matter.get('燃气')).toBeGreaterThanOrEqual(3);
  });

  it('marks road and estate names, not the words around them', () => {
    const tokens = ['正蓝旗', '那达慕', '大街', '路面', '坑洼', '，', '幼儿园', '收费', '额尔敦路'];
    expect(placeTokenMask(tokens)).toEqual([false, true, true, false, false, false, false, false, true]);
  });
});
