import { inflateRawSync } from 'node:zlib';
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { iter as zipEntries } from 'but-unzip';
import { parseDbf, parseShp } from 'shpjs';
import type { CoordSystem } from '../contract/geo.js';
import { invalidField } from '../shared/errors.js';
import { parseGridGeoJson, type GridParseOptions, type ParsedGrid } from './grid-geojson.js';

/**
 * Grid files as grid platforms export them (ADR 0185, amended): a GeoJSON file, a shapefile zip
 * (.shp + .dbf, optional .prj and .cpg) or KML (also zipped as KMZ). Each is read into a GeoJSON
 * FeatureCollection by a maintained parser (shpjs, @tmcw/togeojson over @xmldom/xmldom) and then
 * through the one GeoJSON reader, so every format gives the same grids and the same 400s.
 */
export type GridFileFormat = 'geojson' | 'shapefile' | 'kml';

export interface GridFileOptions extends Omit<GridParseOptions, 'at'> {
  readonly coordSystem?: CoordSystem;
  /** The .dbf text encoding when the zip has no .cpg (grid platforms often write GBK). */
  readonly encoding?: string;
}

/** Upload limit of one grid file; a zip's entries together may unpack to `UNPACKED_MAX_BYTES`. */
export const GRID_FILE_MAX_BYTES = 50 * 1024 * 1024;
const UNPACKED_MAX_BYTES = 200 * 1024 * 1024;
const AT = 'file';

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The first character that is not a byte-order mark or white space. */
function firstChar(bytes: Uint8Array): string {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '');
  return head.trimStart().charAt(0);
}

/** Reads one grid file, whatever its format (recognised from the bytes, not the name). */
export function parseGridFile(
  fileName: string,
  bytes: Uint8Array,
  options: GridFileOptions = {},
): { format: GridFileFormat; grids: ParsedGrid[] } {
  if (bytes.length === 0) throw invalidField(AT, 'empty');
  if (bytes.length > GRID_FILE_MAX_BYTES) throw invalidField(AT, 'larger than 50 MB');
  const from = options.coordSystem ?? 'wgs84';
  const parse = (format: GridFileFormat, fc: unknown) => ({
    format,
    grids: parseGridGeoJson(fc, from, { fields: options.fields, region: options.region, at: AT }).grids,
  });
  if (startsWith(bytes, ZIP)) {
    const entries = unzip(bytes);
    const shp = [...entries.keys()].filter((n) => n.toLowerCase().endsWith('.shp'));
    if (shp.length > 0) return parse('shapefile', shapefileToGeoJson(entries, shp, options.encoding));
    const kml = [...entries.keys()].filter((n) => n.toLowerCase().endsWith('.kml'));
    if (kml.length === 1) return parse('kml', kmlTextToGeoJson(new TextDecoder('utf-8').decode(entries.get(kml[0]!)!)));
    throw invalidField(AT, 'zip holds no .shp (shapefile) and no single .kml (KMZ)');
  }
  const first = firstChar(bytes);
  if (first === '<') return parse('kml', kmlTextToGeoJson(new TextDecoder('utf-8').decode(bytes)));
  if (first === '{') {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8').decode(bytes));
    } catch {
      throw invalidField(AT, 'not valid JSON');
    }
    return parse('geojson', json);
  }
  throw invalidField(AT, `${fileName}: neither GeoJSON, KML nor a shapefile zip`);
}

/**
 * The entries of a zip (folders and macOS resource forks left out), each unpacked with a cap so a
 * small zip cannot unpack to gigabytes; a damaged zip is a 400.
 */
function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  // but-unzip searches backwards for the end record without a floor and never returns when a cut-off
  // file has none: the record is found (and its directory bounds checked) here first.
  if (!hasEndRecord(bytes)) throw invalidField(AT, 'damaged zip');
  const out = new Map<string, Uint8Array>();
  let left = UNPACKED_MAX_BYTES;
  const inflate = (raw: Uint8Array) => {
    const data = inflateRawSync(raw, { maxOutputLength: Math.max(1, left) });
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  };
  try {
    for (const entry of zipEntries(bytes, inflate)) {
      if (entry.filename.endsWith('/') || entry.filename.includes('__MACOSX')) continue;
      const data = entry.read();
      if (data instanceof Promise) throw new Error('asynchronous inflate');
      left -= data.byteLength;
      if (left < 0) throw new RangeError('unpacked too large');
      out.set(entry.filename, data);
    }
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw invalidField(AT, 'zip unpacks to more than 200 MB');
    throw invalidField(AT, 'damaged zip');
  }
  return out;
}

/** The zip's end-of-central-directory record within its last 64 KiB, its directory inside the file. */
function hasEndRecord(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    return view.getUint32(i + 12, true) + view.getUint32(i + 16, true) <= i;
  }
  return false;
}

const SHP_POLYGON_TYPES = new Set([5, 15, 25]);

/** One shapefile layer (the only .shp of the zip) as a FeatureCollection in longitude/latitude. */
function shapefileToGeoJson(entries: Map<string, Uint8Array>, shpNames: string[], encoding: string | undefined): unknown {
  if (shpNames.length > 1) throw invalidField(AT, `more than one layer (${shpNames.join(', ')}): one .shp per zip`);
  const shpName = shpNames[0]!;
  const stem = shpName.slice(0, -4);
  const sibling = (ext: string) => [...entries.entries()].find(([n]) => n.toLowerCase() === `${stem}.${ext}`.toLowerCase())?.[1];
  const shp = sibling('shp')!;
  const dbf = sibling('dbf');
  if (!dbf) throw invalidField(`${AT}.dbf`, `missing: ${stem}.dbf carries the grids' codes and names`);
  const prj = sibling('prj');
  if (prj) checkPrj(new TextDecoder('utf-8').decode(prj));
  if (shp.byteLength < 100) throw invalidField(`${AT}.shp`, 'not a shapefile');
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (view.getInt32(0) !== 9994) throw invalidField(`${AT}.shp`, 'not a shapefile');
  const shapeType = view.getInt32(32, true);
  if (!SHP_POLYGON_TYPES.has(shapeType)) throw invalidField(`${AT}.shp`, `shape type ${shapeType}: polygons expected`);
  const [xmin, ymin, xmax, ymax] = [36, 44, 52, 60].map((o) => view.getFloat64(o, true)) as [number, number, number, number];
  if (!prj && (Math.abs(xmin) > 180 || Math.abs(xmax) > 180 || Math.abs(ymin) > 90 || Math.abs(ymax) > 90))
    throw invalidField(
      `${AT}.shp`,
      'coordinates are not longitude/latitude (a projected system without .prj?): export longitude/latitude in CGCS2000 or WGS-84',
    );
  let shapes: unknown[];
  let records: Record<string, unknown>[];
  try {
    shapes = parseShp(shp) as unknown[];
  } catch {
    throw invalidField(`${AT}.shp`, 'damaged shapefile');
  }
  const cpg = sibling('cpg');
  const declared = encoding?.trim() || (cpg ? new TextDecoder('utf-8').decode(cpg).trim() : '');
  try {
    records = readDbf(dbf, declared);
  } catch (error) {
    if (error instanceof RangeError && /encoding/i.test(error.message)) throw invalidField('encoding', 'unknown encoding');
    throw invalidField(`${AT}.dbf`, 'damaged dBASE file');
  }
  if (records.length !== shapes.length) throw invalidField(`${AT}.dbf`, `${records.length} records for ${shapes.length} shapes`);
  return {
    type: 'FeatureCollection',
    features: shapes.map((geometry, i) => ({ type: 'Feature', geometry, properties: records[i] ?? {} })),
  };
}

/**
 * The .dbf's records decoded as declared (the request, else the .cpg); with nothing declared UTF-8,
 * and GBK (GB 18030) when UTF-8 does not fit — Chinese GIS software writes GBK without a .cpg.
 */
function readDbf(dbf: Uint8Array, declared: string): Record<string, unknown>[] {
  const view = () => new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  if (declared !== '') {
    new TextDecoder(declared); // RangeError for a label no decoder knows
    return parseDbf(view(), declared) as Record<string, unknown>[];
  }
  const utf8 = parseDbf(view()) as Record<string, unknown>[];
  const broken = utf8.some((r) =>
    Object.entries(r).some(([k, v]) => k.includes('\uFFFD') || (typeof v === 'string' && v.includes('\uFFFD'))),
  );
  return broken ? (parseDbf(view(), 'gb18030') as Record<string, unknown>[]) : utf8;
}

/** The geographic systems whose longitude/latitude lianxin stores unchanged (ADR 0185: WGS-84; CGCS2000 differs by < 1 m). */
const ACCEPTED_DATUMS = [/WGS[ _-]?(19)?84/i, /China[ _]?(Geodetic[ _]Coordinate[ _]System[ _])?2000/i, /CGCS[ _]?2000/i];

/**
 * A .prj (WKT) must name a geographic system on WGS-84 or CGCS2000: a projected one (Gauss-Krüger,
 * Web Mercator…) or another datum (Beijing 1954, Xi'an 1980) is refused naming it, as lianxin does
 * not reproject — the platform can export longitude/latitude.
 */
export function checkPrj(wkt: string): void {
  const text = wkt.trim();
  const name = (/^\w+\[\s*"([^"]*)"/.exec(text)?.[1] ?? text.slice(0, 60)).trim();
  if (/^(PROJCS|PROJCRS|PROJECTEDCRS)\[/i.test(text))
    throw invalidField(
      `${AT}.prj`,
      `projected coordinate system "${name}": lianxin stores longitude/latitude; export the grids in CGCS2000 or WGS-84 longitude/latitude (GCS)`,
    );
  if (!/^(GEOGCS|GEOGCRS|GEODCRS|GEOGRAPHICCRS)\[/i.test(text))
    throw invalidField(`${AT}.prj`, `not a coordinate system: "${name}"`);
  const datum = /DATUM\[\s*"([^"]*)"/i.exec(text)?.[1] ?? name;
  if (!ACCEPTED_DATUMS.some((re) => re.test(datum) || re.test(name)))
    throw invalidField(`${AT}.prj`, `datum "${datum}": only CGCS2000 or WGS-84 longitude/latitude is read`);
}

/**
 * KML (OGC 07-147; WGS-84 longitude,latitude[,altitude] by definition) as a FeatureCollection. A
 * document type declaration is refused before parsing: no entity of the file is ever expanded.
 * Placemarks with several polygons (MultiGeometry) become one MultiPolygon.
 */
function kmlTextToGeoJson(text: string): unknown {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw invalidField(AT, 'KML with a DOCTYPE or entities is not read');
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    // Errors stop parsing (a ParseError); warnings (an unknown prefix…) do not.
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    throw invalidField(AT, `not well-formed XML: ${String((error as Error).message).slice(0, 120)}`);
  }
  if (!doc.documentElement) throw invalidField(AT, 'not well-formed XML');
  if (doc.documentElement.localName !== 'kml')
    throw invalidField(AT, `XML root <${doc.documentElement.localName}>, <kml> expected`);
  const fc = kmlToGeoJson(doc as unknown as Document) as { features: { geometry: unknown }[] };
  for (const f of fc.features) f.geometry = flattenCollection(f.geometry);
  return fc;
}

type Geometry = { type: string; coordinates?: unknown; geometries?: Geometry[] };

/** A GeometryCollection made only of polygons (KML's MultiGeometry) as a MultiPolygon; anything else unchanged. */
function flattenCollection(g: unknown): unknown {
  const geometry = g as Geometry | null;
  if (!geometry || geometry.type !== 'GeometryCollection' || !geometry.geometries) return g;
  const parts = geometry.geometries.map(flattenCollection) as Geometry[];
  if (!parts.every((p) => p.type === 'Polygon' || p.type === 'MultiPolygon')) return g;
  return {
    type: 'MultiPolygon',
    coordinates: parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : (p.coordinates as unknown[]))),
  };
}
