// DEMO GEOGRAPHY (issue 18): the seats of the league's 13 banners/counties/cities at their published
// approximate coordinates (WGS-84, degrees, from public gazetteers), around which the demo generates
// square grids for each town. The grids are NOT real boundaries: every one is stored with demo = true
// and named 「演示网格」; the towns are placed on a ring around their county's seat.
export const COUNTY_SEATS: Record<string, { lng: number; lat: number }> = {
  锡林浩特市: { lng: 116.086, lat: 43.944 },
  二连浩特市: { lng: 111.977, lat: 43.653 },
  阿巴嘎旗: { lng: 114.95, lat: 44.022 },
  苏尼特左旗: { lng: 113.653, lat: 43.854 },
  苏尼特右旗: { lng: 112.656, lat: 42.742 },
  东乌珠穆沁旗: { lng: 116.972, lat: 45.51 },
  西乌珠穆沁旗: { lng: 117.615, lat: 44.586 },
  太仆寺旗: { lng: 115.283, lat: 41.877 },
  镶黄旗: { lng: 113.843, lat: 42.239 },
  正镶白旗: { lng: 115.031, lat: 42.287 },
  正蓝旗: { lng: 116.004, lat: 42.242 },
  多伦县: { lng: 116.486, lat: 42.203 },
  乌拉盖管理区: { lng: 118.833, lat: 45.717 },
};

/** Grids per town side (2 × 2) and each grid's size in degrees (≈ 1.6 km × 1.7 km at 44° N). */
export const DEMO_GRID_SIDE = 2;
export const DEMO_GRID_DEG = { lng: 0.02, lat: 0.015 };
/** How far from the seat the county's other towns sit (degrees): streets close, sumu/towns further. */
export const DEMO_TOWN_RING_DEG = 0.08;
