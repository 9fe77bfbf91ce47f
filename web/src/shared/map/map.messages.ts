import type { Messages } from '../i18n';

/** The map component's own words (console and portal alike). */
export const mapMessages = {
  zh: {
    noTiles: '底图未配置：仅显示本中心的旗县、乡镇与网格轮廓',
    loading: '地图加载中…',
    zoomIn: '放大',
    zoomOut: '缩小',
    pinHere: '标注位置（可拖动）',
    density: '密度',
    label: '地图',
  },
  en: {
    noTiles: 'No base map configured: showing the centre’s county, town and grid outlines only',
    loading: 'Loading the map…',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    pinHere: 'The place (drag to adjust)',
    density: 'Density',
    label: 'Map',
  },
} satisfies Messages;
