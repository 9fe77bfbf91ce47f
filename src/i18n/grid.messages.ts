/** Server text of grid reports and on-site verification (issue 18, ADR 0186), Chinese first; spread into messages.ts. */
export const GRID_MESSAGES = {
  'grid.tooManyFiles': { zh: '一次最多上传 {max} 个照片或视频', en: 'At most {max} photos or videos with one report' },
  'grid.notAGridPerson': {
    zh: '您尚未登记到任何网格，不能上报；请联系街道（乡镇）登记',
    en: 'You are not registered in any grid, so you cannot report; ask your street office to register you',
  },
  'grid.outsideMyGrid': {
    zh: '该位置不在您所在的网格（{grids}）内，请在本网格内上报',
    en: 'This point lies outside your grid ({grids}); report issues within your own grid',
  },
  'grid.urgentNotAllowed': {
    zh: '一键紧急上报限网格员、楼栋长和联户长使用',
    en: 'The one-tap urgent report is for grid workers and building or household heads',
  },
  'grid.reportActor': { zh: '{name}（网格上报）', en: '{name} (grid report)' },
  'grid.reportAddress': { zh: '{grid}（上报定位）', en: '{grid} (reported position)' },
  'grid.urgentTitle': { zh: '【紧急】{title}', en: '[URGENT] {title}' },
  'notice.gridUrgent': {
    zh: '紧急上报：{grid} {reporter} 紧急上报，工单 {orderNo}：{excerpt}',
    en: 'Urgent report: {reporter} of {grid} reported order {orderNo}: {excerpt}',
  },
  'grid.staleVersion': {
    zh: '网格 {code} 已被他人修改（当前第 {version} 版），请刷新后重试',
    en: 'Grid {code} was changed by someone else (now version {version}); reload and try again',
  },
  'grid.codeTaken': { zh: '网格编码 {code} 已存在', en: 'The grid code {code} is already taken' },
  'grid.overlaps': {
    zh: '{field}：与网格 {code}（{name}）重叠，网格不得相互覆盖',
    en: '{field}: overlaps grid {code} ({name}); grids must not cover each other',
  },
  'grid.ended': { zh: '网格 {code} 已停用，不能再编辑', en: 'Grid {code} has been ended and can no longer be edited' },
} as const;
