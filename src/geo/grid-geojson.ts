import type { CoordSystem, GridGeometry } from '../contract/geo.js';
import { positionToWgs84 } from '../shared/coordinates.js';
import { invalidField } from '../shared/errors.js';

/** One grid as read from an import file, in WGS-84. */
export interface ParsedGrid {
  readonly code: string;
  readonly name: string;
  /** The town/street region, by its code or name as the file says it. */
  readonly region: string;
  readonly geometry: GridGeometry;
}

export const GRID_IMPORT_MAX_FEATURES = 30000;
const MAX_POSITIONS = 3_000_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown, max: number): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' || t.length > max ? null : t;
}

/** First property present among `names` (grid platforms spell them differently). */
const prop = (props: Record<string, unknown>, names: readonly string[]) => names.map((n) => props[n]).find((v) => v != null);

/** The attribute names a file's grids carry their code, name and region under (grid platforms differ). */
export interface GridFieldNames {
  readonly code?: string;
  readonly name?: string;
  readonly region?: string;
}

export interface GridParseOptions {
  /** Attribute names to read instead of the usual ones (code/网格编码, name/网格名称, region/所属街道). */
  readonly fields?: GridFieldNames;
  /** The region of every grid the file does not give one (a town's own export). */
  readonly region?: string;
  /** How errors name the input: `geojson` (the JSON body) or `file` (an uploaded file). */
  readonly at?: string;
}

const DEFAULT_FIELDS = {
  code: ['code', 'CODE', '网格编码', 'grid_code'],
  name: ['name', 'NAME', '网格名称', 'grid_name'],
  region: ['region', 'town', '所属街道', '街道', 'street'],
} as const;

const namesOf = (configured: string | undefined, defaults: readonly string[]) =>
  configured !== undefined && configured.trim() !== '' ? [configured.trim()] : defaults;

/**
 * Reads a GeoJSON FeatureCollection of grids (RFC 7946; Polygon or MultiPolygon features with
 * properties `code`, `name` and `region` — also 网格编码/网格名称/所属街道, or the attribute names the
 * options give), converts the positions from `from` to WGS-84 and closes open rings. A fault answers
 * 400 naming the feature and the part. Shapefile zips and KML arrive here too, read into the same
 * shape by `grid-file.ts`.
 */
export function parseGridGeoJson(
  input: unknown,
  from: CoordSystem,
  options: GridParseOptions = {},
): { grids: ParsedGrid[]; positions: number } {
  const base = options.at ?? 'geojson';
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features))
    throw invalidField(base, 'FeatureCollection');
  if (input.features.length === 0) throw invalidField(`${base}.features`, 'empty');
  if (input.features.length > GRID_IMPORT_MAX_FEATURES) throw invalidField(`${base}.features`, 'too many');
  const codeNames = namesOf(options.fields?.code, DEFAULT_FIELDS.code);
  const nameNames = namesOf(options.fields?.name, DEFAULT_FIELDS.name);
  const regionNames = namesOf(options.fields?.region, DEFAULT_FIELDS.region);
  const fixedRegion = text(options.region, 100);
  const grids: ParsedGrid[] = [];
  const seen = new Set<string>();
  let positions = 0;
  input.features.forEach((f: unknown, i: number) => {
    const at = `${base}.features[${i}]`;
    if (!isObject(f) || f.type !== 'Feature') throw invalidField(at);
    const props = isObject(f.properties) ? f.properties : {};
    const code = text(prop(props, codeNames), 64);
    if (code === null) throw invalidField(`${at}.properties.${codeNames[0]}`);
    if (seen.has(code)) throw invalidField(`${at}.properties.${codeNames[0]}`, 'repeated');
    seen.add(code);
    const name = text(prop(props, nameNames), 100);
    if (name === null) throw invalidField(`${at}.properties.${nameNames[0]}`);
    const region = text(prop(props, regionNames), 100) ?? fixedRegion;
    if (region === null) throw invalidField(`${at}.properties.${regionNames[0]}`);
    const geometry = readGeometry(f.geometry, from, `${at}.geometry`);
    for (const p of geometry.coordinates) for (const ring of p) positions += ring.length;
    if (positions > MAX_POSITIONS) throw invalidField(base, 'too many positions');
    grids.push({ code, name, region, geometry });
  });
  return { grids, positions };
}

export function readGeometry(g: unknown, from: CoordSystem, at: string): GridGeometry {
  if (!isObject(g) || !Array.isArray(g.coordinates)) throw invalidField(at);
  const polygons: unknown[] =
    g.type === 'Polygon'
      ? [g.coordinates]
      : g.type === 'MultiPolygon'
        ? g.coordinates
        : (() => {
            throw invalidField(`${at}.type`, 'Polygon or MultiPolygon');
          })();
  if (polygons.length === 0) throw invalidField(`${at}.coordinates`, 'empty');
  return {
    type: 'MultiPolygon',
    coordinates: polygons.map((p, pi) => {
      if (!Array.isArray(p) || p.length === 0) throw invalidField(`${at}.coordinates[${pi}]`);
      return p.map((ring: unknown, ri) => readRing(ring, from, `${at}.coordinates[${pi}][${ri}]`));
    }),
  };
}

function readRing(ring: unknown, from: CoordSystem, at: string): number[][] {
  if (!Array.isArray(ring)) throw invalidField(at);
  const out = ring.map((pos: unknown) => {
    if (!Array.isArray(pos) || pos.length < 2) throw invalidField(at, 'position');
    const [lng, lat] = pos as unknown[];
    if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat))
      throw invalidField(at, 'position');
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) throw invalidField(at, 'out of range');
    return positionToWgs84([lng, lat], from);
  });
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0]!, first[1]!]);
  if (out.length < 4) throw invalidField(at, 'fewer than 3 corners');
  return out;
}
