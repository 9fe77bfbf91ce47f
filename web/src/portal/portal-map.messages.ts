import type { Messages } from '../shared/i18n';

/** 在地图上标注位置 and 附近的诉求 on the portal's form. */
export const portalMapMessages = {
  zh: {
    open: '在地图上标注位置（可选）',
    hide: '收起地图',
    hint: '点击地图标出问题所在的位置，可拖动图钉调整。',
    useMine: '使用我的当前位置',
    locating: '正在获取位置…',
    noLocation: '无法获取您的位置，请在地图上点选。',
    marked: '已标注位置',
    clear: '清除位置',
    nearbyTitle: '附近的诉求',
    nearbyHint: '以下是附近 {radius} 米内正在办理的诉求（位置已模糊处理）。如果是同一个问题，您仍可提交，我们会合并办理。',
    nearbyNone: '附近 {radius} 米内暂无正在办理的诉求。',
    nearbyItem: '{category} · {stage} · {day} · 约 {metres} 米',
    noCategory: '未分类',
  },
  en: {
    open: 'Mark the place on a map (optional)',
    hide: 'Hide the map',
    hint: 'Tap the map where the problem is; drag the pin to adjust.',
    useMine: 'Use my current location',
    locating: 'Finding your location…',
    noLocation: 'Your location is not available; please tap the map.',
    marked: 'Place marked',
    clear: 'Clear the place',
    nearbyTitle: 'Appeals nearby',
    nearbyHint:
      'These appeals within {radius} m are being handled (places blurred). If yours is the same problem you may still send it; it will be handled together.',
    nearbyNone: 'No appeals are being handled within {radius} m.',
    nearbyItem: '{category} · {stage} · {day} · about {metres} m',
    noCategory: 'No category',
  },
} satisfies Messages;
