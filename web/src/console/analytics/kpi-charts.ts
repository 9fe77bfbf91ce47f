import type { KpiGroup } from './kpi-api';

/** ECharts options of the dashboard and the wall screen, built from KPI groups (pure). */
type Labels = { accepted: string; closed: string; closureRate: string; none: string };

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

/**
 * The category pie names its slices in a scrolling legend beside it, wrapped, not in labels around the
 * ring: in a half-width card the outside labels were cut to "中…".
 */
export function pieOption(groups: KpiGroup[], labels: Labels, dark = false) {
  const data = groups
    .filter((g) => g.counters.accepted > 0)
    .map((g) => ({ name: nameOf(g, labels), value: g.counters.accepted }));
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: {
      type: 'scroll',
      orient: 'vertical',
      right: 0,
      top: 'middle',
      textStyle: { width: 120, overflow: 'break', ...(dark ? DARK_TEXT : {}) },
      ...(dark ? { pageTextStyle: DARK_TEXT } : {}),
    },
    series: [
      {
        type: 'pie',
        center: ['34%', '50%'],
        radius: ['32%', '62%'],
        label: { show: false },
        data,
      },
    ],
  };
}

/** Horizontal bars: accepted and closed per group (top `limit` by volume). */
export function barsOption(groups: KpiGroup[], labels: Labels, limit = 15) {
  const top = groups
    .filter((g) => g.counters.accepted > 0)
    .slice(0, limit)
    .reverse();
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 140, right: 24, top: 30, bottom: 20 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: top.map((g) => nameOf(g, labels)), axisLabel: { width: 130, overflow: 'truncate' } },
    series: [
      { name: labels.accepted, type: 'bar', data: top.map((g) => g.counters.accepted) },
      { name: labels.closed, type: 'bar', data: top.map((g) => g.counters.closed) },
    ],
  };
}
