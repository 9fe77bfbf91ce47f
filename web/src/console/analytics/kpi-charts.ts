import type { KpiGroup } from './kpi-api';

/** ECharts options of the dashboard and the wall screen, built from KPI groups (pure). */
type Labels = { accepted: string; closed: string; closureRate: string; none: string };

/**
 * What the `none` group is called depends on what the figures are grouped by: a unit's is the centre's
 * own work (中心直办 / 未派单), a category's 未分类, a region's 未填地区 (they all read 中心直办 / 未派单).
 */
const NONE_LABEL = { unit: 'dash.none', category: 'dash.noCategory', region: 'dash.noRegion' } as const;
type ChartWord = 'dash.accepted' | 'dash.closed' | 'dash.closureRate' | (typeof NONE_LABEL)[keyof typeof NONE_LABEL];

/** The series and `none` names of a chart grouped by unit, category or region, in the page's language. */
export function chartLabels(t: (key: ChartWord) => string, groupBy: keyof typeof NONE_LABEL): Labels {
  return {
    accepted: t('dash.accepted'),
    closed: t('dash.closed'),
    closureRate: t('dash.closureRate'),
    none: t(NONE_LABEL[groupBy]),
  };
}

const nameOf = (g: KpiGroup, labels: Labels) => g.name ?? (g.key === 'none' ? labels.none : g.key);

/**
 * Light text for the dark wall screen; on the light dashboard nothing, so the theme's own text colour
 * applies. The key is left out rather than set to undefined: ECharts takes `textStyle: undefined` as a
 * style without a colour and drew the legend with blank labels.
 */
const DARK_TEXT = { color: '#cfe3f5' };
const darkText = (dark: boolean) => (dark ? { textStyle: DARK_TEXT } : {});

export function trendOption(days: KpiGroup[], labels: Labels, dark = false) {
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis' },
    legend: { top: 0, ...darkText(dark) },
    grid: { left: 48, right: 48, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: days.map((d) => d.key.slice(5)) },
    yAxis: [{ type: 'value' }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: labels.accepted, type: 'bar', data: days.map((d) => d.counters.accepted) },
      { name: labels.closed, type: 'bar', data: days.map((d) => d.counters.closed) },
      {
        name: labels.closureRate,
        type: 'line',
        yAxisIndex: 1,
        smooth: true,
        data: days.map((d) => (d.kpis.closureRate?.value === null ? null : +(d.kpis.closureRate!.value! * 100).toFixed(2))),
      },
    ],
  };
}

/** Width kept free for the pie's vertical legend on the right (its 120 px text, marker and gap). */
const LEGEND_SPACE = 170;
/** Below this width the legend goes under the donut: beside it, it left the donut no room. */
const NARROW_PANEL = 480;

/**
 * The category pie names its slices in a scrolling legend, wrapped, not in labels around the ring: in a
 * half-width card the outside labels were cut to "中…". The donut is laid out in the box the legend leaves
 * free (beside it in a wide panel, above it in a narrow one such as the wall's), so they never overlap.
 */
export function pieOption(groups: KpiGroup[], labels: Labels, dark = false) {
  const data = groups
    .filter((g) => g.counters.accepted > 0)
    .map((g) => ({ name: nameOf(g, labels), value: g.counters.accepted }));
  const text = dark ? DARK_TEXT : {};
  return {
    baseOption: {
      backgroundColor: 'transparent',
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: {
        type: 'scroll',
        orient: 'vertical',
        right: 0,
        top: 'middle',
        textStyle: { width: 120, overflow: 'break', ...text },
        ...(dark ? { pageTextStyle: DARK_TEXT } : {}),
      },
      series: [{ type: 'pie', left: 0, right: LEGEND_SPACE, radius: ['40%', '78%'], label: { show: false }, data }],
    },
    media: [
      {
        query: { maxWidth: NARROW_PANEL },
        option: {
          legend: {
            orient: 'horizontal',
            left: 'center',
            right: 'auto',
            top: 'auto',
            bottom: 0,
            textStyle: { width: 'auto', ...text },
          },
          series: [{ left: 0, right: 0, top: 0, bottom: 64 }],
        },
      },
    ],
  };
}

/** Characters of a bar label line: what fits the axis at 12 px beside the bars. */
export const BAR_LABEL_CHARS = 9;
const PLACE_END = /[市旗盟县区镇乡]/u;

/**
 * A unit or region name in lines of at most `max` characters, broken after its place part where
 * there is one (锡林浩特市 / 住房和城乡建设局), so no name is cut: the ECharts `truncate` of a fixed
 * width cut 锡林浩特市住房和城… and 二连浩特市住房和城… alike, hiding which unit a bar is.
 */
export function wrapName(name: string, max = BAR_LABEL_CHARS): string {
  const chars = [...name];
  const lines: string[] = [];
  while (chars.length > max) {
    const head = chars.slice(0, max);
    // After a space (中心直办 / 未派单), else after the first place ending (市 of 市场监督管理局 is no
    // place: it comes after 旗), else at the width.
    const space = head.lastIndexOf(' ');
    const place = head.findIndex((c, i) => i >= 1 && PLACE_END.test(c));
    const cut = space >= 1 ? space + 1 : place >= 1 ? place + 1 : max;
    lines.push(chars.splice(0, cut).join('').trim());
  }
  lines.push(chars.join('').trim());
  return lines.filter((l) => l !== '').join('\n');
}

/** Horizontal bars: accepted and closed per group (top `limit` by volume); names wrap, never cut. */
export function barsOption(groups: KpiGroup[], labels: Labels, limit = 15) {
  const top = groups
    .filter((g) => g.counters.accepted > 0)
    .slice(0, limit)
    .reverse();
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 30, bottom: 20, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: {
      type: 'category',
      data: top.map((g) => nameOf(g, labels)),
      axisLabel: { formatter: (name: string) => wrapName(name), lineHeight: 13, interval: 0 },
    },
    series: [
      { name: labels.accepted, type: 'bar', data: top.map((g) => g.counters.accepted) },
      { name: labels.closed, type: 'bar', data: top.map((g) => g.counters.closed) },
    ],
  };
}
