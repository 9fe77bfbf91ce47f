import { describe, expect, it } from 'vitest';
import { barsOption, chartLabels, pieOption, wrapName } from '../../web/src/console/analytics/kpi-charts.js';
import { kpiMessages } from '../../web/src/console/analytics/kpi.messages.js';

describe('unit names on the bar charts', () => {
  it('wrap after the place part, never cut: every character is shown', () => {
    expect(wrapName('锡林浩特市住房和城乡建设局')).toBe('锡林浩特市\n住房和城乡建设局');
    expect(wrapName('二连浩特市住房和城乡建设局')).toBe('二连浩特市\n住房和城乡建设局');
    expect(wrapName('锡林浩特市热力公司')).toBe('锡林浩特市热力公司');
    expect(wrapName('中心直办 / 未派单')).toBe('中心直办 /\n未派单');
    expect(wrapName('西乌珠穆沁旗市场监督管理局')).toBe('西乌珠穆沁旗\n市场监督管理局');
    const long = '锡林郭勒盟行政审批和政务服务与数据管理局';
    expect(wrapName(long).replace(/\n/g, '')).toBe(long);
    expect(
      wrapName(long)
        .split('\n')
        .every((line) => [...line].length <= 9),
    ).toBe(true);
  });

  it('the bar chart shows the whole names (no truncation) and every one of them', () => {
    const group = (name: string, accepted: number) =>
      ({ key: name, name, counters: { accepted, closed: 1 }, kpis: {} }) as unknown as Parameters<typeof barsOption>[0][number];
    const option = barsOption([group('锡林浩特市住房和城乡建设局', 9), group('锡林浩特市热力公司', 5)], {
      accepted: '受理',
      closed: '办结',
      closureRate: '办结率',
      none: '无',
    });
    expect(option.yAxis.data).toEqual(['锡林浩特市热力公司', '锡林浩特市住房和城乡建设局']);
    expect(option.yAxis.axisLabel).not.toHaveProperty('overflow');
    expect(option.yAxis.axisLabel.interval).toBe(0);
    expect(option.yAxis.axisLabel.formatter('锡林浩特市住房和城乡建设局')).toBe('锡林浩特市\n住房和城乡建设局');
  });
});

describe('the category pie', () => {
  const group = (key: string, name: string | null, accepted: number) =>
    ({ key, name, counters: { accepted, closed: 0 }, kpis: {} }) as unknown as Parameters<typeof pieOption>[0][number];
  const labels = { accepted: '受理', closed: '办结', closureRate: '办结率', none: '未分类' };

  it('names its slices in a wrapping legend, none cut around the ring (it showed 中…)', () => {
    const option = pieOption(
      [group('a', '城乡建设与城市管理', 9), group('b', '供热', 4), group('c', '无件分类', 0)],
      labels,
    ).baseOption;
    expect(option.series[0]!.label).toEqual({ show: false });
    expect(option.legend.textStyle).toMatchObject({ overflow: 'break' });
    expect(option.legend.textStyle).not.toHaveProperty('ellipsis');
    // Every slice with appeals, by its whole name; none without.
    expect(option.series[0]!.data).toEqual([
      { name: '城乡建设与城市管理', value: 9 },
      { name: '供热', value: 4 },
    ]);
  });

  it('lays the donut out where the legend is not: beside it in a wide panel, above it in a narrow one', () => {
    const option = pieOption([group('a', '供热', 4)], labels);
    const legendRight = option.baseOption.legend.right;
    expect(legendRight).toBe(0);
    expect(option.baseOption.series[0]!.right).toBeGreaterThanOrEqual(150);
    const narrow = option.media[0]!;
    expect(narrow.query.maxWidth).toBeGreaterThan(0);
    expect(narrow.option.legend.bottom).toBe(0);
    expect(narrow.option.series[0]!.bottom).toBeGreaterThan(40);
    expect(narrow.option.series[0]!.right).toBe(0);
  });

  it('calls the orders without a category 未分类 and those without a region 未填地区, not 中心直办 / 未派单', () => {
    const zh = (key: keyof typeof kpiMessages.zh) => kpiMessages.zh[key];
    const none = [group('none', null, 3)];
    expect(pieOption(none, chartLabels(zh, 'category')).baseOption.series[0]!.data).toEqual([{ name: '未分类', value: 3 }]);
    expect(barsOption(none, chartLabels(zh, 'region')).yAxis.data).toEqual(['未填地区']);
    expect(barsOption(none, chartLabels(zh, 'unit')).yAxis.data).toEqual(['中心直办 / 未派单']);
    const en = (key: keyof typeof kpiMessages.en) => kpiMessages.en[key];
    expect(pieOption(none, chartLabels(en, 'category')).baseOption.series[0]!.data).toEqual([
      { name: 'Uncategorised', value: 3 },
    ]);
  });
});
