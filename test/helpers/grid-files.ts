import { crc32, deflateRawSync } from 'node:zlib';

// Grid files as grid platforms export them, written byte by byte at run time (no binary fixtures):
// a zip (deflated entries, CRC-32), an ESRI shapefile (.shp polygons, .dbf records) and KML.

/** A zip archive of the given entries, each deflated (method 8), with its central directory. */
export function zipOf(entries: Record<string, Uint8Array | string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    locals.push(local, fileName, packed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(fileName.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, fileName);
    offset += 30 + fileName.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/** [lng, lat] rings of one polygon: the outer ring first, holes after. */
export type Rings = number[][][];

/** A closed ring running clockwise (a shapefile's outer ring) or anticlockwise (a hole). */
export function box(x0: number, y0: number, x1: number, y1: number, clockwise = true): number[][] {
  const cw = [
    [x0, y0],
    [x0, y1],
    [x1, y1],
    [x1, y0],
    [x0, y0],
  ];
  return clockwise ? cw : [...cw].reverse();
}

/** A .shp of polygon records (shape type 5; or `shapeType` with the same layout) — each record any number of parts. */
export function shpOf(records: Rings[], shapeType = 5): Buffer {
  const all = records.flat(2);
  const bbox = [
    Math.min(...all.map((p) => p[0]!)),
    Math.min(...all.map((p) => p[1]!)),
    Math.max(...all.map((p) => p[0]!)),
    Math.max(...all.map((p) => p[1]!)),
  ];
  const bodies = records.map((rings, i) => {
    const points = rings.flat();
    const content = Buffer.alloc(44 + 4 * rings.length + 16 * points.length);
    content.writeInt32LE(shapeType, 0);
    const xs = points.map((p) => p[0]!);
    const ys = points.map((p) => p[1]!);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, k) => content.writeDoubleLE(v, 4 + 8 * k));
    content.writeInt32LE(rings.length, 36);
    content.writeInt32LE(points.length, 40);
    let start = 0;
    rings.forEach((r, k) => {
      content.writeInt32LE(start, 44 + 4 * k);
      start += r.length;
    });
    points.forEach((p, k) => {
      content.writeDoubleLE(p[0]!, 44 + 4 * rings.length + 16 * k);
      content.writeDoubleLE(p[1]!, 44 + 4 * rings.length + 16 * k + 8);
    });
    const head = Buffer.alloc(8);
    head.writeInt32BE(i + 1, 0);
    head.writeInt32BE(content.length / 2, 4);
    return Buffer.concat([head, content]);
  });
  const header = Buffer.alloc(100);
  header.writeInt32BE(9994, 0);
  header.writeInt32BE((100 + bodies.reduce((n, b) => n + b.length, 0)) / 2, 24);
  header.writeInt32LE(1000, 28);
  header.writeInt32LE(shapeType, 32);
  bbox.forEach((v, k) => header.writeDoubleLE(v, 36 + 8 * k));
  return Buffer.concat([header, ...bodies]);
}

let gbkTable: Map<string, Buffer> | null = null;
/** Text in GBK, from a reverse table of Node's own GBK decoder (no encoder library needed). */
export function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(a, b));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, Buffer.from([a, b]));
      }
  }
  return Buffer.concat(
    [...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch, 'latin1') : (gbkTable!.get(ch) ?? Buffer.from('?')))),
  );
}

/** A dBASE III file of text columns (type C), encoded as UTF-8 or GBK. */
export function dbfOf(fields: string[], rows: string[][], encoding: 'utf8' | 'gbk' = 'utf8'): Buffer {
  const enc = (s: string) => (encoding === 'gbk' ? gbk(s) : Buffer.from(s, 'utf8'));
  const widths = fields.map((_, k) => Math.max(10, ...rows.map((r) => enc(r[k] ?? '').length)));
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const headerLength = 32 + 32 * fields.length + 1;
  const header = Buffer.alloc(32);
  header.writeUInt8(0x03, 0);
  header.writeUInt8(125, 1);
  header.writeUInt8(3, 2);
  header.writeUInt8(3, 3);
  header.writeUInt32LE(rows.length, 4);
  header.writeUInt16LE(headerLength, 8);
  header.writeUInt16LE(recordLength, 10);
  const descriptors = fields.map((name, k) => {
    const d = Buffer.alloc(32);
    enc(name).copy(d, 0, 0, 10);
    d.write('C', 11, 'latin1');
    d.writeUInt8(widths[k]!, 16);
    return d;
  });
  const records = rows.map((r) =>
    Buffer.concat([
      Buffer.from(' '),
      ...r.map((v, k) => {
        const cell = Buffer.alloc(widths[k]!, 0x20);
        enc(v).copy(cell);
        return cell;
      }),
    ]),
  );
  return Buffer.concat([header, ...descriptors, Buffer.from([0x0d]), ...records, Buffer.from([0x1a])]);
}

export const PRJ_CGCS2000 =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
export const PRJ_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
export const PRJ_GAUSS_KRUGER =
  'PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
export const PRJ_BEIJING_1954 =
  'GEOGCS["GCS_Beijing_1954",DATUM["D_Beijing_1954",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

export interface KmlPlacemark {
  name: string;
  data: Record<string, string>;
  /** One or more polygons (several: a MultiGeometry), each [outer, ...holes] of [lng, lat] rings. */
  polygons: Rings[];
}

/** A KML document (OGC 2.2) of placemarks with ExtendedData and altitudes on the positions. */
export function kmlOf(placemarks: KmlPlacemark[]): string {
  const coords = (ring: number[][]) => ring.map(([x, y]) => `${x},${y},0`).join(' ');
  const polygon = ([outer, ...holes]: Rings) =>
    `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coords(outer!)}</coordinates></LinearRing></outerBoundaryIs>${holes
      .map((h) => `<innerBoundaryIs><LinearRing><coordinates>${coords(h)}</coordinates></LinearRing></innerBoundaryIs>`)
      .join('')}</Polygon>`;
  const body = placemarks
    .map((p) => {
      const data = Object.entries(p.data)
        .map(([k, v]) => `<Data name="${k}"><value>${v}</value></Data>`)
        .join('');
      const geometry =
        p.polygons.length === 1 ? polygon(p.polygons[0]!) : `<MultiGeometry>${p.polygons.map(polygon).join('')}</MultiGeometry>`;
      return `<Placemark><name>${p.name}</name><ExtendedData>${data}</ExtendedData>${geometry}</Placemark>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>网格</name>\n${body}\n</Document></kml>\n`;
}
