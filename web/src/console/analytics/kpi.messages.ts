import type { Messages } from '../../shared/i18n';

/** Texts of the dashboard and the wall screen (issue 6, KPIs). */
export const kpiMessages = {
  zh: {
    'dash.title': '数据看板',
    'dash.period': '统计期间',
    'dash.previous': '上期 {from} 至 {to}',
    'dash.trend': '每日受理与办结趋势',
    'dash.byCategory': '诉求分类分布',
    'dash.byUnit': '承办单位办理情况（含下级）',
    'dash.byRegion': '区域分布',
    'dash.accepted': '受理量',
    'dash.closed': '办结量',
    'dash.closureRate': '办结率',
    'dash.open': '在办',
    'dash.red': '红牌（超期）',
    'dash.yellow': '黄牌（临期）',
    'dash.acceptedToday': '今日受理',
    'dash.closedToday': '今日办结',
    'dash.vsPrevious': '较上期',
    'dash.none': '中心直办 / 未派单',
    'dash.noRegion': '未填地区',
    'dash.noCategory': '未分类',
    'dash.wall': '大屏模式',
    'dash.formula': '口径',
    'dash.count': '{n} / {d}',
    'dash.byDimension': '按渠道与原热线号码',
    'dash.byChannel': '按受理渠道',
    'dash.byLine': '按拨打号码',
    'dash.channel': '受理渠道',
    'dash.line': '拨打号码',
    'dash.mainLine': '{n}（主号）',
    'dash.noChannel': '未记录渠道',
    'dash.noLine': '非电话渠道',
    'dash.calls': '来电量',
    'wall.title': '12345 政务服务便民热线 · 接诉即办实时大屏',
    'wall.month': '本月',
    'wall.updated': '更新于 {at}',
    'wall.exit': '退出大屏',
  },
  en: {
    'dash.title': 'Dashboard',
    'dash.period': 'Period',
    'dash.previous': 'Previous {from} to {to}',
    'dash.trend': 'Daily accepted and closed',
    'dash.byCategory': 'Appeals by category',
    'dash.byUnit': 'Handling units (with sub-units)',
    'dash.byRegion': 'By region',
    'dash.accepted': 'Accepted',
    'dash.closed': 'Closed',
    'dash.closureRate': 'Closure rate',
    'dash.open': 'Open',
    'dash.red': 'Red (overdue)',
    'dash.yellow': 'Yellow (due soon)',
    'dash.acceptedToday': 'Accepted today',
    'dash.closedToday': 'Closed today',
    'dash.vsPrevious': 'vs previous',
    'dash.none': 'Centre / not dispatched',
    'dash.noRegion': 'No region given',
    'dash.noCategory': 'Uncategorised',
    'dash.wall': 'Wall screen',
    'dash.formula': 'Definition',
    'dash.count': '{n} / {d}',
    'dash.byDimension': 'By channel and original hotline',
    'dash.byChannel': 'By channel',
    'dash.byLine': 'By number dialled',
    'dash.channel': 'Channel',
    'dash.line': 'Number dialled',
    'dash.mainLine': '{n} (main number)',
    'dash.noChannel': 'No channel recorded',
    'dash.noLine': 'Not by phone',
    'dash.calls': 'Calls offered',
    'wall.title': '12345 Hotline · live wall screen',
    'wall.month': 'This month',
    'wall.updated': 'Updated {at}',
    'wall.exit': 'Exit wall screen',
  },
} satisfies Messages;

/** How a KPI value is shown: ratios as percent, hours with one decimal, counts as integers. */
export function formatKpi(kind: string, value: number | null): string {
  if (value === null) return '—';
  if (kind === 'ratio') return `${(value * 100).toFixed(2)}%`;
  if (kind === 'hours') return `${value.toFixed(1)} h`;
  return value.toLocaleString('zh-CN');
}

/** Change against the previous period: percentage points for ratios. */
export function formatChange(kind: string, change: number | null): string {
  if (change === null) return '—';
  const sign = change > 0 ? '+' : '';
  if (kind === 'ratio') return `${sign}${(change * 100).toFixed(2)} pp`;
  if (kind === 'hours') return `${sign}${change.toFixed(1)} h`;
  return `${sign}${change.toLocaleString('zh-CN')}`;
}
