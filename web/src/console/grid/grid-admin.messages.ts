import type { Messages } from '../../shared/i18n';

type Key =
  | 'title'
  | 'intro'
  | 'mode.select'
  | 'mode.draw'
  | 'mode.redraw'
  | 'mode.split'
  | 'col.code'
  | 'col.name'
  | 'col.town'
  | 'col.version'
  | 'code'
  | 'name'
  | 'town'
  | 'corners'
  | 'cornersHint'
  | 'lineHint'
  | 'badCorners'
  | 'save'
  | 'saveOutline'
  | 'cancel'
  | 'clear'
  | 'edit'
  | 'redraw'
  | 'split'
  | 'splitDo'
  | 'newCode'
  | 'newName'
  | 'merge'
  | 'mergeHint'
  | 'pickHint'
  | 'versions'
  | 'v.version'
  | 'v.name'
  | 'v.at'
  | 'v.source'
  | 'v.ended'
  | 'saved'
  | 'count';

export const gridAdminMessages: Messages<Key> = {
  zh: {
    title: '网格管理',
    intro:
      '在地图上点选网格查看、改名或改所属街道；绘制新网格、重画边界、按分割线拆分、合并相邻网格。每次修改都保存为网格的新版本并记入审计。',
    'mode.select': '选择',
    'mode.draw': '绘制新网格',
    'mode.redraw': '重画边界',
    'mode.split': '拆分',
    'col.code': '编码',
    'col.name': '名称',
    'col.town': '所属街道',
    'col.version': '版本',
    code: '网格编码',
    name: '网格名称',
    town: '所属街道（乡镇）',
    corners: '顶点（经度,纬度；每行一个，WGS-84）',
    cornersHint: '在地图上依次点击各顶点（至少 3 个），或在此输入坐标；保存时自动闭合。',
    lineHint: '在地图上点击分割线的各点（至少 2 个）；线会延长穿过整个网格。',
    badCorners: '第 {lines} 行不是“经度,纬度”',
    save: '保存',
    saveOutline: '保存边界',
    cancel: '取消',
    clear: '清除顶点',
    edit: '修改名称或街道',
    redraw: '重画边界',
    split: '拆分此网格',
    splitDo: '拆分',
    newCode: '新网格编码',
    newName: '新网格名称',
    merge: '合并为一个网格',
    mergeHint: '已选两个网格：合并后保留第一个（{first}），停用第二个（{second}）。',
    pickHint: '在地图或列表中选择一个网格（选两个可合并）。',
    versions: '版本记录',
    'v.version': '版本',
    'v.name': '名称',
    'v.at': '时间',
    'v.source': '来源',
    'v.ended': '（已停用）',
    saved: '已保存：{grids}',
    count: '共 {n} 个网格',
  },
  en: {
    title: 'Grids',
    intro:
      'Pick a grid on the map to see it, rename it or move it to another street; draw a new grid, redraw an outline, split a grid by a line, merge two neighbours. Every change is saved as a new version of the grid and audited.',
    'mode.select': 'Select',
    'mode.draw': 'Draw a grid',
    'mode.redraw': 'Redraw outline',
    'mode.split': 'Split',
    'col.code': 'Code',
    'col.name': 'Name',
    'col.town': 'Street',
    'col.version': 'Version',
    code: 'Grid code',
    name: 'Grid name',
    town: 'Street / town',
    corners: 'Corners (longitude,latitude; one a line, WGS-84)',
    cornersHint: 'Click the corners on the map in turn (at least 3), or type them here; the ring is closed on saving.',
    lineHint: 'Click the points of the dividing line on the map (at least 2); the line is extended across the grid.',
    badCorners: 'Line {lines} is not "longitude,latitude"',
    save: 'Save',
    saveOutline: 'Save outline',
    cancel: 'Cancel',
    clear: 'Clear corners',
    edit: 'Rename or move',
    redraw: 'Redraw outline',
    split: 'Split this grid',
    splitDo: 'Split',
    newCode: 'New grid code',
    newName: 'New grid name',
    merge: 'Merge into one grid',
    mergeHint: 'Two grids picked: the first ({first}) is kept, the second ({second}) is ended.',
    pickHint: 'Pick a grid on the map or in the list (pick two to merge them).',
    versions: 'Versions',
    'v.version': 'Version',
    'v.name': 'Name',
    'v.at': 'When',
    'v.source': 'Source',
    'v.ended': '(ended)',
    saved: 'Saved: {grids}',
    count: '{n} grids',
  },
};
