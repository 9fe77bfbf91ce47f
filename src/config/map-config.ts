import { MAP_TILE_CRS, type MapTileCrs, type MapTilesView } from '../contract/map.js';

type Env = Record<string, string | undefined>;

/**
 * The map's base tiles (ADR 0187): unset, the map draws the centre's own outlines on a plain background
 * and no browser is ever sent outside this server. LIANXIN_MAP_TILES holds one or more URL templates
 * separated by `|` (天地图 draws its labels as a second layer), with {z} {x} {y} and optionally {s}.
 */
export function mapTilesFrom(env: Env, problems: string[]): MapTilesView | null {
  const raw = env.LIANXIN_MAP_TILES?.trim();
  const crsRaw = env.LIANXIN_MAP_TILES_CRS?.trim() || 'wgs84';
  if (!(MAP_TILE_CRS as readonly string[]).includes(crsRaw))
    problems.push(`LIANXIN_MAP_TILES_CRS must be one of ${MAP_TILE_CRS.join(', ')}, got "${crsRaw}"`);
  const maxZoom = Number(env.LIANXIN_MAP_MAX_ZOOM || 18);
  if (!Number.isInteger(maxZoom) || maxZoom < 1 || maxZoom > 22)
    problems.push(`LIANXIN_MAP_MAX_ZOOM must be an integer from 1 to 22, got "${env.LIANXIN_MAP_MAX_ZOOM}"`);
  if (!raw) return null;
  const urls = raw
    .split('|')
    .map((u) => u.trim())
    .filter(Boolean);
  for (const url of urls) {
    if (!/^https?:\/\/[^\s]+$/.test(url)) problems.push(`LIANXIN_MAP_TILES: "${url}" is not an http:// or https:// URL`);
    else if (!['{z}', '{x}', '{y}'].every((p) => url.includes(p)))
      problems.push(`LIANXIN_MAP_TILES: "${url}" must contain {z}, {x} and {y}`);
  }
  return Object.freeze({
    urls,
    subdomains: env.LIANXIN_MAP_TILES_SUBDOMAINS?.trim() || 'abc',
    crs: crsRaw as MapTileCrs,
    attribution: env.LIANXIN_MAP_ATTRIBUTION?.trim() || null,
    maxZoom,
  });
}

/**
 * The Content-Security-Policy `img-src` sources the tiles need: each template's origin, and for a
 * subdomain placeholder in the host (`t{s}.tianditu.gov.cn`) the wildcard of its parent domain.
 */
export function tileImageSources(tiles: MapTilesView | null): string[] {
  if (!tiles) return [];
  const sources = new Set<string>();
  for (const url of tiles.urls) {
    const match = /^(https?):\/\/([^/?#]+)/.exec(url);
    if (!match) continue;
    const [, scheme, host] = match;
    const labels = host!.split('.');
    if (labels[0]!.includes('{')) sources.add(`${scheme}://*.${labels.slice(1).join('.')}`);
    else if (!host!.includes('{')) sources.add(`${scheme}://${host}`);
  }
  return [...sources];
}
