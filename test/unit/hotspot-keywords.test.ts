import { describe, expect, it } from 'vitest';
import { placeNames } from '../../src/analytics/hotspots/hotspot-keywords.js';
import { rankHotspots } from '../../src/analytics/hotspots/hotspot.service.js';
import type { HotspotCandidate } from '../../src/analytics/hotspots/hotspot.repository.js';

// Our own small month of appeals (invented places): each topic three times, so each is a hot issue.
const TOPICS = [
  ['乌兰达来路路灯不亮', '乌兰达来路的路灯坏了，晚上一片漆黑，请尽快修复路灯。'],
  ['白音达来路路面坑洼', '白音达来路路面坑洼积水，车辆通行困难，请修补路面。'],
  ['牲畜防疫咨询', '家里新买了3头牛，请问防疫去哪里打疫苗，需要办理什么手续？'],
  ['营业执照办理咨询', '想开一家小饭馆，营业执照在哪里办理，需要准备哪些材料？'],
  ['社保关系转移咨询', '我从外地回来工作，社保关系怎么转移，到哪里办理？'],
] as const;

const PERIOD = { from: new Date('2025-10-01T00:00:00+08:00'), to: new Date('2025-11-01T00:00:00+08:00') };

function appeals(): HotspotCandidate[] {
  let n = 0;
  return TOPICS.flatMap(([title, content]) =>
    [1, 2, 3].map((copy) => {
      n++;
      return {
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        order_no: `2510${String(n).padStart(6, '0')}`,
        title: copy === 1 ? title : `${title}（第${copy}次反映）`,
        content_head: content,
        address: null,
        region_id: null,
        region_name: null,
        category_id: null,
        state: 'accepted',
        accepted_at: new Date(`2025-10-${String(n + 1).padStart(2, '0')}T02:00:00Z`),
        lead_unit_id: null,
        lead_unit_path: null,
      };
    }),
  );
}

describe('hot-issue keywords', () => {
  const hot = rankHotspots(appeals(), PERIOD, { minSize: 2 });
  const keywordsOf = (title: string) => hot.find((h) => h.representativeTitle.startsWith(title))!.keywords;

  it('finds each topic as one hot issue', () => {
    expect(hot).toHaveLength(TOPICS.length);
    expect(hot.every((h) => h.count === 3)).toBe(true);
  });

  it('gives the road name instead of its pieces, and keeps the words of the matter', () => {
    expect(placeNames('乌兰达来路的路灯坏了')).toContain('乌兰达来路');
    expect(placeNames('白音达来路路面坑洼')).toContain('白音达来路');
    const lights = keywordsOf('乌兰达来路路灯不亮');
    expect(lights).toEqual(expect.arrayContaining(['路灯', '乌兰达来路']));
    expect(lights).not.toContain('来路');
    expect(lights).not.toContain('乌兰达');
    const road = keywordsOf('白音达来路路面坑洼');
    expect(road).toEqual(expect.arrayContaining(['路面', '坑洼', '白音达来路']));
    expect(road).not.toContain('来路');
  });

  it('drops counts glued to a measure word and stop-like words', () => {
    const livestock = keywordsOf('牲畜防疫咨询');
    expect(livestock).toContain('防疫');
    expect(livestock).not.toContain('头牛');
    const licence = keywordsOf('营业执照办理咨询');
    expect(licence).toContain('营业执照');
    expect(licence).not.toContain('想开');
    const pension = keywordsOf('社保关系转移咨询');
    expect(pension).toEqual(expect.arrayContaining(['社保', '转移']));
    expect(pension).not.toContain('回来');
  });

  it('labels each hot issue with its first three keywords', () => {
    for (const h of hot) expect(h.label).toBe(h.keywords.slice(0, 3).join(' · '));
  });
});
